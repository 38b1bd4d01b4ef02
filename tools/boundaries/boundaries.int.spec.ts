/**
 * The import rules (.dependency-cruiser.cjs, `npm run lint:deps`) hold on this repository, and each one
 * catches what it forbids: in a copy of the sources, one forbidden import per rule is injected and
 * `lint:deps` must fail naming every one of them (rule, importing file, imported file).
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = join(__dirname, '..', '..');
const COPIED = ['tools', 'platform', 'generators', 'services', '.dependency-cruiser.cjs', 'tsconfig.base.json', 'package.json'];
const base = mkdtempSync(join(tmpdir(), 'eleventh-boundaries-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

function lintDeps(cwd: string): { status: number | null; out: string } {
  const res = spawnSync('npm', ['run', '--silent', 'lint:deps'], { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false' } });
  return { status: res.status, out: `${res.stdout}${res.stderr}` };
}

/** [rule, importing file, line appended to it, the imported file lint:deps names] */
const INJECTED: ReadonlyArray<readonly [string, string, string, string]> = [
  ['no-cycles', 'platform/src/kit/labels.ts', "import { renderPlatform } from '../layers/platform';", 'platform/src/layers/platform.ts'],
  ['platform-imports-only-itself', 'platform/src/kit/names.ts', "import { git } from '../../../tools/eleventh/src/git/run';", 'tools/eleventh/src/git/run.ts'],
  ['tools-type-imports-platform', 'tools/eleventh/src/model.ts', "import { defineService } from '@eleventh/platform';", 'platform/src/index.ts'],
  ['nothing-imports-generators', 'tools/eleventh/src/timing.ts', "import { toYaml } from '../../../generators/src/utils/yaml';", 'generators/src/utils/yaml.ts'],
  ['generators-use-package-entries', 'generators/src/utils/names.ts', "import { revParse } from '../../../tools/eleventh/src/git/run';", 'tools/eleventh/src/git/run.ts'],
  ['resolvable', 'generators/src/utils/codeowners.ts', "import { gitText } from '@eleventh/cli/src/git/run';", '@eleventh/cli/src/git/run'],
  ['services-use-platform-entry', 'services/payments-api/src/payment.ts', "import { LABEL } from '../../../platform/src/kit/labels';", 'platform/src/kit/labels.ts'],
  ['services-use-shared-libraries', 'services/customer-api/src/main.ts', "import '../../payments-api/src/payment';", 'services/payments-api/src/payment.ts'],
];

describe('import boundaries (npm run lint:deps)', () => {
  it('hold on this repository', () => {
    const res = lintDeps(REPO);
    expect(res.out).toContain('no dependency violations found');
    expect(res.status).toBe(0);
  });

  it('each rule fails on the forbidden import it names', () => {
    const copy = join(base, 'repo');
    for (const entry of COPIED) {
      cpSync(join(REPO, entry), join(copy, entry), { recursive: true, filter: (src) => !/[/\\](node_modules|\.nx|tmp|out)([/\\]|$)/.test(relative(REPO, src)) });
    }
    symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'), 'dir');
    for (const [, file, line] of INJECTED) appendFileSync(join(copy, file), `\n${line}\n`);
    const res = lintDeps(copy);
    expect(res.status, res.out).not.toBe(0);
    for (const [rule, file, , target] of INJECTED) {
      // a cycle is printed as its path, one module a line: `error no-cycles: A → ⏎ B → ⏎ … A`
      const edge = rule === 'no-cycles' ? `${escape(file)} →\\s+${escape(target)}` : `error ${rule}: ${escape(file)} → ${escape(target)}`;
      expect(res.out, rule).toMatch(new RegExp(edge));
      expect(res.out, rule).toContain(`error ${rule}: `);
    }
    expect(countViolations(res.out)).toBeGreaterThanOrEqual(INJECTED.length);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function countViolations(out: string): number {
  return Number(/x (\d+) dependency violations/.exec(out)?.[1] ?? 0);
}
