/** `promotion:` bad input: every problem at its file and line, with what was expected. */
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from './load';
import { durationMs } from './promotion';
import { cleanTrees, configProblems, treeWith } from './testing';

afterAll(cleanTrees);

const problems = configProblems;

const PROD = 'environments/prod/environment.yaml';
const prod = (promotion: string): Record<string, string> => ({ [PROD]: `extends: preprod\ncluster:\n  name: prod\npromotion:\n${promotion}` });
const mirror = (promotion: string): Record<string, string | null> => ({
  'environments/dr/environment.yaml': `extends: prod\ncluster:\n  name: dr\npromotion:\n${promotion}`,
  'environments/dr/payments/tenant.yaml': '',
});

describe('promotion settings', () => {
  it.each([
    ['an unknown key, with the nearest one', '  from: preprod\n  sigend: true\n', `${PROD}:6: unknown key 'sigend' in 'promotion' (did you mean 'signed'?)`],
    ['signed that is not a boolean', '  from: preprod\n  signed: yes\n', `${PROD}:6: 'promotion.signed' must be true or false`],
    ['a soak that is not a duration', '  from: preprod\n  soak: a day\n', `${PROD}:6: 'promotion.soak' must be a duration such as '24h', '2d' or '1d12h'`],
    ['a branch that git would refuse', '  from: preprod\n  branch: "re lease..x"\n', `${PROD}:6: 'promotion.branch' must be a git branch name`],
    ['a freeze window that ends before it starts', "  from: preprod\n  freeze:\n    - {from: '2026-12-24', to: '2026-12-20'}\n", `${PROD}:7: freeze window 1 ends ('2026-12-20') before it starts ('2026-12-24')`],
    ['a freeze window with dates and weekly', "  from: preprod\n  freeze:\n    - {from: '2026-12-24', to: '2026-12-28', weekly: {from: 'fri 16:00', to: 'mon 08:00'}}\n", `${PROD}:7: freeze window 1 has both 'weekly' and 'from'/'to'`],
    ['a weekly window with a bad weekday', "  from: preprod\n  freeze:\n    - weekly: {from: 'friday 16:00', to: 'mon 08:00'}\n", `${PROD}:7: 'promotion.freeze[0].weekly.from' must be a weekday and UTC time such as 'fri 16:00'`],
    ['a date that does not exist', "  from: preprod\n  freeze:\n    - {from: '2026-02-30', to: '2026-03-02'}\n", `${PROD}:7: freeze window 1 has a date that does not exist`],
    ['neither from nor mirrorOf', "  tags: 'prod-v*'\n", `${PROD}:4: promotion has neither 'from' nor 'mirrorOf'`],
  ])('%s', (_name, promotion, message) => {
    const found = problems(prod(promotion));
    expect(found.some((m) => m.startsWith(message)), found.join('\n')).toBe(true);
  });

  it('reads soak durations', () => {
    expect(durationMs('1d12h')).toBe(36 * 3_600_000);
    expect(durationMs('2w')).toBe(14 * 86_400_000);
    expect(durationMs('90m')).toBe(90 * 60_000);
  });

  it('accepts a complete promotion and resolves it', () => {
    const config = loadConfig(treeWith(prod("  from: preprod\n  tags: 'prod-v*'\n  branch: release/2026\n  signed: true\n  soak: 1d12h\n  freeze:\n    - {from: '2026-12-20', to: '2027-01-04T08:00:00Z', reason: year-end}\n    - weekly: {from: 'fri 16:00', to: 'mon 08:00'}\n")));
    const p = config.environment('prod').promotion!;
    expect(p).toMatchObject({ from: 'preprod', branch: 'release/2026', signed: true, soak: { text: '1d12h', ms: 36 * 3_600_000 } });
    expect(p.freeze.map((w) => w.kind)).toEqual(['dates', 'weekly']);
    expect(p.freeze[0]).toMatchObject({ from: Date.parse('2026-12-20T00:00:00Z'), to: Date.parse('2027-01-04T08:00:00Z'), reason: 'year-end' });
  });
});

describe('mirrors', () => {
  it('a mirror of an environment that is not promoted is refused, at the line of mirrorOf', () => {
    const found = problems({ ...mirror('  mirrorOf: staging\n') });
    expect(found).toContain("environments/dr/environment.yaml:5: promotion.mirrorOf: 'staging' is not promoted (it follows main) (expected a promoted environment (one with promotion.from))");
  });

  it('a mirror of an unknown environment, of itself, or of a mirror is refused', () => {
    expect(problems(mirror('  mirrorOf: prdo\n')).join('\n')).toContain("promotion.mirrorOf names unknown environment 'prdo'");
    expect(problems(mirror('  mirrorOf: dr\n')).join('\n')).toContain("environment 'dr' cannot mirror itself");
    const two = { ...mirror('  mirrorOf: prod\n'), 'environments/dr2/environment.yaml': 'extends: prod\ncluster:\n  name: dr2\npromotion:\n  mirrorOf: dr\n', 'environments/dr2/payments/tenant.yaml': '' };
    expect(problems(two).join('\n')).toContain("promotion.mirrorOf: 'dr' is itself a mirror");
  });

  it('a mirror takes no tags, gates or branch of its own, and not both from and mirrorOf', () => {
    const found = problems(mirror("  mirrorOf: prod\n  tags: 'dr-v*'\n  from: preprod\n")).join('\n');
    expect(found).toContain("environments/dr/environment.yaml:6: a mirror takes no 'promotion.tags'");
    expect(found).toContain("promotion has both 'from' and 'mirrorOf'");
  });

  it('a sound mirror resolves: it is not following main, and its source is the environment it mirrors', () => {
    const config = loadConfig(treeWith(mirror('  mirrorOf: prod\n')));
    expect(config.followsMain('dr')).toBe(false);
    expect(config.environment('dr').promotion).toMatchObject({ from: 'prod', mirrorOf: 'prod' });
  });
});

describe('cluster.git.verify', () => {
  it('resolves and inherits; a bad mode is refused', () => {
    const staging = "registry: r.example.com/a\ncluster:\n  name: staging\n  git:\n    url: https://git.example.com/a.git\n    verify: {mode: HEAD, secretRef: release-signers}\n";
    const config = loadConfig(treeWith({ 'environments/staging/environment.yaml': staging }));
    expect(config.environment('prod').cluster.git.verify).toEqual({ mode: 'HEAD', secretRef: 'release-signers' });
    const bad = staging.replace('mode: HEAD', 'mode: head-ish');
    expect(problems({ 'environments/staging/environment.yaml': bad }).join('\n')).toContain("'cluster.git.verify.mode' must be HEAD, Tag or TagAndHEAD");
  });
});
