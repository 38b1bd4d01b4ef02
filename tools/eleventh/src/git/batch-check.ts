/** Many object names resolved in one `git cat-file --batch-check`: each name's object id and type, or undefined when git has none. */
import { git } from './run';

export interface CheckedObject {
  readonly oid: string;
  readonly type: string;
}

/** `names` (revision expressions such as `<sha>^{commit}` or `<sha>:path`) in order; one git process for all. */
export function checkObjects(root: string, names: readonly string[]): Array<CheckedObject | undefined> {
  if (names.length === 0) return [];
  const lines = git(['cat-file', '--batch-check=%(objectname) %(objecttype)'], { cwd: root, input: names.map((n) => `${n}\n`).join('') }).stdout.split('\n');
  // A name git cannot resolve answers `<name> missing` (or `ambiguous`): only a known type is an object.
  return names.map((_, i) => {
    const [oid, type] = (lines[i] ?? '').split(' ');
    return oid && (type === 'commit' || type === 'tree' || type === 'blob' || type === 'tag') ? { oid, type } : undefined;
  });
}
