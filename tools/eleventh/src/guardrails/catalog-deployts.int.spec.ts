/**
 * Catalog of bad deploy.ts files (issue 9, part B): typed means checked (defineService's run-time checks,
 * the TypeScript type-check) and deploy.ts runs contained (time limit, no process.exit, errors name the file).
 * Each row replaces one service's deploy.ts in a reciped copy of the example repository and runs the real
 * CLI: exit 2, one line naming the file (and line[:col] where there is one), no stack trace, nothing written.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { createRecipedRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';

const FILE = 'services/risk-report/deploy.ts';
const IMPORT = "import { defineService } from '@eleventh/platform';";
/** risk-report's spec with `extra` appended inside the object literal. */
const spec = (extra = '', cast = ''): string => `export default defineService({ name: 'risk-report', namespace: 'risk', type: 'cron', schedule: '0 6 * * *'${extra} }${cast});`;
const withCustomize = (body: string): string => [IMPORT, '', spec(`, customize: ${body}`)].join('\n');

interface Row {
  readonly what: string;
  readonly source: string;
  /** Expected start of the message: `services/risk-report/deploy.ts[:line[:col]]: …`. */
  readonly where: string;
  readonly message: RegExp;
  readonly command?: string;
  readonly env?: Record<string, string>;
}

const HANG = { ELEVENTH_DEPLOY_TIMEOUT: '1' };

