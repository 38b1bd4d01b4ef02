/**
 * Writes one `git fast-import` stream: every commit goes to `refs/heads/main` in order, files inline.
 * The stream is piped into a single `git fast-import` process, with back-pressure, so memory stays flat.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';

/** One commit of the synthetic history. `null` content deletes the path. */
export interface SynthCommit {
  readonly author: { readonly name: string; readonly email: string };
  /** Unix seconds, UTC. */
  readonly time: number;
  readonly message: string;
  readonly files: ReadonlyArray<readonly [path: string, content: string | null]>;
}

export class FastImportError extends Error {
  constructor(readonly status: number | null, readonly stderr: string) {
    super(`git fast-import failed (exit ${status}): ${stderr.trim().slice(0, 500)}`);
    this.name = 'FastImportError';
  }
}

function data(text: string): string {
  return `data ${Buffer.byteLength(text, 'utf8')}\n${text}\n`;
}

/** The fast-import commands for one commit. */
export function commitCommand(c: SynthCommit, ref = 'refs/heads/main'): string {
  const who = `${c.author.name} <${c.author.email}> ${c.time} +0000`;
  const parts = [`commit ${ref}\n`, `author ${who}\n`, `committer ${who}\n`, data(c.message)];
  for (const [path, content] of c.files) {
    parts.push(content === null ? `D ${path}\n` : `M 100644 inline ${path}\n${data(content)}`);
  }
  parts.push('\n');
  return parts.join('');
}

/** Stream `commits` into `git fast-import` in `repo` (an initialised repository). Returns the count. */
export async function fastImport(repo: string, commits: Iterable<SynthCommit>): Promise<number> {
  const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: repo, stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = once(child, 'close') as Promise<[number | null]>;
  let count = 0;
  let batch: string[] = [];
  let batchBytes = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const ok = child.stdin.write(batch.join(''));
    batch = [];
    batchBytes = 0;
    if (!ok) await Promise.race([once(child.stdin, 'drain'), exited]);
  };
  for (const c of commits) {
    const text = commitCommand(c);
    batch.push(text);
    batchBytes += text.length;
    count++;
    if (batchBytes > 1 << 20) await flush();
  }
  batch.push('done\n');
  await flush();
  child.stdin.end();
  const [status] = await exited;
  if (status !== 0) throw new FastImportError(status, stderr);
  return count;
}
