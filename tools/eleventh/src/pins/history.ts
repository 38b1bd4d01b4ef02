/**
 * One streaming `git log` pass along the first-parent chain, newest first: each commit with the paths it
 * changed (against its first parent, renames as delete + add) goes to `visit`, which returns true once it
 * has found everything it looks for; the git process is then killed, so the walk costs only as much
 * history as it needs.
 */
import { spawn } from 'node:child_process';
import { StringDecoder } from 'node:string_decoder';
import { GitError } from '../errors';
import { assertFullHistory, MISSING_OBJECT } from '../git/run';

export interface CommitChange {
  readonly commit: string;
  readonly paths: readonly string[];
}

export interface WalkOptions {
  readonly root: string;
  /** Revision range, e.g. `['<base>..<head>']` or `['<head>']`. */
  readonly revs: readonly string[];
  /** Pathspecs limiting the walk ([] = whole tree). */
  readonly paths: readonly string[];
  /** Keep only these of the paths git prints (classify.ts walkPaths: a filter instead of costly pathspecs). */
  readonly keep?: (path: string) => boolean;
  /** Called per commit, in order; return true to stop. */
  readonly visit: (change: CommitChange) => boolean | Promise<boolean>;
}

const COMMIT_MARK = '\x01';

function logArgs(options: WalkOptions): string[] {
  return [
    '-c', 'core.quotePath=false',
    'log', '-z', '--first-parent', '--no-renames', '--name-only', `--format=${'%x01'}%H`,
    ...options.revs, '--', ...options.paths,
  ];
}

/**
 * Splits git's `-z` output into commits as it streams. A commit's path list only ends when the next commit
 * starts, which may be far back in history; so each chunk also hands over the paths read so far of the commit
 * still open (the same commit may then come in several parts — visiting a path twice is harmless).
 */
class CommitParser {
  private current: { commit: string; paths: string[] } | undefined;
  private rest = '';
  private readonly decoder = new StringDecoder('utf8');

  constructor(private readonly keep: (path: string) => boolean = () => true) {}

  /** Feed a chunk; returns the commits (or parts of the open one) it completed. */
  push(chunk: Buffer): CommitChange[] {
    const tokens = (this.rest + this.decoder.write(chunk)).split('\0');
    this.rest = tokens.pop() ?? '';
    const done = this.take(tokens);
    if (this.current && this.current.paths.length > 0) {
      done.push(this.current);
      this.current = { commit: this.current.commit, paths: [] };
    }
    return done;
  }

  /** End of output: the remaining commits. */
  end(): CommitChange[] {
    const done = this.take([this.rest + this.decoder.end()]);
    if (this.current && this.current.paths.length > 0) done.push(this.current);
    this.current = undefined;
    return done;
  }

  private take(tokens: readonly string[]): CommitChange[] {
    const done: CommitChange[] = [];
    for (const raw of tokens) {
      const token = raw.replace(/^\n+/, '').replace(/\n+$/, '');
      if (token.startsWith(COMMIT_MARK)) {
        if (this.current && this.current.paths.length > 0) done.push(this.current);
        this.current = { commit: token.slice(1), paths: [] };
      } else if (token && this.current && this.keep(token)) this.current.paths.push(token);
    }
    return done;
  }
}

/** Walk history; resolves to the number of commits visited. */
export async function walkHistory(options: WalkOptions): Promise<number> {
  const args = logArgs(options);
  // GIT_FLUSH: git writes each commit as it finds it, so an early stop does not wait for a full pipe buffer.
  const child = spawn('git', args, { cwd: options.root, env: { ...process.env, LC_ALL: 'C', GIT_FLUSH: '1' } });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const parser = new CommitParser(options.keep);
  let visited = 0;
  let last: string | undefined;
  const visitAll = async (changes: readonly CommitChange[]): Promise<boolean> => {
    for (const change of changes) {
      if (change.commit !== last) visited++;
      last = change.commit;
      if (await options.visit(change)) return true;
    }
    return false;
  };
  for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
    if (await visitAll(parser.push(chunk))) {
      // Unread output would keep stdout open, and 'close' never comes: drop it before waiting.
      child.stdout.destroy();
      child.kill();
      await exit;
      return visited;
    }
  }
  const code = await exit;
  if (code !== 0) {
    if (MISSING_OBJECT.test(stderr)) assertFullHistory(options.root, 'history walk');
    throw new GitError(args, stderr, code);
  }
  await visitAll(parser.end());
  return visited;
}
