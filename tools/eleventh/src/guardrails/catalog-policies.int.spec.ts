/**
 * Issue 9 part 4 — the policies a bank's platform reviewer would sign, and their exceptions: a catalog of
 * violations, one row each, made through a service's `customize` in deploy.ts or through config, in a reciped
 * copy of the example organisation. Every row runs the real `eleventh policy --json` (ELEVENTH_NOW fixed) and
 * checks: exit 1, exactly the findings listed (rule, file, and the config line when config is the cause; a
 * row with two violations sees both), no stack trace, `git status` and every entry under environments/
 * unchanged. Some rows also check that `render` and `recipe` refuse (exit 1, nothing written) and that
 * `verify` lists them. Bad exception config is exit 2 at its file:line.
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { environmentsSnapshot, worktreeStatus } from '../testing/untouched';
import { git } from '../git/run';
import { createRecipedRepo, runEleventh, type ExampleRepo } from '../testing/example-repo';
import { deployFile, deploySource, type Customize } from './deploy-source';

const NOW = '2026-04-01';
const STAGING = 'environments/staging';
const ENV_FILE = `${STAGING}/environment.yaml`;
const PAYMENTS = `${STAGING}/payments/tenant.yaml`;
const RISK = `${STAGING}/risk/tenant.yaml`;
const OVERRIDES = `${STAGING}/payments/payments-api/overrides.yaml`;
const OPS_PAYMENTS = 'environments/ops-staging/payments/tenant.yaml';
const NS: Readonly<Record<string, string>> = { 'payments-api': 'payments', 'ledger-worker': 'payments', 'fraud-scorer': 'risk', 'risk-report': 'risk' };
/** A rendered file of a service in staging. */
const out = (service: string, file: string): string => `${STAGING}/${NS[service]}/${service}/${file}`;

type Edit = (root: string) => void;
const append = (file: string, text: string): Edit => (root) => appendFileSync(join(root, file), text);
const replace = (file: string, from: string, to: string): Edit => (root) => {
  const text = readFileSync(join(root, file), 'utf8');
  if (!text.includes(from)) throw new Error(`${file} has no '${from}'`);
  writeFileSync(join(root, file), text.replace(from, to));
};
const customize = (service: string, c: Customize): Edit => (root) => writeFileSync(join(root, deployFile(service)), deploySource(service, c));
const exceptions = (...items: string[]): string => `policy:\n  exceptions:\n${items.join('')}`;
const exception = (fields: Record<string, string>): string => Object.entries(fields).map(([k, v], i) => `${i === 0 ? '    - ' : '      '}${k}: ${v}\n`).join('');
/** A memory request of 300Mi in staging's `defaults` (every service), inserted inside the block: the file ends with another one. */
const DEFAULTS_MEMORY_300 = replace(ENV_FILE, '  env:\n    LOG_LEVEL: info\n', '  resources:\n    memory: 300Mi\n  env:\n    LOG_LEVEL: info\n');

interface Expected {
  readonly file: string;
  /** The finding's line is the first line of `file` containing this text (none: the finding has no line). */
  readonly lineOf?: string;
  readonly rule: string;
  /** A part of the message. */
  readonly says: string;
}
const at = (file: string, rule: string, says: string, lineOf?: string): Expected => ({ file, rule: `policy/${rule}`, says, ...(lineOf ? { lineOf } : {}) });

interface Row {
  readonly name: string;
  readonly edits: readonly Edit[];
  /** Every finding `policy` must report, and no other. */
  readonly finds: readonly Expected[];
  /** Environments checked (default: staging; [] for all). */
  readonly envs?: readonly string[];
  /** Also check that render and recipe refuse and that verify lists the findings. */
  readonly everyCommand?: boolean;
}

const THE_ADMIN = "roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' }, subjects: [{ kind: 'ServiceAccount', name: 'fraud-scorer', namespace: 'risk' }]";
const WILDCARD = "rules: [{ apiGroups: ['*'], resources: ['pods'], verbs: ['*'] }]";
const SIDECAR = "pod.containers.push({ ...main, name: 'proxy', ports: [], resources: { requests: { cpu: '1', memory: '64Mi' }, limits: { cpu: '200m', memory: '64Mi' } } });";
const BIG = 'x'.repeat(300 * 1024);