const ROWS: Row[] = [
  // typed means checked: the type-check (file:line:col), before anything runs
  { what: "typo 'prot' for 'port' (type-check)", source: [IMPORT, '', spec(', prot: 9090')].join('\n'), where: `${FILE}:3:109`, message: /type error TS2353: .*'prot' does not exist in type 'ServiceSpec'/ },
  { what: 'port as a string (type-check)', source: [IMPORT, '', spec(", port: '8080'")].join('\n'), where: `${FILE}:3:109`, message: /type error TS2322: Type 'string' is not assignable to type 'number'/ },
  { what: 'an undefined name (type-check)', source: [IMPORT, '', 'const port: number = prot;', spec()].join('\n'), where: `${FILE}:3:22`, message: /type error TS2\d+: Cannot find name 'prot'/ },
  { what: 'a missing import (type-check)', source: [IMPORT, "import pad from 'left-pad-not-here';", '', spec(', command: [pad]')].join('\n'), where: `${FILE}:2:17`, message: /type error TS2307: Cannot find module 'left-pad-not-here'/ },
  { what: 'a syntax error (type-check)', source: [IMPORT, '', 'const a = ;', spec()].join('\n'), where: `${FILE}:3:11`, message: /type error TS1109: Expression expected/ },
  { what: 'a wrong service type (type-check)', source: [IMPORT, '', "export default defineService({ name: 'risk-report', namespace: 'risk', type: 'job' });"].join('\n'), where: `${FILE}:3:72`, message: /type error TS2322: Type '"job"' is not assignable to type 'ServiceType'/, command: 'recipe' },
  // typed means checked at run time too (a cast gets past the types, not past defineService)
  { what: "typo 'prot' behind a cast (did you mean)", source: [IMPORT, '', spec(', prot: 9090', ' as any')].join('\n'), where: `${FILE}:3`, message: /unknown option 'prot' \(did you mean 'port'\?\) \(expected one of: name, namespace, type, port/ },
  { what: 'port as a string behind a cast', source: [IMPORT, '', spec(", port: '8080'", ' as any')].join('\n'), where: `${FILE}:3`, message: /'port' \('8080'\) is not a number \(expected an integer from 1 to 65535\)/ },
  { what: 'port out of range', source: [IMPORT, '', spec(', port: 70000')].join('\n'), where: `${FILE}:3`, message: /'port' \(70000\) is out of range \(expected an integer from 1 to 65535\)/, command: 'render --check' },
  { what: 'port 0', source: [IMPORT, '', '', '', spec(', port: 0')].join('\n'), where: `${FILE}:5`, message: /'port' \(0\) is out of range/ },
  { what: 'allowFrom not a list', source: [IMPORT, '', spec(", allowFrom: 'customer'", ' as any')].join('\n'), where: `${FILE}:3`, message: /'allowFrom' \('customer'\) is not a list of namespaces/ },
  { what: 'schedule out of range', source: [IMPORT, '', "export default defineService({ name: 'risk-report', namespace: 'risk', type: 'cron', schedule: '61 * * * *' });"].join('\n'), where: `${FILE}:3`, message: /'schedule' \('61 \* \* \* \*'\) has an invalid minute field/ },
  // contained: time limit, process.exit, throws, bad return values
  { what: 'a hang while loading', source: [IMPORT, '', 'for (;;) {}', spec()].join('\n'), where: FILE, message: /did not finish loading within 1 s \(expected deploy.ts to return its definition; raise ELEVENTH_DEPLOY_TIMEOUT/, env: HANG, command: 'recipe' },
  { what: 'a hang in customize', source: withCustomize('(objects) => { for (;;) {} return objects; }'), where: FILE, message: /'customize' did not finish within 1 s/, env: HANG },
  { what: 'process.exit(0) on line 1', source: ['(globalThis as any).process.exit(0);', IMPORT, spec()].join('\n'), where: `${FILE}:1`, message: /called process\.exit\(0\), which would end the run/ },
  { what: 'process.exit(0) under render --check', source: ['(globalThis as any).process.exit(0);', IMPORT, spec()].join('\n'), where: `${FILE}:1`, message: /called process\.exit\(0\)/, command: 'render --check' },
  { what: 'process.exit(1)', source: [IMPORT, '', '', '(globalThis as any).process.exit(1);', spec()].join('\n'), where: `${FILE}:4`, message: /called process\.exit\(1\)/, command: 'recipe' },
  { what: 'process.exit caught by deploy.ts itself', source: [IMPORT, 'try { (globalThis as any).process.exit(0); } catch {}', spec()].join('\n'), where: `${FILE}:2`, message: /called process\.exit\(0\)/ },
  { what: 'process.exit in customize', source: withCustomize('(objects) => { (globalThis as any).process.exit(0); return objects; }'), where: `${FILE}:3`, message: /called process\.exit\(0\)/ },
  { what: 'a throw while loading (line after imports, source-mapped)', source: [IMPORT, "import { Deployment } from 'kubernetes-models/apps/v1/Deployment';", '', 'const d = new Deployment({});', "if (d) throw new Error('no manifest today');", spec()].join('\n'), where: `${FILE}:5`, message: /threw while loading: Error: no manifest today/ },
  { what: 'a thrown string', source: [IMPORT, "throw 'plain string';"].join('\n'), where: FILE, message: /threw while loading: string: plain string/ },
  { what: 'customize throws', source: withCustomize("() => { throw new TypeError('bad object'); }"), where: `${FILE}:3`, message: /'customize' threw: TypeError: bad object/ },
  { what: 'customize returns undefined', source: withCustomize('() => undefined as any'), where: `${FILE}: ops-staging`, message: /'customize' returned nothing \(undefined\), not a list of objects \(expected customize to return the list of objects/ },
  { what: 'customize returns a string', source: withCustomize("() => 'objects' as any"), where: `${FILE}: ops-staging`, message: /'customize' returned 'objects', not a list of objects/ },
  { what: 'customize returns a list of non-objects', source: withCustomize('(objects) => [...objects, 42 as any]'), where: `${FILE}: ops-staging`, message: /returned a list whose item 3 \(42\) is not a Kubernetes object/ },
  { what: 'customize returns an object, not a list', source: withCustomize('(objects) => ({ objects }) as any'), where: `${FILE}: ops-staging`, message: /'customize' returned \{"objects":.*not a list of objects/ },
  { what: 'a missing import at run time (types skipped)', source: ['// @ts-nocheck', IMPORT, "import pad from 'left-pad-not-here';", spec(', command: [pad]')].join('\n'), where: `${FILE}:3`, message: /cannot find module 'left-pad-not-here' that it imports \(expected an installed package/ },
  { what: 'no default export', source: [IMPORT, 'export const service = 1;'].join('\n'), where: FILE, message: /no default export \(expected export default defineService/ },
  { what: 'a default export that is not a definition', source: [IMPORT, "export default { name: 'risk-report' };"].join('\n'), where: FILE, message: /a default export that is not a service definition/ },
];

let repo: ExampleRepo;
let clean: string;
let original: string;

beforeAll(() => {
  repo = createRecipedRepo('eleventh-catalog-deployts-');
  original = readFileSync(join(repo.root, FILE), 'utf8');
  clean = git(['status', '--porcelain'], { cwd: repo.root }).stdout;
}, 120_000);
afterAll(() => repo?.cleanup());

/** Run `fn` with deploy.ts holding `source`, then put the committed file back. */
function withDeployTs<T>(source: string, fn: () => T): T {
  writeFileSync(join(repo.root, FILE), source);
  try {
    return fn();
  } finally {
    writeFileSync(join(repo.root, FILE), original);
  }
}

/** A deploy.ts whose module leaves a timer that calls process.exit(0) after `ms`. */
const exitAfter = (ms: number): string => [IMPORT, `(globalThis as any).setTimeout(() => (globalThis as any).process.exit(0), ${ms});`, spec()].join('\n');

describe('catalog: bad deploy.ts', () => {
  it('has at least 20 rows', () => expect(ROWS.length).toBeGreaterThanOrEqual(20));

  it.each(ROWS.map((r) => [r.what, r] as const))('%s: exit 2, the file, no stack, nothing written', (_, row) => {
    withDeployTs(row.source, () => {
      const res = runEleventh(repo.root, (row.command ?? 'render').split(' '), row.env);
      const lines = res.stderr.split('\n').filter((l) => l.startsWith(FILE));
      expect(res.status, res.stderr).toBe(2);
      expect(lines, res.stderr).toHaveLength(1);
      expect(lines[0].startsWith(`${row.where}: `), lines[0]).toBe(true);
      expect(lines[0]).toMatch(row.message);
      expect(res.stderr).not.toMatch(/^\s+at /m);
      expect(res.stdout).toBe('');
      expect(git(['status', '--porcelain'], { cwd: repo.root }).stdout).toBe(` M ${FILE}\n${clean}`);
    });
  }, 60_000);

  it('a malformed ELEVENTH_DEPLOY_TIMEOUT is bad input naming the variable', () => {
    const res = withDeployTs([IMPORT, '', spec(), '// changed'].join('\n'), () => runEleventh(repo.root, ['render'], { ELEVENTH_DEPLOY_TIMEOUT: 'soon' }));
    expect(res.status).toBe(2);
    expect(res.stderr).toContain("ELEVENTH_DEPLOY_TIMEOUT='soon' is not a number of seconds (expected a positive number");
  }, 60_000);

  it('a process.exit scheduled for later cannot end the run with success', () => {
    const res = withDeployTs(exitAfter(0), () => runEleventh(repo.root, ['render', '--check']));
    expect(res.status).not.toBe(0);
    // The timer fires before or after the run settles, as the run's own awaits fall: either is reported.
    expect(res.stderr).toMatch(/eleventh: (the run was ended by process\.exit\(0\) before it finished|process\.exit\(0\) was called after the run finished, replacing its exit code) \(expected no code it loads/);
  }, 60_000);

  it('a process.exit that comes after the run settled cannot replace its exit code, and says so', () => {
    // 10 s: long after a render of this repository has settled, so the exit is the late one.
    const res = withDeployTs(exitAfter(10_000), () => runEleventh(repo.root, ['render', '--check']));
    expect(res.status).toBe(70);
    expect(res.stderr).toContain('eleventh: process.exit(0) was called after the run finished, replacing its exit code (expected no code it loads');
  }, 60_000);

  it('a type error in a file deploy.ts imports is found after deploy.ts itself passed (the cache keys its imports)', () => {
    const helper = join(repo.root, 'services/risk-report/schedule.ts');
    writeFileSync(join(repo.root, FILE), [IMPORT, "import { SCHEDULE } from './schedule';", '', "export default defineService({ name: 'risk-report', namespace: 'risk', type: 'cron', schedule: SCHEDULE });"].join('\n'));
    writeFileSync(helper, "export const SCHEDULE: string = '0 6 * * *';\n");
    try {
      // `policy` renders in memory and accepts uncommitted inputs (the helper is a production file of the service).
      const passed = runEleventh(repo.root, ['policy']);
      expect(passed.status, passed.stderr).toBe(0);
      writeFileSync(helper, "export const SCHEDULE: string = 6;\n");
      const res = runEleventh(repo.root, ['policy']);
      expect(res.status, res.stderr).toBe(2);
      expect(res.stderr).toMatch(/services\/risk-report\/schedule\.ts:1:14: type error TS2322: Type 'number' is not assignable to type 'string'/);
      expect(res.stderr).not.toMatch(/^\s+at /m);
    } finally {
      writeFileSync(join(repo.root, FILE), original);
      rmSync(helper, { force: true });
    }
  }, 60_000);

  it('the unchanged example passes, and a second run does not type-check again', () => {
    const first = runEleventh(repo.root, ['render', '--check'], { ELEVENTH_TIMING: '1' });
    expect(first.status, first.stderr).toBe(0);
    const second = runEleventh(repo.root, ['render', '--check'], { ELEVENTH_TIMING: '1' });
    expect(second.status).toBe(0);
    const ms = Number(/timing typecheck (\d+)/.exec(second.stderr)?.[1]);
    expect(ms).toBeLessThan(500);
  }, 60_000);
});
