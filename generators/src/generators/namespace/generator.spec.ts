import { describe, expect, it } from 'vitest';
import type { Tree } from '@nx/devkit';
import { parse } from 'yaml';
import { createEnvironmentsTree } from '../../utils/testing';
import { namespaceGenerator } from './generator';

const ENVS = ['ops-staging', 'preprod', 'prod', 'staging'];

function files(tree: Tree): string[] {
  return tree.listChanges().map((c) => c.path).filter((p) => !p.startsWith('.') && p.includes('/')).sort();
}

describe('namespace generator', () => {
  it('writes the tenancy into the root environment and an empty-differences tenant.yaml everywhere else', async () => {
    const tree = createEnvironmentsTree();
    await namespaceGenerator(tree, { name: 'payments', team: 'acme/payments-team' });

    expect(tree.read('environments/staging/payments/tenant.yaml', 'utf8')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../../../node_modules/@eleventh/cli/schemas/tenant.schema.json
      # Namespace payments in staging, the root environment: every other environment's
      # tenant.yaml states only its differences from the one it extends (see environments/README.md).
      team: acme/payments-team
      quota:
        cpu: "8"
        memory: 16Gi
        pods: 50
      network:
        allowFrom: []
      "
    `);
    expect(tree.read('environments/prod/payments/tenant.yaml', 'utf8')).toMatchInlineSnapshot(`
      "# yaml-language-server: $schema=../../../node_modules/@eleventh/cli/schemas/tenant.schema.json
      # Namespace payments in prod: no differences from preprod.
      # State only what differs here (team, quota, network, defaults); see environments/README.md.
      {}
      "
    `);
    for (const env of ENVS) expect(tree.exists(`environments/${env}/payments/tenant.yaml`)).toBe(true);
  });

  it('every tenant.yaml it writes parses to the intended map', async () => {
    const tree = createEnvironmentsTree();
    await namespaceGenerator(tree, { name: 'payments', team: '@payments-team' });
    expect(parse(tree.read('environments/staging/payments/tenant.yaml', 'utf8')!)).toEqual({
      team: 'payments-team',
      quota: { cpu: '8', memory: '16Gi', pods: 50 },
      network: { allowFrom: [] },
    });
    for (const env of ENVS.filter((e) => e !== 'staging')) {
      expect(parse(tree.read(`environments/${env}/payments/tenant.yaml`, 'utf8')!)).toEqual({});
    }
  });

  it('adds one CODEOWNERS line for the namespace in every environment', async () => {
    const tree = createEnvironmentsTree();
    await namespaceGenerator(tree, { name: 'payments', team: 'acme/payments-team' });
    await namespaceGenerator(tree, { name: 'ledger', team: 'acme/ledger-team' });
    const lines = tree.read('CODEOWNERS', 'utf8')!.split('\n').filter((l) => l && !l.startsWith('#'));
    expect(lines).toEqual(['/environments/*/payments/ @acme/payments-team', '/environments/*/ledger/ @acme/ledger-team']);
  });

  it('edits an existing .github/CODEOWNERS instead of creating another', async () => {
    const tree = createEnvironmentsTree();
    tree.write('.github/CODEOWNERS', '* @acme/platform');
    await namespaceGenerator(tree, { name: 'payments', team: 'payments-team' });
    expect(tree.read('.github/CODEOWNERS', 'utf8')).toBe('* @acme/platform\n/environments/*/payments/ @payments-team\n');
    expect(tree.exists('CODEOWNERS')).toBe(false);
  });

  it.each([
    [{ quota: 'cpu=4,memory=8Gi,pods=20' }, { cpu: '4', memory: '8Gi', pods: 20 }],
    [{ quota: 'pods=10' }, { cpu: '8', memory: '16Gi', pods: 10 }],
    [{ quotaCpu: '2500m', quotaMemory: '4Gi', quotaPods: 5 }, { cpu: '2500m', memory: '4Gi', pods: 5 }],
    // what Nx passes for `--quotaCpu 40`: a number, written as the quantity '40'
    [{ quotaCpu: 40, quotaMemory: 64 }, { cpu: '40', memory: '64', pods: 50 }],
    [{ quota: 'cpu=4,pods=20', quotaPods: 30 }, { cpu: '4', memory: '16Gi', pods: 30 }],
  ])('quota flags %j give %j', async (flags, quota) => {
    const tree = createEnvironmentsTree();
    await namespaceGenerator(tree, { name: 'payments', team: 'payments-team', ...flags });
    expect(parse(tree.read('environments/staging/payments/tenant.yaml', 'utf8')!).quota).toEqual(quota);
  });

  it('takes the default quota from platform/defaults.yaml when the workspace has one', async () => {
    const tree = createEnvironmentsTree();
    tree.write('platform/defaults.yaml', 'tenant:\n  quota:\n    cpu: "16"\n    memory: 32Gi\n    pods: 100\n');
    await namespaceGenerator(tree, { name: 'payments', team: 'payments-team' });
    expect(parse(tree.read('environments/staging/payments/tenant.yaml', 'utf8')!).quota).toEqual({
      cpu: '16',
      memory: '32Gi',
      pods: 100,
    });
  });

  it.each([
    ['Payments', 'is not valid (expected a DNS-1123 label'],
    ['_flux', "namespace name '_flux' is reserved: names starting with '_' belong to generated layers"],
    ['shared', "namespace name 'shared' is reserved"],
    ['kube-system', "namespace name 'kube-system' is reserved"],
    ['a'.repeat(64), 'is not valid'],
  ])('refuses the name %s and writes nothing', async (name, message) => {
    const tree = createEnvironmentsTree();
    await expect(namespaceGenerator(tree, { name, team: 'payments-team' })).rejects.toThrow(message);
    expect(files(tree).filter((p) => p.endsWith('tenant.yaml'))).toEqual([]);
  });

  it.each([
    [{ team: 'not a team' }, '--team: "not a team" is not a team'],
    [{ team: 'x', quota: 'cpu=lots' }, "--quota-cpu: 'lots' is not a quantity"],
    [{ team: 'x', quota: 'disk=1' }, "--quota: cannot read 'disk=1'"],
    [{ team: 'x', quotaMemory: '16 GB' }, "--quota-memory: '16 GB' is not a quantity"],
    [{ team: 'x', quota: 'pods=1.5' }, "--quota-pods: '1.5' is not a pod count (expected an integer ≥ 0)"],
  ])('refuses %j', async (flags, message) => {
    const tree = createEnvironmentsTree();
    await expect(namespaceGenerator(tree, { name: 'payments', ...flags })).rejects.toThrow(message);
  });

  it('refuses to run twice with the same arguments and leaves the first result as it was', async () => {
    const tree = createEnvironmentsTree();
    await namespaceGenerator(tree, { name: 'payments', team: 'payments-team' });
    const before = tree.read('CODEOWNERS', 'utf8');
    await expect(namespaceGenerator(tree, { name: 'payments', team: 'payments-team' })).rejects.toThrow(
      "environments/ops-staging/payments/tenant.yaml: namespace 'payments' already exists (expected a new namespace name)",
    );
    expect(tree.read('CODEOWNERS', 'utf8')).toBe(before);
  });

  it('refuses a workspace without a root environment', async () => {
    const tree = createEnvironmentsTree();
    tree.delete('environments/staging/environment.yaml');
    tree.write('environments/preprod/environment.yaml', 'cluster: {name: preprod}\n');
    tree.write('environments/ops-staging/environment.yaml', 'cluster: {name: ops}\n');
    await expect(namespaceGenerator(tree, { name: 'payments', team: 'x' })).rejects.toThrow(
      "environments: found several root environments (ops-staging, preprod) (expected exactly one environment.yaml without 'extends')",
    );
  });
});