const ROWS: readonly Row[] = [
  // requests ≤ limits
  { name: 'a cpu request above the limit in overrides.yaml (both environments that inherit it, at its line)', envs: [], edits: [append(OVERRIDES, "resources:\n  cpu: 600m\n")], finds: [at(OVERRIDES, 'requests-within-limits', 'ops-staging: Deployment payments/payments-api: container \'payments-api\' requests cpu 600m above its limit 500m', 'cpu: 600m'), at(OVERRIDES, 'requests-within-limits', 'staging: Deployment payments/payments-api', 'cpu: 600m')], everyCommand: true },
  { name: 'a memory request above the limit in environment.yaml defaults (every service)', edits: [DEFAULTS_MEMORY_300], finds: ['CronJob risk/risk-report', 'Deployment customer/customer-api', 'Deployment customer/notification-worker', 'Deployment payments/ledger-worker', 'Deployment payments/payments-api', 'Deployment risk/fraud-scorer'].map((o) => at(ENV_FILE, 'requests-within-limits', `staging: ${o}: container '${o.split('/')[1]}' requests memory 300Mi above its limit 256Mi`, 'memory: 300Mi')) },
  { name: 'a limit lowered below the request is blamed at the limit', edits: [append(OVERRIDES, 'limits:\n  cpu: 50m\n')], finds: [at(OVERRIDES, 'requests-within-limits', 'requests cpu 100m above its limit 50m', 'cpu: 50m')] },
  { name: 'cpu and memory requests above the limits: both', edits: [append(OVERRIDES, "resources:\n  cpu: '1'\n  memory: 512Mi\n")], finds: [at(OVERRIDES, 'requests-within-limits', "requests cpu 1 above its limit 500m", "cpu: '1'"), at(OVERRIDES, 'requests-within-limits', 'requests memory 512Mi above its limit 256Mi', 'memory: 512Mi')] },
  { name: 'a sidecar from customize requesting more than its limit (the rendered file)', edits: [customize('payments-api', { body: SIDECAR })], finds: [at(out('payments-api', 'deployment.yaml'), 'requests-within-limits', "container 'proxy' requests cpu 1 above its limit 200m")] },
  // the quota admits the peak
  { name: 'an HPA max the payments quota cannot admit (pods)', edits: [replace(OVERRIDES, 'max: 6', 'max: 70')], finds: [at(PAYMENTS, 'quota-admits-peak', "namespace 'payments': quota.pods 80 is below the peak of its services, 93 = ledger-worker (4+1) × 1 + payments-api (70+18) × 1", 'pods: 80')] },
  { name: "a maxSurge of 100% tips a quota that admits the replicas", edits: [replace(PAYMENTS, 'pods: 80', 'pods: 16'), customize('payments-api', { body: "(objects.find((o) => o.kind === 'Deployment') as any).spec.strategy.rollingUpdate.maxSurge = '100%';" })], finds: [at(PAYMENTS, 'quota-admits-peak', 'quota.pods 16 is below the peak of its services, 17 = ledger-worker (4+1) × 1 + payments-api (6+6) × 1', 'pods: 16')] },
  { name: 'a quota too small in cpu and memory: both, each at its line', edits: [replace(PAYMENTS, "cpu: '16'", "cpu: '1'"), replace(PAYMENTS, 'memory: 32Gi', 'memory: 1Gi')], finds: [at(PAYMENTS, 'quota-admits-peak', "quota.cpu 1 is below the peak of its services, 1300m", "cpu: '1'"), at(PAYMENTS, 'quota-admits-peak', 'quota.memory 1Gi is below the peak of its services, 1664Mi', 'memory: 1Gi')] },
  { name: "ops-staging's own quota, checked in its own environment", envs: ['ops-staging'], edits: [replace(OPS_PAYMENTS, "cpu: '4'", "cpu: 100m")], finds: [at(OPS_PAYMENTS, 'quota-admits-peak', "ops-staging: namespace 'payments': quota.cpu 100m is below the peak of its services, 400m", 'cpu: 100m')] },
  // numeric runAsUser
  { name: 'runAsUser 0 (root)', edits: [customize('fraud-scorer', { body: 'pod.securityContext.runAsUser = 0;' })], finds: [at(out('fraud-scorer', 'deployment.yaml'), 'run-as-user-numeric', "container 'fraud-scorer' has no numeric runAsUser (0;")] },
  { name: 'runAsUser missing on pod and container', edits: [customize('ledger-worker', { body: 'delete pod.securityContext.runAsUser;' })], finds: [at(out('ledger-worker', 'deployment.yaml'), 'run-as-user-numeric', "container 'ledger-worker' has no numeric runAsUser (unset;")] },
  { name: 'a container runAsUser 0 overrides the pod', edits: [customize('payments-api', { body: 'main.securityContext.runAsUser = 0;' })], finds: [at(out('payments-api', 'deployment.yaml'), 'run-as-user-numeric', "container 'payments-api' has no numeric runAsUser (0;")] },
  // host access and privilege
  { name: 'a privileged container', edits: [customize('fraud-scorer', { body: 'main.securityContext.privileged = true;' })], finds: [at(out('fraud-scorer', 'deployment.yaml'), 'no-privileged', "container 'fraud-scorer' is privileged")], everyCommand: true },
  { name: 'hostNetwork, hostPID and hostIPC: three findings', edits: [customize('ledger-worker', { body: 'pod.hostNetwork = true; pod.hostPID = true; pod.hostIPC = true;' })], finds: ['hostNetwork', 'hostPID', 'hostIPC'].map((f) => at(out('ledger-worker', 'deployment.yaml'), 'no-host-namespaces', `pod sets ${f}: true`)) },
  { name: 'a hostPath volume of /', edits: [customize('payments-api', { body: "pod.volumes.push({ name: 'root', hostPath: { path: '/' } });" })], finds: [at(out('payments-api', 'deployment.yaml'), 'no-host-path', "volume 'root' mounts hostPath /")] },
  { name: "a CronJob's hostPath volume", edits: [customize('risk-report', { body: "pod.volumes = [...(pod.volumes ?? []), { name: 'logs', hostPath: { path: '/var/log' } }];" })], finds: [at(out('risk-report', 'cron-job.yaml'), 'no-host-path', "CronJob risk/risk-report: volume 'logs' mounts hostPath /var/log")] },
  { name: 'added capabilities', edits: [customize('fraud-scorer', { body: "main.securityContext.capabilities.add = ['NET_ADMIN', 'SYS_ADMIN'];" })], finds: [at(out('fraud-scorer', 'deployment.yaml'), 'no-added-capabilities', 'adds capabilities NET_ADMIN, SYS_ADMIN')] },
  { name: 'everything at once in one service: every finding', edits: [customize('fraud-scorer', { body: "pod.hostNetwork = true; pod.volumes.push({ name: 'root', hostPath: { path: '/' } }); main.securityContext.privileged = true; main.securityContext.capabilities.add = ['SYS_ADMIN']; pod.securityContext.runAsUser = 0; delete main.startupProbe;" })], finds: [['no-host-namespaces', 'hostNetwork'], ['no-host-path', 'hostPath /'], ['no-privileged', 'is privileged'], ['no-added-capabilities', 'SYS_ADMIN'], ['run-as-user-numeric', 'runAsUser (0'], ['http-probes', 'has no startupProbe']].map(([rule, says]) => at(out('fraud-scorer', 'deployment.yaml'), rule, says)) },
  // own namespace, nothing cluster-scoped
  { name: 'a ConfigMap in kube-system', edits: [customize('fraud-scorer', { add: ["new ConfigMap({ metadata: { name: 'x', namespace: 'kube-system' }, data: { a: 'b' } })"] })], finds: [at(out('fraud-scorer', 'config-map-x.yaml'), 'own-namespace', "ConfigMap kube-system/x: is in namespace 'kube-system' (expected the service's namespace 'risk')")] },
  { name: "a ServiceAccount in another tenant's namespace", edits: [customize('ledger-worker', { add: ["new ServiceAccount({ metadata: { name: 'spy', namespace: 'customer' } })"] })], finds: [at(out('ledger-worker', 'service-account-spy.yaml'), 'own-namespace', "ServiceAccount customer/spy: is in namespace 'customer'")] },
  { name: 'a ClusterRole', edits: [customize('fraud-scorer', { add: ["new ClusterRole({ metadata: { name: 'reader' }, rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get'] }] })"] })], finds: [at(out('fraud-scorer', 'cluster-role.yaml'), 'no-cluster-scoped', 'ClusterRole reader: is cluster-scoped')] },
  { name: 'a Namespace', edits: [customize('ledger-worker', { add: ["new Namespace({ metadata: { name: 'extra' } })"] })], finds: [at(out('ledger-worker', 'namespace.yaml'), 'no-cluster-scoped', 'Namespace extra: is cluster-scoped')] },
  { name: 'a CustomResourceDefinition', edits: [customize('ledger-worker', { add: ["new CustomResourceDefinition({ metadata: { name: 'widgets.acme.io' }, spec: { group: 'acme.io', names: { kind: 'Widget', plural: 'widgets' }, scope: 'Namespaced', versions: [{ name: 'v1', served: true, storage: true, schema: { openAPIV3Schema: { type: 'object' } } }] } })"] })], finds: [at(out('ledger-worker', 'custom-resource-definition.yaml'), 'no-cluster-scoped', 'CustomResourceDefinition widgets.acme.io: is cluster-scoped')] },
  // no cluster-admin, no wildcard roles
  { name: 'a RoleBinding to cluster-admin', edits: [customize('fraud-scorer', { add: [`new RoleBinding({ metadata: { name: 'admin', namespace: 'risk' }, ${THE_ADMIN} })`] })], finds: [at(out('fraud-scorer', 'role-binding.yaml'), 'no-cluster-admin-binding', 'RoleBinding risk/admin: binds cluster-admin')] },
  { name: 'a ClusterRoleBinding to cluster-admin: two findings', edits: [customize('fraud-scorer', { add: [`new ClusterRoleBinding({ metadata: { name: 'admin' }, ${THE_ADMIN} })`] })], finds: [at(out('fraud-scorer', 'cluster-role-binding.yaml'), 'no-cluster-admin-binding', 'ClusterRoleBinding admin: binds cluster-admin'), at(out('fraud-scorer', 'cluster-role-binding.yaml'), 'no-cluster-scoped', 'ClusterRoleBinding admin: is cluster-scoped')] },
  { name: 'a wildcard Role and the RoleBinding to it: both', edits: [customize('ledger-worker', { add: [`new Role({ metadata: { name: 'all', namespace: 'payments' }, ${WILDCARD} })`, "new RoleBinding({ metadata: { name: 'all', namespace: 'payments' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'all' }, subjects: [{ kind: 'ServiceAccount', name: 'ledger-worker', namespace: 'payments' }] })"] })], finds: [at(out('ledger-worker', 'role.yaml'), 'no-wildcard-role', "Role payments/all: grants '*' in rules[0].apiGroups, rules[0].verbs"), at(out('ledger-worker', 'role-binding.yaml'), 'no-wildcard-role', "RoleBinding payments/all: binds Role 'all', which grants '*'")] },
  // ConfigMaps under 1 MiB
  { name: 'values that render a ConfigMap over 1 MiB (at the line that set the largest)', edits: [append(OVERRIDES, `values:\n  a: &big ${BIG}\n  b: *big\n  c: *big\n  d: *big\n`)], finds: [at(OVERRIDES, 'config-map-size', 'ConfigMap payments/payments-api-values: data is 1228840 bytes (expected at most 1048576, 1 MiB', 'a: &big')], everyCommand: true },
  { name: 'a ConfigMap over 1 MiB from customize', edits: [customize('risk-report', { add: ["new ConfigMap({ metadata: { name: 'blob', namespace: 'risk' }, data: { blob: 'x'.repeat(1100000) } })"] })], finds: [at(out('risk-report', 'config-map-blob.yaml'), 'config-map-size', 'ConfigMap risk/blob: data is 1100004 bytes')] },
  // replicated: PodDisruptionBudget and spread
  { name: 'a replicated service without its PodDisruptionBudget', edits: [customize('payments-api', { drop: ['PodDisruptionBudget'] })], finds: [at(out('payments-api', 'deployment.yaml'), 'replicated-has-pdb', 'runs 2 replicas or more but no PodDisruptionBudget selects its pods')] },
  { name: 'a PodDisruptionBudget that selects other pods', edits: [customize('ledger-worker', { body: "(objects.find((o) => o.kind === 'PodDisruptionBudget') as any).spec.selector.matchLabels = { app: 'other' };" })], finds: [at(out('ledger-worker', 'deployment.yaml'), 'replicated-has-pdb', 'no PodDisruptionBudget selects its pods')] },
  { name: 'availability.spread on, spread removed by customize', edits: [append(ENV_FILE, 'availability:\n  spread: true\n'), customize('fraud-scorer', { body: 'delete pod.topologySpreadConstraints;' })], finds: [at(out('fraud-scorer', 'deployment.yaml'), 'replicated-has-spread', 'runs 2 replicas or more without topologySpreadConstraints selecting its pods (expected one; availability.spread is on)')] },
  { name: 'spread and PodDisruptionBudget both missing: both', edits: [append(ENV_FILE, 'availability:\n  spread: true\n'), customize('ledger-worker', { body: 'delete pod.topologySpreadConstraints;', drop: ['PodDisruptionBudget'] })], finds: [at(out('ledger-worker', 'deployment.yaml'), 'replicated-has-pdb', 'no PodDisruptionBudget'), at(out('ledger-worker', 'deployment.yaml'), 'replicated-has-spread', 'without topologySpreadConstraints')] },
  // probes
  { name: 'an http service without readiness, liveness and startup probes', edits: [customize('payments-api', { body: 'delete main.readinessProbe; delete main.livenessProbe; delete main.startupProbe;' })], finds: [at(out('payments-api', 'deployment.yaml'), 'http-probes', "http container 'payments-api' has no readinessProbe, livenessProbe, startupProbe (expected readinessProbe, livenessProbe, startupProbe)")] },
  { name: 'an http service without a readiness probe', edits: [customize('fraud-scorer', { body: 'delete main.readinessProbe;' })], finds: [at(out('fraud-scorer', 'deployment.yaml'), 'http-probes', 'has no readinessProbe (expected')] },
  { name: 'a worker without a liveness probe', edits: [customize('ledger-worker', { body: 'delete main.livenessProbe;' })], finds: [at(out('ledger-worker', 'deployment.yaml'), 'worker-liveness', "worker container 'ledger-worker' has no livenessProbe")] },
  // exceptions
  { name: 'an expired exception is a finding at its expires line, and suppresses nothing', edits: [customize('fraud-scorer', { body: 'main.securityContext.privileged = true;' }), append(RISK, exceptions(exception({ rule: 'no-privileged', reason: '"OPS-7: debugging a kernel module"', expires: '2026-03-31' })))], finds: [at(out('fraud-scorer', 'deployment.yaml'), 'no-privileged', 'is privileged'), { file: RISK, lineOf: 'expires: 2026-03-31', rule: 'policy/exception-expired', says: 'exception for no-privileged (namespace risk) expired on 2026-03-31: "OPS-7: debugging a kernel module"' }], everyCommand: true },
  { name: 'an exception for another service suppresses nothing', edits: [customize('fraud-scorer', { body: 'main.securityContext.privileged = true;' }), append(RISK, exceptions(exception({ rule: 'no-privileged', service: 'risk-report', reason: 'OPS-8', expires: '2026-12-31' })))], finds: [at(out('fraud-scorer', 'deployment.yaml'), 'no-privileged', 'is privileged')] },
  { name: "staging's exception does not reach ops-staging (not inherited)", envs: [], edits: [append(OVERRIDES, 'resources:\n  cpu: 600m\n'), append(ENV_FILE, exceptions(exception({ rule: 'requests-within-limits', reason: 'OPS-9', expires: '2026-12-31' })))], finds: [at(OVERRIDES, 'requests-within-limits', 'ops-staging: Deployment payments/payments-api', 'cpu: 600m')] },
  { name: 'an exception in environment.yaml scoped to one namespace leaves the others', edits: [DEFAULTS_MEMORY_300, append(ENV_FILE, exceptions(exception({ rule: 'policy/requests-within-limits', namespace: 'customer', reason: 'OPS-10', expires: '2026-04-01' })))], finds: ['CronJob risk/risk-report', 'Deployment payments/ledger-worker', 'Deployment payments/payments-api', 'Deployment risk/fraud-scorer'].map((o) => at(ENV_FILE, 'requests-within-limits', `staging: ${o}:`, 'memory: 300Mi')) },
];

