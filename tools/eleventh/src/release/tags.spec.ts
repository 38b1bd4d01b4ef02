import { describe, expect, it } from 'vitest';
import { matchesTag, tagPattern } from './tags';
import { commitMessage } from './commit';

describe('promotion tag patterns', () => {
  it.each([
    ['preprod-v*', 'preprod-v3', true],
    ['preprod-v*', 'prod-v3', false],
    ['preprod-v*', 'xpreprod-v3', false],
    ['prod-v?', 'prod-v1', true],
    ['prod-v?', 'prod-v12', false],
    ['release.1', 'releasex1', false],
    ['/^prod-v\\d+$/', 'prod-v12', true],
    ['/^prod-v\\d+$/', 'prod-v12-rc', false],
  ])('%s matches %s: %s', (pattern, tag, expected) => {
    expect(matchesTag(pattern, tag)).toBe(expected);
  });

  it('reports a bad regular expression', () => {
    expect(() => tagPattern('/(/')).toThrow("promotion.tags '/(/' is not a valid regular expression");
  });
});

describe('commitMessage', () => {
  const A = 'a'.repeat(40);
  const B = 'b'.repeat(40);
  const entry = (commit: string) => ({ namespace: 'payments', commit, image: `r/x:${commit}`, digest: 'sha256:0', inputs: '0' });

  it('names the environment, each move (12-character pins) and the tag', () => {
    const msg = commitMessage('promote', {
      environment: 'prod',
      previous: { environment: 'prod', services: { 'payments-api': entry(A), old: entry(A) } },
      recipe: { environment: 'prod', promotedFrom: { environment: 'preprod', commit: B, tag: 'prod-v3' }, services: { 'payments-api': entry(B), fresh: entry(B) } },
    });
    expect(msg.split('\n')).toEqual([
      'eleventh promote prod to prod-v3: 3 services moved',
      '',
      `fresh (new) → ${B.slice(0, 12)}`,
      `old ${A.slice(0, 12)} → (removed)`,
      `payments-api ${A.slice(0, 12)} → ${B.slice(0, 12)}`,
      '',
      'Eleventh-Action: promote',
      'Eleventh-Environment: prod',
      `Eleventh-Promoted-From: preprod@${B}`,
      'Eleventh-Tag: prod-v3',
    ]);
  });

  it('says when nothing moved (a config-only change)', () => {
    const r = { environment: 'staging', services: { a: entry(A) } };
    expect(commitMessage('recipe', { environment: 'staging', previous: r, recipe: r }).split('\n')[0]).toBe('eleventh recipe staging: no service moved');
  });
});
