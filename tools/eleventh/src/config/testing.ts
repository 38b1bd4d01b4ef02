/** Test helper: a real repository layout in a temporary directory. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ConfigErrors } from '../errors';
import { loadConfig } from './load';

export const PLATFORM_DEFAULTS_TEXT = [
  'service:',
  '  replicas: 2',
  '  resources:',
  '    cpu: 100m',
  '    memory: 128Mi',
  '  limits:',
  '    cpu: 500m',
  '    memory: 256Mi',
  '  autoscaling: false',
  '  env: {}',
  '  values: {}',
  'tenant:',
  '  quota:',
  "    cpu: '8'",
  '    memory: 16Gi',
  '    pods: 50',
  '  network:',
  '    allowFrom: []',
  '',
].join('\n');

/** The four environments of the reference layout with one namespace, `payments`. */
export function baseTree(): Record<string, string> {
  const tenant = 'team: payments-team\n';
  return {
    'platform/defaults.yaml': PLATFORM_DEFAULTS_TEXT,
    'environments/staging/environment.yaml': [
      'registry: registry.example.com/acme',
      'cluster:',
      '  name: staging',
      '  git:',
      '    url: https://git.example.com/acme/eleventh.git',
      'profiles: [retail]',
      '',
    ].join('\n'),
    'environments/preprod/environment.yaml': 'extends: staging\ncluster:\n  name: preprod\npromotion:\n  from: staging\n  tags: preprod-v*\n',
    'environments/prod/environment.yaml': 'extends: preprod\ncluster:\n  name: prod\npromotion:\n  from: preprod\n  tags: prod-v*\n',
    'environments/ops-staging/environment.yaml': 'extends: staging\ncluster:\n  name: ops-staging\n',
    'environments/staging/payments/tenant.yaml': tenant,
    'environments/preprod/payments/tenant.yaml': '',
    'environments/prod/payments/tenant.yaml': '',
    'environments/ops-staging/payments/tenant.yaml': '',
  };
}

const made: string[] = [];

/** Write `files` (path → text; `null` deletes from the base) under a fresh temporary root. */
export function writeTree(files: Record<string, string | null>): string {
  const root = mkdtempSync(join(tmpdir(), 'eleventh-config-'));
  made.push(root);
  for (const [rel, text] of Object.entries(files)) {
    if (text === null) continue;
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return root;
}

/** The base tree with some files changed, added or (with `null`) removed. */
export function treeWith(changes: Record<string, string | null>): string {
  return writeTree({ ...baseTree(), ...changes });
}

export function cleanTrees(): void {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** Every message loadConfig throws for the base tree with `changes` (fails when it accepts the tree). */
export function configProblems(changes: Record<string, string | null>): string[] {
  try {
    loadConfig(treeWith(changes));
  } catch (err) {
    if (err instanceof ConfigErrors) return err.errors.map((e) => e.message);
    throw err;
  }
  throw new Error('loadConfig accepted the tree');
}
