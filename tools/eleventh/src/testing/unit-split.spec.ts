/**
 * The vitest `unit` project (`npm run test:fast`) stays fast: a spec that builds a real git repository,
 * runs the CLI as a child process, or spawns nx, npm, tsc or a toolchain belongs in the `integration`
 * project, named `*.int.spec.ts` (or `*.e2e.spec.ts` for real installs, Nx runs and browsers).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from './fixture';

/** Helpers that make a real repository or run a real process (see testing/, release/, pins/, report/). */
const HEAVY = [
  /\b(createFixtureRepo|createExampleRepo|createRecipedRepo|createReleaseRepo|createReportRepo|pinsRepo|runEleventh|cloneAs|runOnDisk)\(/,
  /\bgit\(\s*\[/,
  /\b(spawnSync|execFileSync|execSync|spawn|execFile)\(\s*(bin\()?['"`](nx|npm|npx|tsc|mvn|go|kubectl|terraform)['"`]/,
];

function unitSpecs(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'files' || entry.name === 'bench') continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.spec.ts') && !/\.(int|e2e)\.spec\.ts$/.test(entry.name)) out.push(relative(root, full));
    }
  };
  for (const top of ['tools', 'platform', 'generators', 'services']) walk(join(REPO_ROOT, top));
  return out.sort();
}

describe('the unit project', () => {
  it('has no spec that makes a git repository or spawns nx, npm, tsc or a toolchain', () => {
    const specs = unitSpecs(REPO_ROOT).filter((file) => file !== relative(REPO_ROOT, __filename)); // this file quotes the patterns
    expect(specs.length).toBeGreaterThan(30);
    const heavy = specs.filter((file) => HEAVY.some((re) => re.test(readFileSync(join(REPO_ROOT, file), 'utf8'))));
    expect(heavy, 'rename these to *.int.spec.ts (vitest.config.mts)').toEqual([]);
  });

  it('the rule sees what it must', () => {
    for (const text of ["repo = createFixtureRepo({})", "git(['init'], { cwd })", "execFileSync('npx', ['nx'])", 'spawnSync(bin(\'tsc\'), [])']) {
      expect(HEAVY.some((re) => re.test(text)), text).toBe(true);
    }
    expect(HEAVY.some((re) => re.test("spawnSync('git', ['hash-object', '--stdin'])"))).toBe(false);
  });
});
