/** report and metrics on a real release history (report-fixture.ts) through the real CLI: exact figures. */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEleventh } from '../testing/example-repo';
import { gatherReport } from './data';
import type { ReportData } from './model';
import { createReportRepo, type ReportRepo } from './report-fixture';

let repo: ReportRepo;
let data: ReportData;
const H = 3600;

beforeAll(async () => {
  repo = createReportRepo();
  data = await gatherReport(repo.root);
});
afterAll(() => repo.cleanup());

const env = (name: string) => data.environments.find((e) => e.name === name)!;
const service = (name: string) => data.services.find((s) => s.name === name)!;

describe('report data', () => {
  it('orders the columns along the release path and compares each environment with its base', () => {
    expect(data.environments.map((e) => [e.name, e.base ?? null])).toEqual([['staging', null], ['preprod', 'staging'], ['prod', 'preprod'], ['ops-staging', 'staging']]);
    expect(data.head.time).toBe('2026-01-08T13:00:00Z');
    expect(data.now).toBe('2026-01-08T13:00:00Z');
  });

  it('fills each cell: pin, committer time, age to HEAD, state against the base, the change that moved it', () => {
    const pay = service('payments-api');
    expect(pay).toMatchObject({ namespace: 'payments', team: 'acme/payments-team' });
    expect(pay.cells.staging).toMatchObject({ pin: repo.c4, pinTime: '2026-01-08T12:00:00Z', age: 1 * H, state: 'base' });
    expect(pay.cells.preprod).toMatchObject({ pin: repo.c2, age: 5 * 24 * H + 7 * H, state: 'differs' });
    expect(pay.cells.prod).toMatchObject({ pin: repo.c2, state: 'same' });
    expect(env('prod').timeline[pay.cells.prod.last!]).toMatchObject({ kind: 'promotion', tag: 'prod-v1', tagger: 'Bob <bob@example.com>' });
    expect(service('risk-digest').cells).toHaveProperty('staging');
    expect(service('risk-digest').cells).not.toHaveProperty('preprod');
    expect(pay.cells.staging.imageDigest).toBeUndefined();
  });

  it('lists what staging has that preprod lacks, and the pins they differ in', () => {
    expect(env('preprod').differences).toEqual({ missing: ['risk-digest'], extra: [], differ: ['payments-api'] });
    expect(env('prod').differences).toEqual({ missing: [], extra: [], differ: [] });
  });

  it('gives the last promotion or rollback with its tag and tagger, and the timeline newest first', () => {
    const prod = env('prod');
    expect(prod.timeline.map((c) => [c.kind, c.tag ?? null, c.time])).toEqual([
      ['promotion', 'prod-v3', '2026-01-08T06:00:00+00:00'],
      ['rollback', 'prod-v1', '2026-01-07T06:00:00+00:00'],
      ['promotion', 'prod-v2', '2026-01-07T00:00:00+00:00'],
      ['promotion', 'prod-v1', '2026-01-05T00:00:00+00:00'],
      ['recipe', null, '2026-01-02T00:00:00+00:00'],
    ]);
    expect(prod.timeline[prod.lastRelease!]).toMatchObject({ kind: 'promotion', tag: 'prod-v3', tagger: 'Bob <bob@example.com>', moved: ['fraud-scorer'] });
    expect(prod.timeline[1].rollback).toEqual({ from: 'prod-v2', to: 'prod-v1' });
    expect(env('staging').lastRelease).toBeUndefined();
  });

  it('DORA for prod: 5 deployments, lead time 2d median (24h, 48h, 54h), 1 rollback in 3 promotions, restored in 24h', () => {
    expect(env('prod').dora).toEqual({
      deployments: 5, windowDays: 6.54, perWeek: 5.35,
      leadTime: { count: 3, median: 48 * H, max: 54 * H },
      promotions: 3, rollbacks: 1, changeFailureRate: 0.333,
      timeToRestore: { count: 1, median: 24 * H, max: 24 * H, open: 0 },
    });
  });

  it('DORA for staging and preprod: lead time from the oldest commit behind the move (c1, not c2)', () => {
    expect(env('staging').dora.leadTime).toEqual({ count: 3, median: 1 * H, max: 12 * H });
    expect(env('preprod').dora).toMatchObject({ deployments: 3, leadTime: { count: 2, median: 13 * H, max: 24 * H }, promotions: 2, rollbacks: 0, changeFailureRate: 0, timeToRestore: null });
  });
});

