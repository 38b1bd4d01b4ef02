/** Test helpers: runCli in-process with captured output, and a temporary directory that is not a git repository. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliResult } from '../testing/example-repo';
import { runCli } from './main';

export async function runInProcess(cwd: string, argv: readonly string[]): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runCli(argv, { cwd, out: (t) => out.push(`${t}\n`), err: (t) => err.push(`${t}\n`) });
  return { status, stdout: out.join(''), stderr: err.join('') };
}

/** A fresh directory under the OS temp dir, outside any git repository. */
export function notARepo(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-not-a-repo-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
