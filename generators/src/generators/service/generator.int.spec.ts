import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Tree } from '@nx/devkit';
import { flushChanges } from 'nx/src/generators/tree';
import { createEnvironmentsTree } from '../../utils/testing';
import { namespaceGenerator } from '../namespace/generator';
import { serviceGenerator } from './generator';

async function withNamespace(): Promise<Tree> {
  const tree = createEnvironmentsTree();
  await namespaceGenerator(tree, { name: 'payments', team: 'acme/payments-team' });
  return tree;
}

function serviceFiles(tree: Tree, name: string): string[] {
  return tree.listChanges().map((c) => c.path).filter((p) => p.startsWith(`services/${name}/`)).sort();
}

const REPO = join(__dirname, '..', '..', '..', '..');
const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('service generator', () => {
  it.each([
    ['http', {}, ['main.ts', 'svc.spec.ts', 'svc.ts']],
    ['worker', { type: 'worker' as const }, ['main.ts', 'svc.spec.ts', 'svc.ts']],
    ['cron', { type: 'cron' as const }, ['main.ts', 'svc.spec.ts', 'svc.ts']],
  ])('writes a %s service with its manifest, image, config and a spec', async (_, flags, src) => {
    const tree = await withNamespace();
    await serviceGenerator(tree, { name: 'svc', namespace: 'payments', ...flags });
    expect(serviceFiles(tree, 'svc')).toEqual([
      'services/svc/Dockerfile',
      'services/svc/README.md',
      'services/svc/deploy.ts',
      ...src.map((f) => `services/svc/src/${f}`),
      'services/svc/tsconfig.build.json',
      'services/svc/tsconfig.json',
    ]);
  });

  it.each([
    [{}, "  type: 'http',\n  port: 8080,\n});"],
    [{ port: 3000 }, "  type: 'http',\n  port: 3000,\n});"],
    [{ type: 'worker' as const }, "  type: 'worker',\n});"],
    [{ type: 'cron' as const }, "  type: 'cron',\n  schedule: '0 * * * *',\n});"],
    [{ type: 'cron' as const, schedule: '*/5 * * * *' }, "  type: 'cron',\n  schedule: '*/5 * * * *',\n});"],
  ])('deploy.ts for %j declares only what the type needs', async (flags, tail) => {
    const tree = await withNamespace();
    await serviceGenerator(tree, { name: 'svc', namespace: 'payments', ...flags });
    expect(tree.read('services/svc/deploy.ts', 'utf8')!.endsWith(`${tail}\n`)).toBe(true);
  });

  it('writes deploy.ts as defineService with name and namespace', async () => {
    const tree = await withNamespace();
    await serviceGenerator(tree, { name: 'refunds-api', namespace: 'payments' });
    expect(tree.read('services/refunds-api/deploy.ts', 'utf8')).toMatchInlineSnapshot(`
      "/** refunds-api's manifest: an http service in \`payments\`. */
      import { defineService } from '@eleventh/platform';

      export default defineService({
        name: 'refunds-api',
        namespace: 'payments',
        type: 'http',
        port: 8080,
      });
      "
    `);
  });

  it('writes a Dockerfile on ARG BASE_IMAGE that copies only the bundle and runs as the kit\'s numeric user', async () => {
    const tree = await withNamespace();
    await serviceGenerator(tree, { name: 'refunds-api', namespace: 'payments', port: 9090 });
    const dockerfile = tree.read('services/refunds-api/Dockerfile', 'utf8')!;
    expect(dockerfile).toContain('\nARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n');
    expect(dockerfile.match(/^(FROM|COPY|RUN) .*/gm)).toEqual(['FROM ${BASE_IMAGE}', 'COPY main.js ./']);
    expect(dockerfile).toContain('USER 10001:10001\nEXPOSE 9090\nCMD ["node", "main.js"]\n');
  });

  it("extends the workspace tsconfig and adds a CODEOWNERS line for the namespace's team", async () => {
    const tree = await withNamespace();
    await serviceGenerator(tree, { name: 'refunds-api', namespace: 'payments' });
    expect(JSON.parse(tree.read('services/refunds-api/tsconfig.json', 'utf8')!).extends).toBe('../../tsconfig.base.json');
    expect(tree.read('CODEOWNERS', 'utf8')).toContain('\n/services/refunds-api/ @acme/payments-team\n');
  });

  it.each([
    [{ name: 'Bad_Name' }, 'services/Bad_Name: service name "Bad_Name" is not valid (expected a DNS-1123 label'],
    [{ name: 'shared' }, "services/shared: service name 'shared' is reserved"],
    [{ name: '_x' }, "services/_x: service name '_x' is reserved: names starting with '_'"],
    [{ namespace: 'nowhere' }, "environments/staging/nowhere/tenant.yaml: namespace 'nowhere' does not exist"],
    [{ type: 'batch' as never }, "--type: 'batch' is not a service type (expected http, worker, cron)"],
    [{ type: 'worker' as const, port: 80 }, '--port: a worker service has no port'],
    [{ schedule: '* * * * *' }, '--schedule: a http service has no schedule'],
    [{ type: 'cron' as const, schedule: 'hourly' }, "--schedule: 'schedule' ('hourly') is not a 5-field cron expression"],
    [{ port: 70000 }, "--port: '70000' is not a port (expected an integer from 1 to 65535)"],
    [{ template: 'rust' as never }, "--template: unknown template class 'rust' (expected one of: node, java, python, go, web)"],
    [{ template: 'java' as const, type: 'worker' as const }, '--type: a java service is http only, not worker (expected --type http, or --template node)'],
    [{ template: 'web' as const, type: 'cron' as const, schedule: '* * * * *' }, '--type: a web service is http only, not cron'],
  ])('refuses %j and writes nothing', async (flags, message) => {
    const tree = await withNamespace();
    await expect(serviceGenerator(tree, { name: 'svc', namespace: 'payments', ...flags })).rejects.toThrow(message);
    expect(tree.listChanges().some((c) => c.path.startsWith('services/'))).toBe(false);
  });

  it('refuses an existing service folder, an existing Nx project and a second run', async () => {
    const tree = await withNamespace();
    tree.write('services/old/README.md', '# old');
    await expect(serviceGenerator(tree, { name: 'old', namespace: 'payments' })).rejects.toThrow(
      'services/old: already exists (expected a new service name)',
    );
    tree.write('libs/ledger/project.json', JSON.stringify({ name: 'ledger', root: 'libs/ledger' }));
    await expect(serviceGenerator(tree, { name: 'ledger', namespace: 'payments' })).rejects.toThrow(
      "services/ledger: an Nx project called 'ledger' already exists (libs/ledger)",
    );
    await serviceGenerator(tree, { name: 'svc', namespace: 'payments' });
    const codeowners = tree.read('CODEOWNERS', 'utf8');
    await expect(serviceGenerator(tree, { name: 'svc', namespace: 'payments' })).rejects.toThrow('services/svc: already exists');
    expect(tree.read('CODEOWNERS', 'utf8')).toBe(codeowners);
  });

  it('writes services that typecheck against the platform kit and whose specs pass', async () => {
    const tree = await withNamespace();
    for (const type of ['http', 'worker', 'cron'] as const) await serviceGenerator(tree, { name: `a-${type}`, namespace: 'payments', type });
    const dir = mkdtempSync(join(tmpdir(), 'eleventh-service-'));
    temps.push(dir);
    flushChanges(dir, tree.listChanges());
    cpSync(join(REPO, 'tsconfig.base.json'), join(dir, 'tsconfig.base.json'));
    symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
    const bin = (name: string) => join(REPO, 'node_modules', '.bin', name);
    const env = { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' };
    const projects = ['http', 'worker', 'cron'].map((type) => `services/a-${type}/tsconfig.json`);
    for (const project of projects) {
      const result = spawnSync(bin('tsc'), ['-p', project], { cwd: dir, encoding: 'utf8', env });
      expect(result.stdout, project).toBe('');
    }
    const out = execFileSync(bin('vitest'), ['run', '--root', dir, 'services'], { cwd: dir, encoding: 'utf8', env });
    expect(out).toMatch(/Tests\s+\S*8 passed/);
  });
});
