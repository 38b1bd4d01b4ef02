/**
 * Is a kept pin still on the line pins are taken from? A pin is a commit on the first-parent line of `head`.
 * A recipe committed on a feature branch pins that branch's commits; once the branch is merged, the same
 * inputs belong to the merge commit, so a previous pin that is off the line must be looked up again even
 * though the inputs did not change.
 */
import { git, isShallow } from '../git/run';

/** Those of `commits` that are not on the first-parent line of `head` (one rev-list; none in a shallow clone). */
export function offFirstParentLine(root: string, head: string, commits: ReadonlySet<string>): Set<string> {
  const missing = new Set(commits);
  missing.delete(head);
  // A shallow clone cannot see the line's older part: keep what the recipe says (verify needs full history).
  if (missing.size === 0 || isShallow(root)) return new Set();
  for (const sha of git(['rev-list', '--first-parent', head], { cwd: root }).stdout.split('\n')) {
    if (missing.delete(sha) && missing.size === 0) break;
  }
  return missing;
}
