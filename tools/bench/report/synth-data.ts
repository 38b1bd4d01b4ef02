/**
 * A report's data for N services, synthesised in memory and deterministically (no git): shaped like the
 * bench repository (svc-0001…, 20 namespaces, staging → preprod → prod) with a realistic history —
 * staging changes 200 times, preprod is promoted 40 times, prod 30 times with 3 rollbacks; after the
 * first change each moves about N/50 services. Pins are 40-hex strings derived from a counter.
 */
import { createHash } from 'node:crypto';
import type { ChangeKind } from '../../eleventh/src/release/history';
import type { EnvironmentReport, ReportCell, ReportChange, ReportData, ReportService } from '../../eleventh/src/report/model';

const sha = (n: number): string => createHash('sha1').update(String(n)).digest('hex');
const T0 = Date.parse('2026-01-01T00:00:00Z') / 1000;
const iso = (s: number): string => new Date(s * 1000).toISOString().replace('.000Z', 'Z');
const dora = { deployments: 0, windowDays: 0, perWeek: null, leadTime: null, promotions: 0, rollbacks: 0, changeFailureRate: null, timeToRestore: null };

interface EnvPlan { readonly name: string; readonly base?: string; readonly changes: number; readonly rollbacks: number }
const PLAN: EnvPlan[] = [{ name: 'staging', changes: 200, rollbacks: 0 }, { name: 'preprod', base: 'staging', changes: 40, rollbacks: 0 }, { name: 'prod', base: 'preprod', changes: 30, rollbacks: 3 }];

export function synthReportData(n: number): ReportData {
  const names = Array.from({ length: n }, (_, i) => `svc-${String(i + 1).padStart(4, '0')}`);
  const ns = (i: number): string => `ns-${String((i % 20) + 1).padStart(2, '0')}`;
  const now = T0 + 60 * 86_400;
  const pins = new Map<string, string[]>();
  const envs: EnvironmentReport[] = [];
  let counter = 0;
  PLAN.forEach((p, e) => {
    const current = e === 0 ? names.map(() => sha(counter++)) : [...pins.get(PLAN[e - 1].name)!];
    const timeline: ReportChange[] = [];
    for (let c = 0; c < p.changes; c++) {
      const kind: ChangeKind = c === 0 ? 'recipe' : e === 0 ? 'recipe' : c % Math.ceil(p.changes / (p.rollbacks + 1)) === 0 && p.rollbacks ? 'rollback' : 'promotion';
      const moved = c === 0 ? names : names.filter((_, i) => (i + c * 7) % 50 === 0);
      if (c > 0 && e === 0) for (let i = 0; i < n; i++) if ((i + c * 7) % 50 === 0) current[i] = sha(counter++);
      const time = T0 + (c + 1) * Math.floor((55 * 86_400) / p.changes) + e * 3600;
      timeline.unshift({ time: iso(time), kind, commit: sha(1e9 + e * 1e6 + c), subject: `eleventh ${kind} ${p.name}`, committer: 'CI <ci@example.com>', ...(e > 0 ? { tag: `${p.name}-v${c}`, tagger: 'Release Bot <release@example.com>' } : {}), moved: [...moved].sort(), addons: c === 1 ? ['cert-manager v1.21.0 → v1.21.1'] : [] });
    }
    if (e > 0) for (let i = 0; i < n; i += 97) current[i] = sha(2e9 + i);
    pins.set(p.name, current);
    const lastRelease = timeline.findIndex((c) => c.kind !== 'recipe');
    envs.push({ name: p.name, ...(p.base ? { base: p.base } : {}), followsMain: e === 0, commitUrl: 'https://git.example.com/acme/platform/-/commit/{sha}', services: n, ...(lastRelease >= 0 ? { lastRelease } : {}), timeline, ...(p.base ? { differences: { missing: [], extra: [], differ: names.filter((_, i) => i % 97 === 0) } } : {}), dora, addons: { 'cert-manager': e === 0 ? 'v1.21.1' : 'v1.21.0', traefik: '40.0.0' } });
  });
  const services = names.map((name, i): ReportService => {
    const cells: Record<string, ReportCell> = {};
    PLAN.forEach((p, e) => {
      const pin = pins.get(p.name)![i];
      const base = e > 0 ? pins.get(PLAN[e - 1].name)![i] : undefined;
      cells[p.name] = { pin, pinTime: iso(T0 + (i % 5000) * 600), age: now - (T0 + (i % 5000) * 600), ...(i % 3 === 0 ? { imageDigest: `sha256:${createHash('sha256').update(pin).digest('hex')}` } : {}), state: base === undefined ? 'base' : base === pin ? 'same' : 'differs', last: i % p.changes };
    });
    return { name, namespace: ns(i), team: `acme/team-${(i % 20) + 1}`, cells };
  });
  return {
    head: { commit: sha(42), time: iso(now) },
    now: iso(now),
    environments: envs,
    namespaces: Array.from({ length: 20 }, (_, i) => ({ name: ns(i), team: `acme/team-${i + 1}` })),
    services,
  };
}
