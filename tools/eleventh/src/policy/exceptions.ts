/**
 * Policy exceptions: `policy.exceptions` in an environment's own environment.yaml (any namespace) or a
 * tenant.yaml (that namespace only). Each names a rule, optionally a service and a namespace, a reason
 * and an expiry date; it suppresses the matching findings through its expiry day. An expired exception
 * suppresses nothing and is itself a finding. Exceptions are not inherited along `extends`: every
 * environment states its own, so an exception granted in staging never reaches prod unseen.
 */
import { ConfigError, ConfigErrors } from '../errors';
import { finding, type Finding } from '../findings';
import type { YamlDoc } from '../yaml/read';
import { didYouMean } from '../config/suggest';

export const EXPIRED_RULE = 'policy/exception-expired';
const KEYS = ['rule', 'service', 'namespace', 'reason', 'expires'];

export interface PolicyException {
  readonly rule: string;
  readonly service?: string;
  readonly namespace?: string;
  readonly reason: string;
  readonly expires: string;
  readonly file: string;
  readonly line?: number;
}

/** A real calendar date written `YYYY-MM-DD`. */
export function isDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function readOne(doc: YamlDoc, i: number, raw: unknown, rules: readonly string[], namespace: string | undefined, errors: ConfigError[]): PolicyException | undefined {
  const path = ['policy', 'exceptions', i];
  const at = (key?: string) => ({ file: doc.file, line: (key && doc.lineOf([...path, key])) || doc.lineOf(path) });
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    errors.push(new ConfigError(at(), `policy.exceptions[${i}] is not a map`, '{rule, reason, expires, service?, namespace?}'));
    return undefined;
  }
  const e = raw as Record<string, unknown>;
  const before = errors.length;
  for (const k of Object.keys(e).filter((k) => !KEYS.includes(k))) errors.push(new ConfigError(at(k), `unknown key '${k}' in policy.exceptions[${i}]${didYouMean(k, KEYS)}`, `one of: ${KEYS.join(', ')}`));
  const rule = typeof e.rule === 'string' ? e.rule.replace(/^policy\//, '') : undefined;
  if (!rule || !rules.includes(rule)) errors.push(new ConfigError(at('rule'), `policy.exceptions[${i}].rule ${rule ? `'${String(e.rule)}' is not a policy rule${didYouMean(rule, rules)}` : 'is missing'}`, `one of: ${rules.join(', ')}`));
  if (typeof e.reason !== 'string' || e.reason.trim() === '') errors.push(new ConfigError(at('reason'), `policy.exceptions[${i}].reason is missing`, 'why the exception is accepted, e.g. a ticket and its owner'));
  if (!isDate(e.expires)) errors.push(new ConfigError(at('expires'), `policy.exceptions[${i}].expires ${e.expires === undefined ? 'is missing' : `(${JSON.stringify(e.expires)}) is not a date`}`, 'a real date YYYY-MM-DD, quoted or not'));
  for (const k of ['service', 'namespace'] as const) if (e[k] !== undefined && typeof e[k] !== 'string') errors.push(new ConfigError(at(k), `policy.exceptions[${i}].${k} is not a name`, 'a string'));
  if (namespace !== undefined && e.namespace !== undefined && e.namespace !== namespace) errors.push(new ConfigError(at('namespace'), `policy.exceptions[${i}].namespace '${String(e.namespace)}' is not this tenant's namespace`, `'${namespace}' or no namespace`));
  if (errors.length > before) return undefined;
  const ns = namespace ?? (e.namespace as string | undefined);
  return { rule: rule!, reason: e.reason as string, expires: e.expires as string, file: doc.file, line: at('expires').line, ...(e.service !== undefined ? { service: e.service as string } : {}), ...(ns !== undefined ? { namespace: ns } : {}) };
}

/** The exceptions a file declares (`namespace`: the tenant's, for a tenant.yaml). */
function readDoc(doc: YamlDoc, rules: readonly string[], namespace: string | undefined, errors: ConfigError[]): PolicyException[] {
  const policy = doc.value && typeof doc.value === 'object' ? (doc.value as Record<string, unknown>).policy : undefined;
  if (policy === undefined || policy === null) return [];
  const list = typeof policy === 'object' ? (policy as Record<string, unknown>).exceptions : undefined;
  if (list === undefined) return [];
  if (!Array.isArray(list)) {
    errors.push(new ConfigError({ file: doc.file, line: doc.lineOf(['policy', 'exceptions']) ?? doc.lineOf(['policy']) }, 'policy.exceptions is not a list', 'a list of {rule, reason, expires, service?, namespace?}'));
    return [];
  }
  return list.flatMap((raw, i) => readOne(doc, i, raw, rules, namespace, errors) ?? []);
}

/** Every exception of one environment; a bad one is exit 2 at its file:line (all of them reported). */
export function readExceptions(environment: YamlDoc, tenants: ReadonlyMap<string, YamlDoc>, rules: readonly string[]): PolicyException[] {
  const errors: ConfigError[] = [];
  const out = [...readDoc(environment, rules, undefined, errors), ...[...tenants].flatMap(([ns, doc]) => readDoc(doc, rules, ns, errors))];
  if (errors.length > 0) throw new ConfigErrors(errors);
  return out;
}

export interface RuleFinding extends Finding {
  readonly namespace?: string;
  readonly service?: string;
}

function matches(e: PolicyException, f: RuleFinding): boolean {
  return f.rule === `policy/${e.rule}` && (e.service === undefined || e.service === f.service) && (e.namespace === undefined || e.namespace === f.namespace);
}

/** The findings no live exception covers, plus one finding per expired exception. */
export function applyExceptions(findings: readonly RuleFinding[], exceptions: readonly PolicyException[], today: string): Finding[] {
  const live = exceptions.filter((e) => e.expires >= today);
  const expired = exceptions.filter((e) => e.expires < today);
  const kept = findings.filter((f) => !live.some((e) => matches(e, f))).map((f) => finding(f.file, f.rule, f.message, f.line));
  const scope = (e: PolicyException) => [e.namespace && `namespace ${e.namespace}`, e.service && `service ${e.service}`].filter(Boolean).join(', ');
  return [
    ...kept,
    ...expired.map((e) => finding(e.file, EXPIRED_RULE, `exception for ${e.rule}${scope(e) ? ` (${scope(e)})` : ''} expired on ${e.expires}: "${e.reason}" (expected the finding fixed, or a new expiry date reviewed again)`, e.line)),
  ];
}
