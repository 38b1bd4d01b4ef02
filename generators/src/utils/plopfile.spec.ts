/**
 * The plopfile and `nx g` write byte-identical files for the same answers: node-plop runs the root
 * plopfile.mjs programmatically (answers bypass the prompts) in one copy of a workspace, the real
 * `npx nx g @eleventh/nx:<generator>` runs in another, and every file of the two copies is compared.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { EXAMPLE_ENVIRONMENTS, legacyBootstrapFiles } from './testing';

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

/** Every file under `dir` (node_modules and .nx left out) → its bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === '.nx') continue;
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

function nxG(cwd: string, args: string[]): void {
  execFileSync(join(REPO, 'node_modules', '.bin', 'nx'), ['g', ...args, '--no-interactive'], {
    cwd,
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: 'true' },
    stdio: 'pipe',
  });
}

async function plop(dest: string, generator: string, answers: Record<string, unknown>): Promise<unknown[]> {
  const { default: nodePlop } = await import('node-plop');
  const api = await nodePlop(join(REPO, 'plopfile.mjs'), { destBasePath: dest, force: false });
  const result = await api.getGenerator(generator).runActions(answers);
  expect(result.failures).toEqual([]);
  return result.changes;
}

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'eleventh-plop-'));
  writeWorkspace(join(base, 'fixture'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('plopfile.mjs and nx g', () => {
  it('write byte-identical files for the same answers (namespace, service, environment, migrate-bootstrap)', async () => {
    const viaPlop = copyWorkspace('plop');
    const viaNx = copyWorkspace('nx');

    await plop(viaPlop, 'namespace', { name: 'payments', team: 'acme/payments-team', quota: 'cpu=4,pods=20' });
    await plop(viaPlop, 'service', { name: 'refunds-api', namespace: 'payments', type: 'http', port: '9090' });
    await plop(viaPlop, 'service', { name: 'nightly-report', namespace: 'payments', type: 'cron', schedule: '*/5 * * * *' });
    for (const template of ['java', 'python', 'go', 'web']) await plop(viaPlop, 'service', { name: `a-${template}`, namespace: 'payments', template, port: '9000' });
    await plop(viaPlop, 'environment', { name: 'qa', extends: 'prod', mode: 'promoted', promoteFrom: 'preprod', tagPattern: 'qa-v*', clusterName: 'qa' });
    await plop(viaPlop, 'environment', { name: 'dr', extends: 'prod', mode: 'mirror', clusterName: 'dr' });
    await plop(viaPlop, 'migrate-bootstrap', {});

    nxG(viaNx, ['@eleventh/nx:namespace', 'payments', '--team', 'acme/payments-team', '--quota', 'cpu=4,pods=20']);
    nxG(viaNx, ['@eleventh/nx:service', 'refunds-api', '--namespace', 'payments', '--type', 'http', '--port', '9090']);
    nxG(viaNx, ['@eleventh/nx:service', 'nightly-report', '--namespace', 'payments', '--type', 'cron', '--schedule', '*/5 * * * *']);
    for (const template of ['java', 'python', 'go', 'web']) nxG(viaNx, ['@eleventh/nx:service', `a-${template}`, '--namespace', 'payments', '--template', template, '--port', '9000']);
    nxG(viaNx, ['@eleventh/nx:environment', 'qa', '--extends', 'prod', '--mode', 'promoted', '--promoteFrom', 'preprod', '--tagPattern', 'qa-v*']);
    nxG(viaNx, ['@eleventh/nx:environment', 'dr', '--extends', 'prod']); // the README's example: no --mode, so a mirror
    nxG(viaNx, ['@eleventh/nx:migrate-bootstrap']);

    const plopFiles = snapshot(viaPlop);
    const nxFiles = snapshot(viaNx);
    expect([...plopFiles.keys()].sort()).toEqual([...nxFiles.keys()].sort());
    for (const [path, bytes] of plopFiles) expect(bytes.equals(nxFiles.get(path)!), path).toBe(true);
    // the run really wrote what the generators write
    expect(plopFiles.has('services/refunds-api/deploy.ts')).toBe(true);
    for (const lock of ['a-java/pom.xml', 'a-python/requirements.lock', 'a-go/go.sum', 'a-web/nginx.conf']) expect(plopFiles.has(`services/${lock}`), lock).toBe(true);
    expect(plopFiles.has('environments/qa/payments/tenant.yaml')).toBe(true);
    expect(plopFiles.get('environments/dr/environment.yaml')!.toString()).toContain('promotion:\n  mirrorOf: prod\n');
    expect([...plopFiles.keys()].filter((p) => p.startsWith('clusters/'))).toEqual([]);
    expect(plopFiles.get('CODEOWNERS')!.toString()).toContain('/services/nightly-report/ @acme/payments-team\n');
  });

  it('refuses what the generator refuses and writes nothing', async () => {
    const dest = copyWorkspace('refusal');
    const before = snapshot(dest);
    const { default: nodePlop } = await import('node-plop');
    const api = await nodePlop(join(REPO, 'plopfile.mjs'), { destBasePath: dest, force: false });
    const result = await api.getGenerator('service').runActions({ name: 'svc', namespace: 'nowhere', type: 'worker' });
    expect(result.failures).toHaveLength(1);
    expect(String(result.failures[0].error)).toContain("environments/staging/nowhere/tenant.yaml: namespace 'nowhere' does not exist");
    expect(snapshot(dest)).toEqual(before);
  });

  it('refuses an unknown template class under plop and under nx g (non-zero exit), writing nothing', async () => {
    const dest = copyWorkspace('unknown-class');
    await plop(dest, 'namespace', { name: 'payments', team: 'acme/payments-team' });
    const before = snapshot(dest);
    const { default: nodePlop } = await import('node-plop');
    const api = await nodePlop(join(REPO, 'plopfile.mjs'), { destBasePath: dest, force: false });
    const result = await api.getGenerator('service').runActions({ name: 'svc', namespace: 'payments', template: 'rust' });
    const message = "--template: unknown template class 'rust' (expected one of: node, java, python, go, web)";
    expect(String(result.failures[0]?.error)).toContain(message);
    let failure: { status: number | null; stderr: Buffer; stdout: Buffer } | undefined;
    try {
      nxG(dest, ['@eleventh/nx:service', 'svc', '--namespace', 'payments', '--template', 'rust']);
    } catch (err) {
      failure = err as typeof failure;
    }
    expect(failure?.status).not.toBe(0);
    expect(`${failure?.stdout}${failure?.stderr}`).toContain(message);
    expect(snapshot(dest)).toEqual(before);
  });
});
