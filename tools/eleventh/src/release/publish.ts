/** `--commit` / `--push [remote]` for recipe, promote and rollback: produce → commit per environment → push (retried until ELEVENTH_PUSH_TIMEOUT). */
import { commitEnvironment, type EnvChange, type ReleaseAction } from './commit';
import { assertCleanForPush, knownRemote, produceAndPush } from './push';
import { pushTimeoutSeconds, retryPolicy } from './push-retry';

export interface PublishOptions {
  readonly root: string;
  readonly action: ReleaseAction;
  readonly commit: boolean;
  /** Remote to push to (implies commit). */
  readonly push?: string;
  readonly log: (line: string) => void;
  /** Where ELEVENTH_PUSH_TIMEOUT (seconds to keep retrying a rejected push) is read. @default process.env */
  readonly env?: NodeJS.ProcessEnv;
}

export interface Published<T> {
  readonly result: T;
  /** Commits made (the last attempt's, when a push was retried). */
  readonly commits: readonly string[];
}

/** Run `produce` (plan + write; returns the environments it changed) and commit/push as asked. */
export async function publish<T extends { changes: readonly EnvChange[] }>(opts: PublishOptions, produce: () => Promise<T>): Promise<Published<T>> {
  let commits: string[] = [];
  const produceAndCommit = async (): Promise<T> => {
    const result = await produce();
    commits = [];
    if (opts.commit || opts.push) {
      for (const change of result.changes) {
        const sha = await commitEnvironment(opts.root, opts.action, change);
        if (sha) commits.push(sha);
      }
    }
    return result;
  };
  if (!opts.push) return { result: await produceAndCommit(), commits };
  const retry = retryPolicy(pushTimeoutSeconds(opts.env));
  assertCleanForPush(opts.root);
  const result = await produceAndPush({ root: opts.root, remote: opts.push, retry, log: opts.log }, produceAndCommit);
  return { result, commits };
}

/**
 * Normalise `--push [remote]`: a bare `--push` (last, or followed by another option or by a word that is
 * not a configured remote) means `--push=origin`.
 */
export function normalisePushArg(argv: readonly string[], root: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] !== '--push') {
      out.push(argv[i]);
      continue;
    }
    const next = argv[i + 1];
    if (next !== undefined && !next.startsWith('-') && knownRemote(root, next)) {
      out.push(`--push=${next}`);
      i++;
    } else out.push('--push=origin');
  }
  return out;
}
