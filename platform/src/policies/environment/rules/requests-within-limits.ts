/** `requests-within-limits`: no container requests more CPU or memory than its limit. */
import { millicores, bytes } from '../quantity';
import { at, containers, eachObject } from '../objects';
import type { EnvironmentFinding, EnvironmentPolicyRule, PolicyEnvironment, PolicyOrigin, PolicyService } from '../types';

const where = (o: PolicyOrigin): string => (o.line ? `${o.file}:${o.line}` : o.file);

/**
 * Where config set what broke the rule, for the main container (whose values come from config): the line
 * set later of the request's and the limit's (a limit lowered in overrides.yaml is blamed there, not at the
 * platform default of the request), and the other's line for the message.
 */
export function blame(service: PolicyService, resource: 'cpu' | 'memory', request: unknown, limit: unknown): { origin?: PolicyOrigin; other?: string } {
  const set = (kind: 'resources' | 'limits', value: unknown) => (service.config[kind][resource] === value ? service.origin(`${kind}.${resource}`) : undefined);
  const req = set('resources', request);
  const lim = set('limits', limit);
  if (!req || !lim) return { origin: req ?? lim };
  const limitLater = (lim.rank ?? 0) > (req.rank ?? 0);
  const [origin, other] = limitLater ? [lim, req] : [req, lim];
  return { origin, other: where(other) === where(origin) ? undefined : `the ${limitLater ? 'request' : 'limit'} is set at ${where(other)}` };
}

function check(env: PolicyEnvironment): EnvironmentFinding[] {
  return eachObject(env).flatMap(({ service, item }) =>
    containers(item.object).flatMap(({ label, container }) =>
      (['cpu', 'memory'] as const).flatMap((r) => {
        const toNumber = r === 'cpu' ? millicores : bytes;
        const request = container.resources?.requests?.[r];
        const limit = container.resources?.limits?.[r];
        const [q, l] = [toNumber(request), toNumber(limit)];
        if (q === undefined || l === undefined || q <= l) return [];
        const { origin, other } = container.name === service.name ? blame(service, r, request, limit) : {};
        const f = at(service, item, `${label} requests ${r} ${String(request)} above its limit ${String(limit)} (expected requests ≤ limits${other ? `; ${other}` : ''})`);
        return [origin ? { ...f, file: origin.file, ...(origin.line !== undefined ? { line: origin.line } : {}) } : f];
      }),
    ),
  );
}

export const requestsWithinLimits: EnvironmentPolicyRule = { name: 'requests-within-limits', description: 'no container requests more cpu or memory than its limit', check };
