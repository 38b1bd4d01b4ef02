/**
 * The plopfile and `nx g` write byte-identical files for the same answers, for every generator plop offers:
 * node-plop loads the root plopfile.mjs, takes the answers as command-line bypass values (its real bypass
 * code: the path `npx plop service foo risk` takes) and runs the action in one copy of a workspace; the
 * real `nx g @eleventh/nx:<generator>` runs in another; every file of the two copies is compared. Bad
 * input is refused by both, writing nothing. The prompts, asked interactively, are driven by keystrokes.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { EXAMPLE_ENVIRONMENTS, legacyBootstrapFiles } from './testing';
import { ASK_IF } from '../plop/conditional';
import { environmentNames } from './run-on-disk';
import type { Question } from '../plop/types';

const REPO = join(__dirname, '..', '..', '..');
let base: string;

function writeWorkspace(dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'acme', private: true, workspaces: [] }, null, 2));
  writeFileSync(join(dir, 'nx.json'), JSON.stringify({ analytics: false }, null, 2));
  writeFileSync(join(dir, 'CODEOWNERS'), '* @acme/platform-team\n');
  // The repository's compiler options without its `paths`: this workspace has no platform/ or tools/, so
  // @eleventh/* resolve to the installed packages, as in a repository made by `eleventh new`.
  const tsconfig = JSON.parse(readFileSync(join(REPO, 'tsconfig.base.json'), 'utf8'));
  delete tsconfig.compilerOptions.paths;
  writeFileSync(join(dir, 'tsconfig.base.json'), JSON.stringify(tsconfig, null, 2));
  for (const [name, doc] of Object.entries(EXAMPLE_ENVIRONMENTS)) {
    mkdirSync(join(dir, 'environments', name), { recursive: true });
    writeFileSync(join(dir, 'environments', name, 'environment.yaml'), stringify(doc));
  }
  for (const [path, text] of Object.entries(legacyBootstrapFiles('prod'))) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A fresh copy of the fixture workspace, with the repository's node_modules linked in. */
