import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Tree } from '@nx/devkit';
import { createEnvironmentsTree } from '../../utils/testing';
import { namespaceGenerator } from '../namespace/generator';
import { profileGenerator } from './generator';
import { registerInIndex } from './lib/register-profile';

const REPO = join(__dirname, '..', '..', '..', '..');
const PROFILES = join(REPO, 'platform', 'src', 'profiles');

/** A tree holding the platform's real profiles index and Profile type. */
function withPlatform(): Tree {
  const tree = createEnvironmentsTree();
  tree.write('platform/src/index.ts', readFileSync(join(REPO, 'platform', 'src', 'index.ts'), 'utf8'));
  for (const file of ['index.ts', 'profile.ts']) {
    tree.write(`platform/src/profiles/${file}`, readFileSync(join(PROFILES, file), 'utf8'));
  }
  return tree;
}

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('profile generator', () => {
  it('writes platform/src/profiles/<name>.ts exporting the camel-cased Profile', async () => {
    const tree = withPlatform();
    await profileGenerator(tree, { name: 'trading-risk', description: 'What the trading desk adds' });
    const source = tree.read('platform/src/profiles/trading-risk.ts', 'utf8')!;
    expect(source).toContain("const NAME = 'trading-risk';");
    expect(source).toContain('export const tradingRisk: Profile = {');
    expect(source).toContain("  description: 'What the trading desk adds',");
  });

  it('registers the profile in the index: one import and one entry in PROFILES', async () => {
    const tree = withPlatform();
    await profileGenerator(tree, { name: 'trading-risk' });
    const index = tree.read('platform/src/profiles/index.ts', 'utf8')!;
    expect(index.match(/import \{ tradingRisk \} from '\.\/trading-risk';/g)).toHaveLength(1);
    expect(index).toMatch(/const PROFILES: readonly Profile\[\] = \[[^\]]*, tradingRisk\];/);
  });

  it('registers into the list whatever it holds', () => {
    const index = "import { a } from './a';\n\nconst PROFILES: readonly Profile[] = [];\n";
    expect(registerInIndex(index, { name: 'b-c', symbol: 'bC' })).toBe(
      "import { a } from './a';\nimport { bC } from './b-c';\n\nconst PROFILES: readonly Profile[] = [bC];\n",
    );
    expect(registerInIndex('export const x = 1;\n', { name: 'b', symbol: 'b' })).toBeNull();
  });

  it('still writes the profile when the kit\'s index has no registry (the step is printed)', async () => {
    const tree = withPlatform();
    tree.write('platform/src/index.ts', 'export {};\n');
    tree.write('platform/src/profiles/index.ts', 'export const x = 1;\n');
    await profileGenerator(tree, { name: 'trading-risk' });
    expect(tree.exists('platform/src/profiles/trading-risk.ts')).toBe(true);
    expect(tree.read('platform/src/profiles/index.ts', 'utf8')).toBe('export const x = 1;\n');
  });

  it('in a repository whose kit is the installed package, writes platform/profiles/ and creates its registry', async () => {
    const tree = createEnvironmentsTree();
    await profileGenerator(tree, { name: 'markets-risk' });
    expect(tree.exists('platform/src/profiles/markets-risk.ts')).toBe(false);
    const source = tree.read('platform/profiles/markets-risk.ts', 'utf8')!;
    expect(source).toContain("import { platformLabels, type KubeObject, type Profile, type ProfileContext } from '@eleventh/platform';");
    expect(source).not.toContain("from '../kit/types'");
    const index = tree.read('platform/profiles/index.ts', 'utf8')!;
    expect(index).toContain("import type { Profile } from '@eleventh/platform';\nimport { marketsRisk } from './markets-risk';");
    expect(index).toContain('export const PROFILES: readonly Profile[] = [marketsRisk];');
    await profileGenerator(tree, { name: 'fx-desk' });
    expect(tree.read('platform/profiles/index.ts', 'utf8')).toContain('export const PROFILES: readonly Profile[] = [marketsRisk, fxDesk];');
    await expect(profileGenerator(tree, { name: 'observability' })).rejects.toThrow("platform/profiles/observability.ts: 'observability' is a profile of @eleventh/platform");
  });

  it('generates a profile the platform loads and whose objects validate', async () => {
    const tree = withPlatform();
    await profileGenerator(tree, { name: 'trading-risk' });
    const dir = mkdtempSync(join(tmpdir(), 'eleventh-profile-'));
    temps.push(dir);
    cpSync(join(REPO, 'platform', 'src'), join(dir, 'src'), { recursive: true });
    symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
    for (const file of ['trading-risk.ts', 'index.ts']) {
      writeFileSync(join(dir, 'src', 'profiles', file), tree.read(`platform/src/profiles/${file}`, 'utf8')!);
    }
    const script = `const p = require(${JSON.stringify(join(dir, 'src', 'profiles', 'index.ts'))});
      const objects = p.getProfile('trading-risk').render({ environment: 'qa' });
      objects.forEach((o) => o.validate());
      console.log(JSON.stringify({ names: p.listProfiles(), kinds: objects.map((o) => o.kind) }));`;
    const out = execFileSync(process.execPath, ['-r', '@swc-node/register', '-e', script], { cwd: REPO, encoding: 'utf8' });
    const result = JSON.parse(out.trim().split('\n').pop()!);
    expect(result.names).toContain('trading-risk');
    expect(result.kinds).toEqual(['Namespace', 'NetworkPolicy']);
  });

  it.each([
    ['Trading', 'profile name "Trading" is not valid'],
    ['index', "profile name 'index' is reserved"],
    ['profile', "profile name 'profile' is reserved"],
    ['observability', "platform/src/profiles/index.ts: already registers './observability'"],
  ])('refuses the name %s', async (name, message) => {
    const tree = withPlatform();
    await expect(profileGenerator(tree, { name })).rejects.toThrow(message);
  });

  it('refuses a tenant namespace, a bad description and a second run', async () => {
    const tree = withPlatform();
    await namespaceGenerator(tree, { name: 'payments', team: 'payments-team' });
    await expect(profileGenerator(tree, { name: 'payments' })).rejects.toThrow(
      "environments/staging/payments/tenant.yaml: 'payments' is a tenant namespace",
    );
    await expect(profileGenerator(tree, { name: 'x', description: "it's" })).rejects.toThrow('--description: "it\'s" cannot be used');
    await profileGenerator(tree, { name: 'x' });
    await expect(profileGenerator(tree, { name: 'x' })).rejects.toThrow('platform/src/profiles/x.ts: already exists');
  });
});
