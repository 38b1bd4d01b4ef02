/** Committer times of many commits in two git processes; commits the repository lacks are left out. */
import { git } from '../git/run';

/** sha → committer time, epoch seconds. */
export function commitTimes(root: string, shas: Iterable<string>): Map<string, number> {
  const wanted = [...new Set(shas)].sort();
  const out = new Map<string, number>();
  if (wanted.length === 0) return out;
  const check = git(['cat-file', '--batch-check=%(objectname) %(objecttype)'], { cwd: root, input: `${wanted.join('\n')}\n` }).stdout;
  const present = check.split('\n').filter((l) => l.endsWith(' commit')).map((l) => l.split(' ')[0]);
  if (present.length === 0) return out;
  const log = git(['log', '--no-walk=unsorted', '--stdin', '--format=%H %ct'], { cwd: root, input: `${present.join('\n')}\n` }).stdout;
  for (const line of log.split('\n')) {
    const [sha, ct] = line.split(' ');
    if (sha && ct) out.set(sha, Number(ct));
  }
  return out;
}