interface BadRow {
  readonly name: string;
  readonly edits: readonly Edit[];
  readonly file: string;
  readonly lineOf: string;
  readonly says: string;
}

const BAD: readonly BadRow[] = [
  { name: 'an exception without a reason', edits: [append(RISK, exceptions(exception({ rule: 'no-host-path', expires: '2026-06-30' })))], file: RISK, lineOf: '- rule: no-host-path', says: "missing key 'reason' in 'policy.exceptions[0]'" },
  { name: 'an exception with a blank reason', edits: [append(ENV_FILE, exceptions(exception({ rule: 'no-host-path', reason: "' '", expires: '2026-06-30' })))], file: ENV_FILE, lineOf: "reason: ' '", says: 'policy.exceptions[0].reason is missing (expected why the exception is accepted' },
  { name: 'an expiry that is not a calendar day (2026-02-30)', edits: [append(RISK, exceptions(exception({ rule: 'no-host-path', reason: 'OPS-1', expires: '2026-02-30' })))], file: RISK, lineOf: 'expires: 2026-02-30', says: 'policy.exceptions[0].expires ("2026-02-30") is not a date (expected a real date YYYY-MM-DD' },
  { name: 'an expiry that is not a date at all', edits: [append(ENV_FILE, exceptions(exception({ rule: 'no-host-path', reason: 'OPS-1', expires: 'next-quarter' })))], file: ENV_FILE, lineOf: 'expires: next-quarter', says: "'policy.exceptions[0].expires' must be a date YYYY-MM-DD (expected YYYY-MM-DD, e.g. 2026-06-30, got 'next-quarter')" },
  { name: 'an unknown rule, with did you mean', edits: [append(RISK, exceptions(exception({ rule: 'no-privlieged', reason: 'OPS-1', expires: '2026-06-30' })))], file: RISK, lineOf: 'rule: no-privlieged', says: "policy.exceptions[0].rule 'no-privlieged' is not a policy rule (did you mean 'no-privileged'?)" },
  { name: "a tenant.yaml exception naming another namespace", edits: [append(RISK, exceptions(exception({ rule: 'no-host-path', namespace: 'payments', reason: 'OPS-1', expires: '2026-06-30' })))], file: RISK, lineOf: 'namespace: payments', says: "policy.exceptions[0].namespace 'payments' is not this tenant's namespace (expected 'risk' or no namespace)" },
  { name: 'an unknown key in an exception', edits: [append(ENV_FILE, exceptions(exception({ rule: 'no-host-path', reason: 'OPS-1', expiry: '2026-06-30' })))], file: ENV_FILE, lineOf: 'expiry:', says: "unknown key 'expiry'" },
  { name: 'policy.exceptions as a map', edits: [append(RISK, 'policy:\n  exceptions:\n    rule: no-host-path\n')], file: RISK, lineOf: 'exceptions:', says: 'policy.exceptions' },
  { name: 'the second of two bad exceptions is reported too', edits: [append(RISK, exceptions(exception({ rule: 'no-host-path', reason: 'OPS-1', expires: '2026-02-30' }), exception({ rule: 'no-host-pth', reason: 'OPS-2', expires: '2026-06-30' })))], file: RISK, lineOf: 'rule: no-host-pth', says: "'no-host-pth' is not a policy rule (did you mean 'no-host-path'?)" },
  { name: 'a non-numeric runAsUser never reaches the policies (the schema refuses it)', edits: [customize('ledger-worker', { body: "pod.securityContext.runAsUser = 'app';" })], file: deployFile('ledger-worker'), lineOf: '', says: 'securityContext/runAsUser must be integer' },
];

