/** `eleventh diff A B`: two environments at HEAD, or two refs (each environment, or --env E). */
import { loadConfig } from '../../config/load';
import { UsageError } from '../../errors';
import { git } from '../../git/run';
import { diffSides, sideAt } from './compute';
import type { RecipeDiff } from './model';

export interface DiffOptions {
  readonly root: string;
  readonly a: string;
  readonly b: string;
  /** Refs mode: only these environments. @default every environment */
  readonly envs?: readonly string[];
}

function isRev(root: string, rev: string): boolean {
  return git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], { cwd: root, okCodes: [0, 1, 128] }).status === 0;
}

export async function diffRecipes(opts: DiffOptions): Promise<RecipeDiff[]> {
  const { root, a, b } = opts;
  const config = loadConfig(root);
  const known = new Set(config.environments);
  if (known.has(a) && known.has(b)) {
    if (opts.envs) throw new UsageError(`diff: '${a}' and '${b}' are environments; --env applies to two refs`);
    return [diffSides(root, await sideAt(root, 'HEAD', a, a), await sideAt(root, 'HEAD', b, b))];
  }
  for (const rev of [a, b]) {
    if (!isRev(root, rev) && !known.has(rev)) throw new UsageError(`diff: '${rev}' is neither an environment nor a git revision`, `environments: ${config.environments.join(', ')}; or a tag, branch or commit`);
  }
  if (!isRev(root, a) || !isRev(root, b)) throw new UsageError(`diff: compare two environments or two revisions, not one of each ('${a}', '${b}')`, 'eleventh diff staging prod, or eleventh diff prod-v1 prod-v2 --env prod');
  const envs = opts.envs ?? config.environments;
  envs.forEach((e) => config.environment(e));
  const out: RecipeDiff[] = [];
  for (const env of envs) out.push(diffSides(root, await sideAt(root, a, env, `${a}:${env}`), await sideAt(root, b, env, `${b}:${env}`)));
  return out;
}
