/** `requests-within-limits`: no container requests more CPU or memory than its limit. */
import { millicores, bytes } from '../quantity';
import { at, containers, eachObject } from '../objects';
import type { EnvironmentFinding, EnvironmentPolicyRule, PolicyEnvironment } from '../types';

function check(env: PolicyEnvironment): EnvironmentFinding[] {
  return eachObject(env).flatMap(({ service, item }) =>
    containers(item.object).flatMap(({ label, container }) =>
      (['cpu', 'memory'] as const).flatMap((r) => {
        const toNumber = r === 'cpu' ? millicores : bytes;
        const request = container.resources?.requests?.[r];
        const limit = container.resources?.limits?.[r];
        const [q, l] = [toNumber(request), toNumber(limit)];
        if (q === undefined || l === undefined || q <= l) return [];
        const message = `${label} requests ${r} ${String(request)} above its limit ${String(limit)} (expected requests ≤ limits)`;
        // The main container's values come from config: blame the line that set the request.
        const origin = container.name === service.name && service.config.resources[r] === request ? service.origin(`resources.${r}`) : undefined;
        const f = at(service, item, message);
        return [origin ? { ...f, file: origin.file, line: origin.line } : f];
      }),
    ),
  );
}

export const requestsWithinLimits: EnvironmentPolicyRule = { name: 'requests-within-limits', description: 'no container requests more cpu or memory than its limit', check };
