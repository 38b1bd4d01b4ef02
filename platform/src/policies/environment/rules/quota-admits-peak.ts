/**
 * `quota-admits-peak`: each namespace's ResourceQuota admits the peak of its services together
 * (Σ (max replicas + surge) × requests; see peak.ts), for CPU, memory and pods.
 */
import { bytes, millicores, showBytes, showMillicores } from '../quantity';
import { servicePeaks, type WorkloadPeak } from '../peak';
import type { EnvironmentFinding, EnvironmentPolicyRule, PolicyEnvironment, PolicyTenant } from '../types';

function breakdown(peaks: readonly WorkloadPeak[], per: (p: WorkloadPeak) => string): string {
  return peaks.map((p) => `${p.service} (${p.max}+${p.surge}) × ${per(p)}`).join(' + ');
}

function tenantFindings(tenant: PolicyTenant, peaks: readonly WorkloadPeak[]): EnvironmentFinding[] {
  const cpu = peaks.reduce((n, p) => n + p.pods * p.cpu, 0);
  const memory = peaks.reduce((n, p) => n + p.pods * p.memory, 0);
  const pods = peaks.reduce((n, p) => n + p.pods, 0);
  const checks = [
    { key: 'quota.cpu', need: cpu, have: millicores(tenant.quota.cpu), show: showMillicores, per: (p: WorkloadPeak) => showMillicores(p.cpu), stated: tenant.quota.cpu },
    { key: 'quota.memory', need: memory, have: bytes(tenant.quota.memory), show: showBytes, per: (p: WorkloadPeak) => showBytes(p.memory), stated: tenant.quota.memory },
    { key: 'quota.pods', need: pods, have: tenant.quota.pods, show: String, per: () => '1', stated: String(tenant.quota.pods) },
  ];
  return checks
    .filter((c) => c.have !== undefined && c.need > c.have)
    .map((c) => {
      const origin = tenant.origin(c.key) ?? { file: tenant.file };
      const message = `namespace '${tenant.namespace}': ${c.key} ${c.stated} is below the peak of its services, ${c.show(c.need)} = ${breakdown(peaks, c.per)} (expected ${c.key} ≥ ${c.show(c.need)})`;
      return { file: origin.file, ...(origin.line !== undefined ? { line: origin.line } : {}), namespace: tenant.namespace, message };
    });
}

function check(env: PolicyEnvironment): EnvironmentFinding[] {
  return env.tenants.flatMap((t) => tenantFindings(t, env.services.filter((s) => s.namespace === t.namespace).flatMap(servicePeaks)));
}

export const quotaAdmitsPeak: EnvironmentPolicyRule = {
  name: 'quota-admits-peak',
  description: "a namespace's quota admits Σ (max replicas + surge) × requests of its services (cpu, memory, pods)",
  check,
};