describe('eleventh metrics and eleventh report', () => {
  it('metrics --json prints the same figures; --now moves the window end', () => {
    const res = runEleventh(repo.root, ['metrics', '--json', '--now', '2026-01-09T00:00:00Z']);
    expect(res.status, res.stderr).toBe(0);
    const figures = JSON.parse(res.stdout) as Record<string, ReportData['environments'][number]['dora']>;
    expect(Object.keys(figures)).toEqual(['staging', 'preprod', 'prod', 'ops-staging']);
    expect(figures.prod).toEqual({ ...env('prod').dora, windowDays: 7, perWeek: 5 });
  });

  it('metrics prints a readable block per environment', () => {
    const res = runEleventh(repo.root, ['metrics', '--env', 'prod']);
    expect(res.status, res.stderr).toBe(0);
    expect(res.stdout).toBe(['prod',
      '  deployments          5 in 6.54 days (5.35/week)',
      '  lead time            2d median, 2d 6h max (3)',
      '  change failure rate  33.3% (1 rollbacks / 3 promotions)',
      '  time to restore      1d median, 1d max (1)', ''].join('\n'));
  });

  it('writes tmp/report/index.html by default, byte-identical on a second run, with commit links from --commit-url', () => {
    const args = ['report', '--commit-url', 'https://git.example.com/acme/platform/-/commit/{sha}'];
    const first = runEleventh(repo.root, args);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^report: tmp\/report\/index\.html \(7 services, 4 environments, \d+ bytes\)\n$/);
    const page = readFileSync(join(repo.root, 'tmp/report/index.html'), 'utf8');
    expect(runEleventh(repo.root, args).status).toBe(0);
    expect(readFileSync(join(repo.root, 'tmp/report/index.html'), 'utf8')).toBe(page);
    expect(page).toContain(`href="https://git.example.com/acme/platform/-/commit/${env('staging').timeline[0].commit}"`);
    expect(page).toContain('"urls":["https://git.example.com/acme/platform/-/commit/{sha}"');
    const external = [...page.matchAll(/(?:https?:)?\/\/[^\s"'<>)]+/g)].map((m) => m[0]).filter((u) => !u.startsWith('https://git.example.com/acme/platform/-/commit/'));
    expect(external).toEqual([]);
  });

  it('--format md --out - prints the twin; json writes report.json with the data', () => {
    const md = runEleventh(repo.root, ['report', '--format', 'md', '--out', '-']);
    expect(md.status, md.stderr).toBe(0);
    expect(md.stdout).toContain(`| payments-api | payments | acme/payments-team | \`${repo.c4.slice(0, 12)}\` 1h | **\`${repo.c2.slice(0, 12)}\` 5d 7h** |`);
    expect(md.stdout).toContain('- staging has, preprod lacks (1): risk-digest');
    const out = join(repo.root, 'tmp/json-out');
    expect(runEleventh(repo.root, ['report', '--format', 'json', '--out', out]).status).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(data)));
  });

  it.each([
    [['--format', 'pdf'], "eleventh: report: --format: unknown value 'pdf' (expected one of: html, md, json)"],
    [['--commit-url', 'javascript:alert(1)'], "eleventh: report: --commit-url 'javascript:alert(1)' is not a URL template (expected http(s)://… containing {sha})"],
    [['--now', 'yesterday'], "eleventh: report: --now 'yesterday' is not a date (expected YYYY-MM-DD or an ISO 8601 time with its zone, e.g. 2026-03-01T12:00:00Z)"],
  ])('bad input %j: exit 2, one line, nothing written', (args, message) => {
    const out = join(repo.root, 'tmp/refused');
    const res = runEleventh(repo.root, ['report', ...args, '--out', out]);
    expect([res.status, res.stderr.trim()]).toEqual([2, message]);
    expect(existsSync(out)).toBe(false);
  });

  it('an --out below a file, or in a read-only directory, is exit 2 and writes nothing', () => {
    writeFileSync(join(repo.root, 'tmp/a-file'), 'x');
    const below = runEleventh(repo.root, ['report', '--out', 'tmp/a-file/report']);
    expect([below.status, below.stderr.trim()]).toEqual([2, `eleventh: report: --out 'tmp/a-file/report' is not usable: '${join(repo.root, 'tmp/a-file')}' is a file (expected a directory it can create or write)`]);
    if (process.getuid?.() === 0) return console.warn('report.spec: running as root, the read-only directory case cannot fail here');
    const ro = join(repo.root, 'tmp/read-only');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    const res = runEleventh(repo.root, ['report', '--out', 'tmp/read-only/report']);
    chmodSync(ro, 0o755);
    expect(res.status).toBe(2);
    expect(existsSync(join(ro, 'report'))).toBe(false);
  });
});

describe('add-ons beside services', () => {
  it('lists each environment’s chart versions, and a chart bump as an add-on move in the timeline', async () => {
    expect(env('staging').addons['cert-manager']).toBe('v1.21.1');
    const path = join(repo.root, 'environments/staging/environment.yaml');
    writeFileSync(path, `${readFileSync(path, 'utf8')}platform:\n  addons:\n    cert-manager: {version: v1.21.2}\n`);
    for (const args of [['recipe', '--commit']]) expect(runEleventh(repo.root, args).status).toBe(0);
    const after = await gatherReport(repo.root);
    const staging = after.environments.find((e) => e.name === 'staging')!;
    expect(staging.addons['cert-manager']).toBe('v1.21.2');
    expect(staging.timeline[0].addons).toEqual(['cert-manager v1.21.1 → v1.21.2']);
    expect(after.environments.find((e) => e.name === 'prod')!.addons['cert-manager']).toBe('v1.21.1');
    const md = runEleventh(repo.root, ['report', '--format', 'md', '--out', '-']).stdout;
    expect(md).toContain('## Add-ons');
    expect(md).toMatch(/\| cert-manager \| v1\.21\.2 \| \*\*v1\.21\.1\*\* \|/);
    expect(md).toContain('add-ons: cert-manager v1.21.1 → v1.21.2');
    const html = runEleventh(repo.root, ['report', '--format', 'html', '--out', '-']).stdout;
    expect(html).toContain('<h2>Add-ons</h2>');
    expect(html).toContain('<span class="addon-moves">cert-manager v1.21.1 → v1.21.2</span>');
  });
});
