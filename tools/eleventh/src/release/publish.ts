/** `--commit` / `--push [remote]` for recipe, promote and rollback: produce → commit per environment → push (retried until ELEVENTH_PUSH_TIMEOUT). */
import { commitEnvironment, type EnvChange, type ReleaseAction } from './commit';
import { assertCleanForPush, produceAndPush } from './push';
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
