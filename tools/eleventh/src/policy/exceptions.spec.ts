import { describe, expect, it } from 'vitest';
import { applyExceptions, EXPIRED_RULE, isDate, type PolicyException, type RuleFinding } from './exceptions';

const FILE = 'environments/staging/risk/tenant.yaml';
const hostPath: RuleFinding = { file: 'environments/staging/risk/fraud-scorer/deployment.yaml', rule: 'policy/no-host-path', message: "staging: Deployment risk/fraud-scorer: volume 'logs' mounts hostPath /var/log", namespace: 'risk', service: 'fraud-scorer' };
const privileged: RuleFinding = { ...hostPath, rule: 'policy/no-privileged', message: "staging: Deployment risk/fraud-scorer: container 'fraud-scorer' is privileged" };
const exception = (over: Partial<PolicyException> = {}): PolicyException => ({ rule: 'no-host-path', namespace: 'risk', service: 'fraud-scorer', reason: 'OPS-123', expires: '2026-06-30', file: FILE, line: 12, ...over });
const rules = (found: ReturnType<typeof applyExceptions>) => found.map((f) => f.rule);

describe('applyExceptions', () => {
  it('a future expiry suppresses the finding it names, and only that one', () => {
    expect(rules(applyExceptions([hostPath, privileged], [exception()], '2026-04-01'))).toEqual(['policy/no-privileged']);
  });

  it('the expiry day itself still holds', () => {
    expect(applyExceptions([hostPath], [exception()], '2026-06-30')).toEqual([]);
  });

  it('the day after, the exception is expired: a finding at its expires line, and the finding is back', () => {
    expect(applyExceptions([hostPath], [exception()], '2026-07-01')).toEqual([
      { file: hostPath.file, rule: 'policy/no-host-path', message: hostPath.message },
      { file: FILE, line: 12, rule: EXPIRED_RULE, message: 'exception for no-host-path (namespace risk, service fraud-scorer) expired on 2026-06-30: "OPS-123" (expected the finding fixed, or a new expiry date reviewed again)' },
    ]);
  });

  it('an expired exception is a finding even when nothing breaks its rule any more', () => {
    expect(rules(applyExceptions([], [exception()], '2026-07-01'))).toEqual([EXPIRED_RULE]);
  });

  it('scope: another service, another namespace or another rule suppresses nothing; no scope suppresses every match', () => {
    for (const e of [exception({ service: 'risk-report' }), exception({ namespace: 'payments' }), exception({ rule: 'no-privileged' })]) expect(rules(applyExceptions([hostPath], [e], '2026-04-01'))).toContain('policy/no-host-path');
    expect(applyExceptions([hostPath, { ...hostPath, service: 'risk-report' }], [exception({ service: undefined, namespace: undefined })], '2026-04-01')).toEqual([]);
  });
});

describe('isDate', () => {
  it.each([['2026-06-30', true], ['2028-02-29', true], ['2026-02-30', false], ['2026-6-30', false], ['30/06/2026', false], [20260630, false]])('%s → %s', (value, ok) => {
    expect(isDate(value)).toBe(ok);
  });
});