let repo: ExampleRepo;
beforeAll(() => {
  repo = createRecipedRepo('eleventh-catalog-policies-');
}, 120_000);
afterAll(() => repo?.cleanup());

const status = (): string => worktreeStatus(repo.root);

const snapshot = (): Map<string, string> => environmentsSnapshot(repo.root);

const run = (args: readonly string[]) => runEleventh(repo.root, args, { ELEVENTH_NOW: NOW });
const envArgs = (row: Row): string[] => (row.envs ?? ['staging']).flatMap((e) => ['--env', e]);
const lineIn = (file: string, text: string): number => {
  const n = readFileSync(join(repo.root, file), 'utf8').split('\n').findIndex((l) => l.includes(text)) + 1;
  if (n === 0) throw new Error(`${file} has no line with '${text}'`);
  return n;
};
const location = (e: Expected): string => (e.lineOf ? `${e.file}:${lineIn(e.file, e.lineOf)}` : e.file);

/** Apply the edits, call `check`, then restore the commit (and check nothing was written meanwhile). */
function withEdits(edits: readonly Edit[], check: () => void): void {
  try {
    for (const edit of edits) edit(repo.root);
    const [before, tree] = [status(), snapshot()];
    check();
    expect(status()).toBe(before);
    expect(snapshot()).toEqual(tree);
  } finally {
    git(['checkout', '--quiet', '--', '.'], { cwd: repo.root });
    git(['clean', '--quiet', '-fd'], { cwd: repo.root });
  }
}

