/**
 * What the README's main command shows a newcomer (`eleventh recipe` on the example organisation), and
 * progress on stderr from real runs of the bin (off a terminal: plain lines only for long runs).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { LOG_AFTER_MS } from '../progress/reporter';
import { createExampleRepo, runEleventh, type CliResult } from '../testing/example-repo';

let repo: ReturnType<typeof createExampleRepo>;
let first: CliResult;
let firstMs: number;
/** The example organisation's services (each folder of services/ with a deploy.ts). */
let services: string[];

beforeAll(() => {
  repo = createExampleRepo('eleventh-newcomer-');
  services = readdirSync(join(repo.root, 'services')).filter((d) => existsSync(join(repo.root, 'services', d, 'deploy.ts'))).sort();
  const start = Date.now();
  first = runEleventh(repo.root, ['recipe']);
  firstMs = Date.now() - start;
  git(['add', '--all'], { cwd: repo.root });
  git(['commit', '--quiet', '-m', 'eleventh recipe'], { cwd: repo.root });
});
afterAll(() => repo.cleanup());

const progressLines = (stderr: string): string[] => stderr.split('\n').filter((l) => /^eleventh: (nx project graph|pin walk|rendering|writing files)/.test(l));

describe('eleventh recipe on the example organisation', () => {
  it('first run: per environment its services and pins, what is new, seeded or not; then where to look next', () => {
    expect(first.status, first.stderr).toBe(0);
    const lines = first.stdout.trimEnd().split('\n');
    const n = services.length;
    expect(n).toBeGreaterThan(1);
    expect(lines[0]).toMatch(new RegExp(`^ops-staging: ${n} services, 1 pin; ${n} moved, ${n} re-rendered, \\d+ file\\(s\\) written$`));
    expect(lines[1]).toBe(`  new: ${services.join(', ')} (at ${git(['rev-parse', 'HEAD~1'], { cwd: repo.root }).stdout.slice(0, 12)})`);
    expect(lines.find((l) => l.startsWith('preprod: '))).toMatch(new RegExp(`^preprod: ${n} services, 1 pin; seeded from staging \\(\\d+ file\\(s\\) written\\)$`));
    expect(lines.find((l) => l.startsWith('prod: '))).toMatch(new RegExp(`^prod: ${n} services, 1 pin; seeded from preprod \\(\\d+ file\\(s\\) written\\)$`));
    expect(lines.at(-1)).toMatch(/^next: npx eleventh report {3}\(writes tmp\/report\/index\.html: /);
    expect(first.stderr).toMatch(/^eleventh: \d+ file\(s\) changed$/m);
  });

  it('second run: each environment is up to date, the promoted ones are left as they are', () => {
    const res = runEleventh(repo.root, ['recipe']);
    expect(res.status, res.stderr).toBe(0);
    const lines = res.stdout.trimEnd().split('\n');
    const n = services.length;
    expect(lines.slice(0, 2)).toEqual([`ops-staging: ${n} services, 1 pin; up to date`, `staging: ${n} services, 1 pin; up to date`]);
    expect(lines[2]).toMatch(new RegExp(`^preprod: ${n} services, promoted from staging \\([0-9a-f]{12}\\); left as is \\(it changes only by \`eleventh promote --to preprod\` or rollback\\)$`));
    expect(lines[3]).toMatch(new RegExp(`^prod: ${n} services, promoted from preprod `));
  });

  it('--json keeps every field it had and adds services, pins, filesChanged, upToDate', () => {
    const res = runEleventh(repo.root, ['recipe', '--json']);
    const doc = JSON.parse(res.stdout) as { environments: Array<Record<string, unknown>>; filesChanged: number };
    expect(doc.filesChanged).toBe(0);
    expect(doc.environments[0]).toEqual({ environment: 'ops-staging', seeded: false, rendered: [], moved: [], addons: [], services: services.length, pins: 1, filesChanged: 0, upToDate: true });
  });
});

describe('progress on stderr from real runs (off a terminal)', () => {
  it('a long run prints a few plain phase lines with counts, no \\r and no ANSI', () => {
    const lines = progressLines(first.stderr);
    if (firstMs < LOG_AFTER_MS) expect(lines).toEqual([]);
    else if (firstMs > LOG_AFTER_MS + 1500) {
      // A phase is logged when it ends after LOG_AFTER_MS of the run: which phases those are depends on where
      // this machine spent the time (start-up before the reporter counts in firstMs, not in the reporter's
      // clock), so every line is checked, and a clearly long run has at least one.
      if (firstMs > LOG_AFTER_MS + 3000) expect(lines.length).toBeGreaterThan(0);
      expect(lines.length).toBeLessThanOrEqual(10);
      for (const l of lines) expect(l).toMatch(/^eleventh: (nx project graph|pin walk|rendering [a-z-]+|writing files)( \d+(\/\d+)?)? \(\d+\.\d s\)$/);
      const staging = lines.find((l) => l.startsWith('eleventh: rendering staging '));
      if (staging) expect(staging).toMatch(new RegExp(`^eleventh: rendering staging ${services.length}/${services.length} \\(\\d+\\.\\d s\\)$`));
    }
    expect(first.stderr).not.toMatch(/[\r\x1b]/);
  });

  it('--quiet: no progress at all, the same result', () => {
    const res = runEleventh(repo.root, ['render', '--quiet']);
    expect(res.status, res.stderr).toBe(0);
    expect(progressLines(res.stderr)).toEqual([]);
    expect(res.stderr).toMatch(/^eleventh: rendered ops-staging, staging, preprod, prod: 0 file\(s\) changed\n$/);
  });

  it.each([
    [['explain', 'staging/payments/payments-api', 'replicas']],
    [['history', 'staging', '--json']],
    [['diff', 'staging', 'ops-staging']],
  ])('a short run %j writes nothing at all on stderr', (argv) => {
    const start = Date.now();
    const res = runEleventh(repo.root, argv);
    expect(res.status, res.stderr).toBe(0);
    if (Date.now() - start < LOG_AFTER_MS) expect(res.stderr).toBe('');
    expect(progressLines(res.stderr)).toEqual([]);
  });
});
