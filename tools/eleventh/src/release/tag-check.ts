/**
 * Tags are releases, not any ref: a promotion tag must match `promotion.tags`, exist, and point to a commit
 * reachable from the release branch (`promotion.branch`, a local or remote-tracking branch).
 */
import { ConfigError } from '../errors';
import { git, gitText } from '../git/run';
import type { PromotionConfig } from '../model';
import { readYamlFile } from '../yaml/read';
import { ReleaseRefusedError } from './errors';
import { matchesTag } from './tags';

/** `environments/<env>/environment.yaml` and the line of `promotion.<key>` there, when it is set. */
export function promotionKeyAt(root: string, env: string, key: string): { file: string; line?: number } {
  const file = `environments/${env}/environment.yaml`;
  try {
    const doc = readYamlFile(root, file);
    return { file, line: doc.lineOf(['promotion', key]) ?? doc.lineOf(['promotion']) };
  } catch {
    return { file };
  }
}

/**
 * The release branch's ref: `refs/heads/<branch>`, else the remote-tracking `refs/remotes/<remote>/<branch>`
 * (CI checkouts often have no local branch). A branch that exists nowhere is bad configuration (exit 2).
 */
/** The branch's ref, local first, else the first remote-tracking one; undefined when it exists nowhere. */
export function findBranchRef(root: string, branch: string): string | undefined {
  const local = `refs/heads/${branch}`;
  if (git(['show-ref', '--verify', '--quiet', local], { cwd: root, okCodes: [0, 1, 128] }).status === 0) return local;
  // refs/remotes/<remote>/<branch>, where the branch itself may contain slashes (release/2026).
  const remotes = gitText(['for-each-ref', '--format=%(refname)', 'refs/remotes'], { cwd: root }).split('\n').filter((r) => r.split('/').slice(3).join('/') === branch);
  return remotes.sort()[0];
}

export function releaseBranchRef(root: string, env: string, branch: string): string {
  const ref = findBranchRef(root, branch);
  if (ref) return ref;
  throw new ConfigError(promotionKeyAt(root, env, 'branch'), `promotion.branch '${branch}' does not exist in this repository`, `a local branch or a remote-tracking branch such as origin/${branch} (git fetch)`);
}

export function onBranch(root: string, commit: string, branchRef: string): boolean {
  return git(['merge-base', '--is-ancestor', commit, branchRef], { cwd: root, okCodes: [0, 1, 128] }).status === 0;
}

/** The commit `tag` promotes, after every check; refusals name the tag and the branch. */
export function tagCommit(root: string, env: string, tag: string, promotion: PromotionConfig): string {
  const action = `promote ${env} to ${tag}`;
  const refuse = (why: string): never => {
    throw new ReleaseRefusedError(action, [why]);
  };
  if (!matchesTag(promotion.tags, tag)) refuse(`environments/${env}/environment.yaml: tag '${tag}' does not match promotion.tags '${promotion.tags}'`);
  const res = git(['rev-parse', '--verify', '--quiet', `refs/tags/${tag}^{commit}`], { cwd: root, okCodes: [0, 1, 128] });
  if (res.status !== 0) refuse(`tag '${tag}' does not exist in this repository (expected \`git tag ${tag} <commit>\` and \`git fetch --tags\`)`);
  const commit = res.stdout.trim();
  const ref = releaseBranchRef(root, env, promotion.branch);
  if (!onBranch(root, commit, ref)) {
    refuse(`tag '${tag}' points to ${commit.slice(0, 12)}, which is not on the release branch '${promotion.branch}' (${ref}) (expected a tag on a commit reachable from ${promotion.branch})`);
  }
  return commit;
}

/** The commit `--from` promotes (HEAD), which must be on the release branch too. */
export function headOnBranch(root: string, env: string, promotion: PromotionConfig): string {
  const head = gitText(['rev-parse', 'HEAD'], { cwd: root });
  const ref = releaseBranchRef(root, env, promotion.branch);
  if (!onBranch(root, head, ref)) {
    throw new ReleaseRefusedError(`promote ${env} --from`, [`HEAD (${head.slice(0, 12)}) is not on the release branch '${promotion.branch}' (${ref}) (expected to promote from a commit reachable from ${promotion.branch})`]);
  }
  return head;
}

/** An annotated tag's tagger as `Name <email>` (undefined for a lightweight tag). */
export function taggerOf(root: string, tag: string): string | undefined {
  const type = gitText(['cat-file', '-t', `refs/tags/${tag}`], { cwd: root });
  if (type !== 'tag') return undefined;
  const who = gitText(['for-each-ref', '--format=%(taggername) %(taggeremail)', `refs/tags/${tag}`], { cwd: root });
  return who || undefined;
}