function copyWorkspace(name: string): string {
  const dir = join(base, name);
  cpSync(join(base, 'fixture'), dir, { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Every file under `dir` (node_modules, .nx and .git left out) → its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (['node_modules', '.nx', '.git'].includes(entry.name)) continue;
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

const NX_ENV = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true' };

/** `nx g` with the answers as `--key value` options; the exit status and output. */
function nxG(cwd: string, generator: string, answers: Record<string, string>): { status: number | null; output: string } {
  const args = Object.entries(answers).flatMap(([key, value]) => [`--${key}`, value]);
  const res = spawnSync(join(REPO, 'node_modules', '.bin', 'nx'), ['g', `@eleventh/nx:${generator}`, ...args, '--no-interactive'], { cwd, env: NX_ENV, encoding: 'utf8' });
  return { status: res.status, output: `${res.stdout}${res.stderr}` };
}

async function loadPlop(dest: string) {
  const { default: nodePlop } = await import('node-plop');
  return nodePlop(join(REPO, 'plopfile.mjs'), { destBasePath: dest, force: false });
}

/**
 * The answers as plop's command line gives them: positional, in prompt order, `_` for a prompt not given
 * (asked interactively — only conditional prompts whose condition fails are left out in these cases).
 */
function bypassValues(prompts: readonly Question[], answers: Record<string, string>): string[] {
  return prompts.map((p) => {
    if (p.name in answers) return answers[p.name];
    if (p.type !== ASK_IF) throw new Error(`the case must answer prompt '${p.name}'`);
    return '_';
  });
}

/** Bypass every prompt with `answers`, run the action; the failures' messages (none: it wrote its files). */
async function plop(dest: string, generator: string, answers: Record<string, string>): Promise<string[]> {
  const g = (await loadPlop(dest)).getGenerator(generator);
  const given = await g.runPrompts(bypassValues(g.prompts as Question[], answers));
  const result = await g.runActions(given);
  return result.failures.map((f: { error?: unknown }) => String(f.error));
}

/** Same answers, both ways, each in its own copy; the copies must be identical. */
async function expectParity(copy: string, steps: ReadonlyArray<[generator: string, answers: Record<string, string>]>): Promise<Map<string, Buffer>> {
  const viaPlop = copyWorkspace(`${copy}-plop`);
  const viaNx = copyWorkspace(`${copy}-nx`);
  for (const [generator, answers] of steps) {
    expect(await plop(viaPlop, generator, answers), `plop ${generator} ${JSON.stringify(answers)}`).toEqual([]);
    const nx = nxG(viaNx, generator, answers);
    expect(nx.status, `nx g ${generator}: ${nx.output}`).toBe(0);
  }
  const plopFiles = snapshot(viaPlop);
  const nxFiles = snapshot(viaNx);
  expect([...plopFiles.keys()].sort()).toEqual([...nxFiles.keys()].sort());
  for (const [path, bytes] of plopFiles) expect(bytes.equals(nxFiles.get(path)!), path).toBe(true);
  return plopFiles;
}

const PAYMENTS: [string, Record<string, string>] = ['namespace', { name: 'payments', team: 'acme/payments-team', quota: 'cpu=4,pods=20' }];

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'eleventh-plop-'));
  writeWorkspace(join(base, 'fixture'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('plopfile.mjs and nx g', () => {
  it('offer the same generators: every one in generators.json but workspace (a new repository: eleventh new)', async () => {
    const api = await loadPlop(copyWorkspace('list'));
    const listed = Object.keys(JSON.parse(readFileSync(join(REPO, 'generators', 'generators.json'), 'utf8')).generators);
    const offered = api.getGeneratorList().map((g: { name: string }) => g.name);
    expect(offered.sort()).toEqual(listed.filter((name) => name !== 'workspace').sort());
  });

  it('namespace, and a service of every template class and every node type', async () => {
    const files = await expectParity('services', [
      PAYMENTS,
      ['service', { name: 'refunds-api', namespace: 'payments', template: 'node', type: 'http', port: '9090' }],
      ['service', { name: 'ledger-worker', namespace: 'payments', template: 'node', type: 'worker' }],
      ['service', { name: 'nightly-report', namespace: 'payments', template: 'node', type: 'cron', schedule: '*/5 * * * *' }],
      ...['java', 'python', 'go', 'web'].map((template): [string, Record<string, string>] => ['service', { name: `a-${template}`, namespace: 'payments', template, port: '9000' }]),
    ]);
    expect(files.has('services/refunds-api/deploy.ts')).toBe(true);
    expect(files.get('services/ledger-worker/deploy.ts')!.toString()).toContain("type: 'worker'");
    for (const lock of ['a-java/pom.xml', 'a-python/requirements.lock', 'a-go/go.sum', 'a-web/nginx.conf']) expect(files.has(`services/${lock}`), lock).toBe(true);
    expect(files.get('CODEOWNERS')!.toString()).toContain('/services/nightly-report/ @acme/payments-team\n');
  });

  it('environments in each mode (follows main, promoted, mirror), a profile, migrate-bootstrap and the infra repository', async () => {
    const files = await expectParity('environments', [
      PAYMENTS,
      ['environment', { name: 'qa', extends: 'staging', mode: 'follows-main', clusterName: 'qa-cluster' }],
      ['environment', { name: 'uat', extends: 'prod', mode: 'promoted', promoteFrom: 'preprod', tagPattern: 'uat-v*', clusterName: 'uat' }],
      ['environment', { name: 'dr', extends: 'prod', mode: 'mirror', clusterName: 'dr' }],
      ['profile', { name: 'trading-risk', description: 'Add-ons of the trading risk unit' }],
      ['migrate-bootstrap', {}],
      ['infra', { directory: 'acme-infra', name: 'acme', region: 'europe-west4' }],
    ]);
    expect(files.get('environments/qa/environment.yaml')!.toString()).not.toContain('promotion');
    expect(files.get('environments/uat/environment.yaml')!.toString()).toContain("tags: uat-v*");
    expect(files.get('environments/dr/environment.yaml')!.toString()).toContain('promotion:\n  mirrorOf: prod\n');
    expect(files.has('environments/uat/payments/tenant.yaml')).toBe(true);
    expect([...files.keys()].filter((p) => p.startsWith('clusters/'))).toEqual([]);
    expect([...files.keys()].some((p) => p.startsWith('platform/profiles/trading-risk'))).toBe(true);
    expect([...files.keys()].filter((p) => p.startsWith('acme-infra/')).length).toBeGreaterThan(3);
    // the infra generator's task ran under plop as under nx g: its own repository with one commit
    for (const copy of ['environments-plop', 'environments-nx']) {
      const log = execFileSync('git', ['log', '--format=%s'], { cwd: join(base, copy, 'acme-infra'), encoding: 'utf8' });
      expect(log.trim().split('\n'), copy).toHaveLength(1);
    }
  });

  it.each([
    ['a bad name', 'service', { name: 'Bad_Name', namespace: 'payments', template: 'node', type: 'worker' }, 'service name "Bad_Name" is not valid'],
    ['an unknown namespace', 'service', { name: 'svc', namespace: 'nowhere', template: 'node', type: 'worker' }, "environments/staging/nowhere/tenant.yaml: namespace 'nowhere' does not exist"],
    ['an unknown template class', 'service', { name: 'svc', namespace: 'payments', template: 'rust', port: '80' }, "--template: unknown template class 'rust' (expected one of: node, java, python, go, web)"],
    ['a port that is not a number', 'service', { name: 'svc', namespace: 'payments', template: 'java', port: 'eighty' }, "Property 'port' does not match the schema"],
    ['an unknown environment to extend', 'environment', { name: 'qa', extends: 'nowhere', mode: 'follows-main', clusterName: 'qa' }, "--extends: unknown environment 'nowhere'"],
    ['a reserved profile name', 'profile', { name: 'base', description: '' }, "profile name 'base' is reserved"],
  ])('refuse %s the same way, writing nothing', async (_what, generator, answers, message) => {
    const viaPlop = copyWorkspace(`refuse-${generator}-${answers.name}-${Object.values(answers).join('-').replace(/[^a-z0-9]+/gi, '')}`);
    expect(await plop(viaPlop, PAYMENTS[0], PAYMENTS[1])).toEqual([]);
    const before = snapshot(viaPlop);
    const refusal = await plop(viaPlop, generator, answers).then(
      (failures) => failures.join('\n'),
      (err: Error) => err.message, // a prompt's own check refused the bypass value
    );
    expect(refusal).toContain(message);
    expect(snapshot(viaPlop)).toEqual(before);
    const nx = nxG(viaPlop, generator, answers);
    expect(nx.status).not.toBe(0);
    expect(nx.output).toContain(message);
    expect(snapshot(viaPlop)).toEqual(before);
  });
});

interface PromptModule {
  (questions: unknown): Promise<Record<string, unknown>>;
  registerPrompt(name: string, prompt: unknown): void;
}
interface Inquirer {
  createPromptModule(options: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream }): PromptModule;
  readonly prompt: { readonly prompts: Record<string, unknown> };
}

// a prompt that waits for a reply never sent fails in seconds, not at the suite's 3-minute timeout
describe('the prompts, asked', { timeout: 30_000 }, () => {
  /** Run `generator`'s prompts on a fake terminal, typing each reply once its question shows. */
  async function ask(generator: string, replies: ReadonlyArray<[question: RegExp, keys: string]>): Promise<{ answers: Record<string, unknown>; asked: string }> {
    const { PassThrough } = await import('node:stream');
    const dest = copyWorkspace(`asked-${generator}-${replies.length}-${Math.random().toString(36).slice(2, 8)}`);
    const api = await loadPlop(dest);
    expect(await plop(dest, PAYMENTS[0], PAYMENTS[1])).toEqual([]);
    const input = new PassThrough();
    const output = new PassThrough();
    let asked = '';
    let since = 0; // each question is looked for in what was printed after the previous one
    const pending = [...replies];
    output.on('data', (chunk: Buffer) => {
      asked += chunk.toString();
      const next = pending[0];
      if (next && next[0].test(asked.slice(since))) {
        pending.shift();
        since = asked.length;
        setTimeout(() => input.write(next[1]), 5);
      }
    });
    // plop's inquirer, on the fake terminal, with the prompt types the plopfile registered
    const { inquirer } = api as unknown as { inquirer: Inquirer };
    const prompt = inquirer.createPromptModule({ input, output });
    for (const [name, cls] of Object.entries(inquirer.prompt.prompts)) prompt.registerPrompt(name, cls);
    const answers = await prompt(api.getGenerator(generator).prompts);
    expect(pending.map(([q]) => String(q)), 'questions never asked').toEqual([]);
    return { answers, asked };
  }

  const DOWN = '\u001b[B';

  it('service: a node worker is asked neither a port nor a schedule', async () => {
    const { answers, asked } = await ask('service', [
      [/service name/, 'ledger\n'],
      [/Namespace/, '\n'],
      [/Template class/, '\n'],
      [/Type/, `${DOWN}\n`],
    ]);
    expect(answers).toMatchObject({ name: 'ledger', namespace: 'payments', template: 'node', type: 'worker' });
    expect(answers.port).toBeUndefined();
    expect(answers.schedule).toBeUndefined();
    expect(asked).not.toMatch(/Port|Cron schedule/);
  });

  it('service: a java service is asked its port but not a type', async () => {
    const { answers, asked } = await ask('service', [
      [/service name/, 'ledger\n'],
      [/Namespace/, '\n'],
      [/Template class/, `${DOWN}\n`],
      [/Port/, '9000\n'],
    ]);
    expect(answers).toMatchObject({ template: 'java', port: '9000' });
    expect(answers.type).toBeUndefined();
    expect(asked).not.toMatch(/\bType\b/);
  });

  it('environment: a promoted one is asked where from and its tags, with defaults from the answers', async () => {
    const staging = environmentNames(join(base, 'fixture')).indexOf('staging');
    const { answers } = await ask('environment', [
      [/environment name/, 'uat\n'],
      [/Extends/, `${DOWN.repeat(staging)}\n`],
      [/How does it get its releases/, `${DOWN}\n`],
      [/Promoted from/, '\n'],
      [/Tags that promote it/, '\n'],
      [/Cluster name/, '\n'],
    ]);
    expect(answers).toMatchObject({ name: 'uat', extends: 'staging', mode: 'promoted', promoteFrom: 'staging', tagPattern: 'uat-v*', clusterName: 'uat' });
  });

  it('bypassing a conditional prompt works (plop refuses to bypass a prompt whose `when` is a function)', async () => {
    const dest = copyWorkspace('bypass-conditional');
    expect(await plop(dest, PAYMENTS[0], PAYMENTS[1])).toEqual([]);
    const g = (await loadPlop(dest)).getGenerator('service');
    const answers = await g.runPrompts(['cron-job', 'payments', 'node', 'cron', '_', '15 * * * *']);
    expect(answers).toMatchObject({ name: 'cron-job', namespace: 'payments', template: 'node', type: 'cron', schedule: '15 * * * *' });
    expect(answers.port).toBeUndefined();
    expect(existsSync(join(dest, 'services', 'cron-job'))).toBe(false);
  });
});