function noCrash(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toContain('internal error');
  for (const l of stderr.split('\n')) expect(l.split('(expected ').length, l).toBeLessThanOrEqual(2);
}

function expectFindings(row: Row): void {
  const res = run(['policy', ...envArgs(row), '--json']);
  expect(res.status, res.stderr).toBe(1);
  noCrash(res.stderr);
  const { findings } = JSON.parse(res.stdout) as { findings: Array<{ file: string; line?: number; rule: string; message: string }> };
  const shown = findings.map((f) => `${f.line ? `${f.file}:${f.line}` : f.file}: ${f.message} [${f.rule}]`);
  for (const f of findings) expect(Object.keys(f).sort()).toEqual(f.line ? ['file', 'line', 'message', 'rule'] : ['file', 'message', 'rule']);
  const left = [...shown];
  for (const e of row.finds) {
    const i = left.findIndex((s) => s.startsWith(`${location(e)}: `) && s.includes(e.says) && s.endsWith(` [${e.rule}]`));
    expect(i, `no finding ${location(e)}: …${e.says}… [${e.rule}] in:\n${shown.join('\n')}`).toBeGreaterThanOrEqual(0);
    left.splice(i, 1);
  }
  expect(left, 'findings the row does not expect').toEqual([]);
  if (row.everyCommand) expectEveryCommand(row);
}

