/**
 * The type-check's two programs (typecheck-entry.ts): a changed deploy.ts is checked over the part of the kit
 * index it imports, and only an error, or an import the narrow index cannot serve, builds the whole kit. Each
 * case edits risk-report's deploy.ts in a reciped copy of the example and runs the real CLI, reading which
 * programs it built from its timing lines. The engine cache is the spec's own (no earlier run has passed these
 * sources) and every case's source differs, so every run type-checks.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRecipedRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';

const FILE = 'services/risk-report/deploy.ts';
const SPEC = "name: 'risk-report', namespace: 'risk', type: 'cron', schedule: '0 6 * * *'";
/** `render --check` after an edit to deploy.ts: its recipe's manifest identity would change (exit 1), nothing fails (exit 2). */
const CHANGED = 1;
const NARROW = 'eleventh: timing typecheck: program, kit as imported';
const WHOLE = 'eleventh: timing typecheck: program, whole kit';

let repo: ExampleRepo;
let original: string;
let cache: string;

beforeAll(() => {
  repo = createRecipedRepo('eleventh-typecheck-');
  original = readFileSync(join(repo.root, FILE), 'utf8');
  cache = mkdtempSync(join(tmpdir(), 'eleventh-typecheck-cache-'));
}, 120_000);
afterAll(() => {
  repo?.cleanup();
  if (cache) rmSync(cache, { recursive: true, force: true });
});

function check(source: string): { status: number; stderr: string; narrow: number; whole: number } {
  writeFileSync(join(repo.root, FILE), source);
  try {
    const res = runEleventh(repo.root, ['render', '--check'], { ELEVENTH_TIMING: '1', ELEVENTH_CACHE_DIR: cache });
    const lines = res.stderr.split('\n');
    return { status: res.status, stderr: res.stderr, narrow: lines.filter((l) => l.startsWith(NARROW)).length, whole: lines.filter((l) => l.startsWith(WHOLE)).length };
  } finally {
    writeFileSync(join(repo.root, FILE), original);
  }
}

describe('the type-check over the kit as imported', () => {
  it('checks a passing deploy.ts with the narrow program alone', () => {
    const out = check(`${original}\n// an edit that changes no manifest\n`);
    expect(out.stderr).not.toMatch(/type error/);
    expect(out.status, out.stderr).toBe(CHANGED);
    expect([out.narrow, out.whole]).toEqual([1, 0]);
  });

  it('serves names from the heavier statements of the index too (the statement that exports them is kept)', () => {
    const source = [
      "import { defineService, type ClusterPolicyProps, type SecretProvider } from '@eleventh/platform';",
      "const provider: SecretProvider = 'vault';",
      "const props: Partial<ClusterPolicyProps> = {};",
      `export default defineService({ ${SPEC} });`,
      'void provider; void props;',
    ].join('\n');
    const out = check(source);
    expect(out.stderr).not.toMatch(/type error/);
    expect(out.status, out.stderr).toBe(CHANGED);
    expect([out.narrow, out.whole]).toEqual([1, 0]);
  });

  it('reports a type error as the whole kit does: both programs run, the message is the same', () => {
    const out = check(["import { defineService } from '@eleventh/platform';", '', `export default defineService({ ${SPEC}, prot: 9090 });`].join('\n'));
    expect(out.status).toBe(2);
    expect(out.stderr).toContain(`${FILE}:3:`);
    expect(out.stderr).toMatch(/type error TS2353: .*'prot' does not exist in type 'ServiceSpec'/);
    expect([out.narrow, out.whole]).toEqual([1, 1]);
  });

  it('takes the whole kit at once for a namespace import', () => {
    const out = check(["import * as kit from '@eleventh/platform';", '', `export default kit.defineService({ ${SPEC} });`].join('\n'));
    expect(out.stderr).not.toMatch(/type error/);
    expect(out.status, out.stderr).toBe(CHANGED);
    expect([out.narrow, out.whole]).toEqual([0, 1]);
  });

  it('finds an error the narrow index would hide behind a name it does not export: a name the kit lacks', () => {
    const out = check(["import { defineService, defineServiceTypo } from '@eleventh/platform';", '', `export default defineService({ ${SPEC} });`, 'void defineServiceTypo;'].join('\n'));
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/type error TS2\d+: .*'defineServiceTypo'/);
    expect([out.narrow, out.whole]).toEqual([1, 1]);
  });
});