/** render and recipe refuse (exit 1, the findings on stderr, nothing written); verify lists them on stdout. */
function expectEveryCommand(row: Row): void {
  for (const command of [['render'], ['recipe']]) {
    const res = run([...command, ...envArgs(row)]);
    expect(res.status, res.stderr).toBe(1);
    expect(res.stdout).toBe('');
    noCrash(res.stderr);
    for (const e of row.finds) expect(res.stderr).toContain(`${location(e)}: `);
    expect(res.stderr).toMatch(/policy finding\(s\), nothing written/);
  }
  const verify = run(['verify', ...envArgs(row)]);
  expect(verify.status, verify.stderr).toBe(1);
  noCrash(verify.stderr);
  for (const e of row.finds) expect(verify.stdout).toMatch(new RegExp(`^${location(e).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*\\[${e.rule}\\]$`, 'm'));
}

describe('catalog: policies and their exceptions (issue 9 part 4)', () => {
  it('has at least 35 rows, and every rule is the cause of at least one', () => {
    expect(ROWS.length + BAD.length).toBeGreaterThanOrEqual(35);
    const rules = ['requests-within-limits', 'quota-admits-peak', 'run-as-user-numeric', 'no-privileged', 'no-host-namespaces', 'no-host-path', 'no-added-capabilities', 'own-namespace', 'no-cluster-scoped', 'no-cluster-admin-binding', 'no-wildcard-role', 'config-map-size', 'replicated-has-pdb', 'replicated-has-spread', 'http-probes', 'worker-liveness', 'exception-expired'];
    expect(new Set(ROWS.flatMap((r) => r.finds.map((f) => f.rule)))).toEqual(new Set(rules.map((r) => `policy/${r}`)));
  });

  it.each(ROWS.map((r) => [r.name, r] as const))('%s', (_, row) => {
    withEdits(row.edits, () => expectFindings(row));
  }, 60_000);

  it.each(BAD.map((r) => [r.name, r] as const))('exit 2: %s: at file:line, nothing written', (_, row) => {
    withEdits(row.edits, () => {
      const res = run(['policy', '--env', 'staging']);
      const where = row.lineOf ? `${row.file}:${lineIn(row.file, row.lineOf)}: ` : `${row.file}: `;
      expect(res.status, res.stderr).toBe(2);
      expect(res.stdout).toBe('');
      noCrash(res.stderr);
      expect(res.stderr.split('\n').filter((l) => l.startsWith(where) && l.includes(row.says)), res.stderr).toHaveLength(1);
    });
  }, 60_000);
});

describe('exceptions that hold (issue 9 part 4, the positive path)', () => {
  const HOST_PATH = customize('fraud-scorer', { body: "pod.volumes.push({ name: 'logs', hostPath: { path: '/var/log' } });" });
  const GRANTED = append(RISK, exceptions(exception({ rule: 'no-host-path', service: 'fraud-scorer', reason: '"OPS-123: reads node logs until the log shipper lands"', expires: '2026-06-30' })));
  const policyOn = (day: string) => runEleventh(repo.root, ['policy', '--env', 'staging', '--json'], { ELEVENTH_NOW: day });

  it('a future expiry is accepted: the finding is suppressed (exit 0), through the expiry day itself; the day after it is expired', () => {
    withEdits([HOST_PATH, GRANTED], () => {
      for (const day of ['2026-04-01', '2026-06-30', '2026-06-30T23:59:59Z']) {
        const res = policyOn(day);
        expect([res.status, JSON.parse(res.stdout)], `${day}: ${res.stderr}`).toEqual([0, { findings: [] }]);
      }
      const after = policyOn('2026-07-01');
      expect(after.status, after.stderr).toBe(1);
      expect(JSON.parse(after.stdout).findings.map((f: { file: string; line?: number; rule: string }) => [f.file, f.line, f.rule])).toEqual([
        [out('fraud-scorer', 'deployment.yaml'), undefined, 'policy/no-host-path'],
        [RISK, lineIn(RISK, 'expires: 2026-06-30'), 'policy/exception-expired'],
      ]);
    });
  }, 60_000);

  it('under a live exception render writes what the exception allows, and verify is clean of it', () => {
    try {
      for (const edit of [HOST_PATH, GRANTED]) edit(repo.root);
      const render = run(['render', '--env', 'staging']);
      expect(render.status, render.stderr).toBe(0);
      expect(readFileSync(join(repo.root, out('fraud-scorer', 'deployment.yaml')), 'utf8')).toContain('path: /var/log');
      const verify = run(['verify', '--env', 'staging']);
      expect([0, 1], verify.stderr).toContain(verify.status);
      expect(verify.stderr).toMatch(/verify: (clean|\d+ finding)/);
      expect(verify.stdout).not.toContain('policy/');
    } finally {
      git(['checkout', '--quiet', '--', '.'], { cwd: repo.root });
      git(['clean', '--quiet', '-fd'], { cwd: repo.root });
    }
  }, 60_000);
});
