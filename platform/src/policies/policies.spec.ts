import { describe, expect, it } from 'vitest';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Secret } from 'kubernetes-models/v1/Secret';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { runPolicies, POLICY_RULES, isPinnedImage } from '.';
import { defineService } from '../kit/define-service';
import { context, PIN } from '../kit/test-fixtures';

const good: IContainer = {
  name: 'app',
  image: `registry.example.com/app:${PIN}`,
  resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { cpu: '500m', memory: '256Mi' } },
  securityContext: { runAsNonRoot: true, readOnlyRootFilesystem: true },
};

function deployment(container: Partial<IContainer>, podSecurity?: { runAsNonRoot?: boolean }) {
  return new Deployment({
    metadata: { name: 'app', namespace: 'payments' },
    spec: {
      selector: { matchLabels: { app: 'app' } },
      template: { spec: { securityContext: podSecurity, containers: [{ ...good, ...container } as IContainer] } },
    },
  });
}

describe('runPolicies', () => {
  it('finds nothing in a compliant workload', () => {
    expect(runPolicies([deployment({})])).toEqual([]);
  });

  it('finds nothing in any object the kit renders', () => {
    const objects = (['http', 'worker'] as const).flatMap((type) => defineService({ name: 'a', namespace: 'p', type }).render(context()));
    objects.push(...defineService({ name: 'c', namespace: 'p', type: 'cron', schedule: '0 1 * * *' }).render(context()));
    expect(runPolicies(objects)).toEqual([]);
  });

  it('no-mutable-image-tag: flags a :latest image', () => {
    expect(runPolicies([deployment({ image: 'registry.example.com/app:latest' })])).toEqual([
      {
        rule: 'no-mutable-image-tag',
        object: 'Deployment payments/app',
        message: "container 'app' image 'registry.example.com/app:latest' is mutable (expected ':<40-hex commit>' or '@sha256:<digest>')",
      },
    ]);
  });

  it.each([
    [`r/app:${PIN}`, true],
    [`r/app@sha256:${'a'.repeat(64)}`, true],
    ['r/app:v1.2.3', false],
    ['r/app', false],
    [`r/app:${PIN.toUpperCase()}`, false],
    [`r/app:${PIN.slice(0, 12)}`, false],
  ])('isPinnedImage(%s) is %s', (image, expected) => {
    expect(isPinnedImage(image)).toBe(expected);
  });

  it('run-as-non-root: flags a container without runAsNonRoot', () => {
    const findings = runPolicies([deployment({ securityContext: { readOnlyRootFilesystem: true } })]);
    expect(findings).toEqual([
      {
        rule: 'run-as-non-root',
        object: 'Deployment payments/app',
        message: "container 'app' may run as root (expected securityContext.runAsNonRoot: true)",
      },
    ]);
  });

  it('run-as-non-root: accepts the pod-level setting, and a container false overrides it', () => {
    expect(runPolicies([deployment({ securityContext: { readOnlyRootFilesystem: true } }, { runAsNonRoot: true })])).toEqual([]);
    const overridden = deployment({ securityContext: { readOnlyRootFilesystem: true, runAsNonRoot: false } }, { runAsNonRoot: true });
    expect(runPolicies([overridden]).map((f) => f.rule)).toEqual(['run-as-non-root']);
  });

  it('resources-required: names every missing request and limit', () => {
    const findings = runPolicies([deployment({ resources: { requests: { cpu: '1' } } })]);
    expect(findings).toEqual([
      {
        rule: 'resources-required',
        object: 'Deployment payments/app',
        message: "container 'app' has no resources.requests.memory, resources.limits.cpu, resources.limits.memory",
      },
    ]);
  });

  it('read-only-root-fs: flags a writable root filesystem', () => {
    expect(runPolicies([deployment({ securityContext: { runAsNonRoot: true } })])).toEqual([
      {
        rule: 'read-only-root-fs',
        object: 'Deployment payments/app',
        message: "container 'app' has a writable root filesystem (expected securityContext.readOnlyRootFilesystem: true)",
      },
    ]);
  });

  it('runs every rule on every object and never stops at the first finding', () => {
    const bad = deployment({ image: 'app:latest', resources: undefined, securityContext: undefined });
    const cron = new CronJob({
      metadata: { name: 'job', namespace: 'payments' },
      spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { initContainers: [{ name: 'init', image: 'busybox' }], containers: [good] } } } } },
    });
    const findings = runPolicies([bad, new ConfigMap({ metadata: { name: 'c' } }), cron]);
    expect(findings.map((f) => `${f.object} ${f.rule}`)).toEqual([
      'Deployment payments/app no-mutable-image-tag',
      'Deployment payments/app run-as-non-root',
      'Deployment payments/app resources-required',
      'Deployment payments/app read-only-root-fs',
      'CronJob payments/job no-mutable-image-tag',
      'CronJob payments/job run-as-non-root',
      'CronJob payments/job resources-required',
      'CronJob payments/job read-only-root-fs',
    ]);
    expect(findings[4].message).toContain("init container 'init'");
  });

  it('ships the six rules, each named', () => {
    expect(POLICY_RULES.map((r) => r.name)).toEqual(['no-mutable-image-tag', 'run-as-non-root', 'resources-required', 'read-only-root-fs', 'no-plaintext-secret', 'no-credential-literal']);
  });
});

describe('secrets in plain text', () => {
  it('no-plaintext-secret: a Secret with data or stringData, naming the keys; an empty Secret passes', () => {
    const secret = new Secret({ metadata: { name: 'db', namespace: 'payments' }, data: { password: 'aHVudGVyMg==' }, stringData: { user: 'app' } });
    const found = runPolicies([secret, new Secret({ metadata: { name: 'empty', namespace: 'payments' } })]).filter((f) => f.rule === 'no-plaintext-secret');
    expect(found.map((f) => `${f.object}: ${f.message}`)).toEqual([
      "Secret payments/db: Secret 'db' has 'password' in plain text under 'data' (expected no Secret with data in git: a reference under 'secrets:' (the store's path and key, rendered as an ExternalSecret), not a literal)",
      "Secret payments/db: Secret 'db' has 'user' in plain text under 'stringData' (expected no Secret with data in git: a reference under 'secrets:' (the store's path and key, rendered as an ExternalSecret), not a literal)",
    ]);
  });

  it('no-credential-literal: a literal env value named like a credential, in containers and init containers; references pass', () => {
    const d = deployment({ ...good, env: [{ name: 'DB_PASSWORD', value: 'hunter2' }, { name: 'API_KEY', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } }, { name: 'SECRET_NAME', value: 'db' }, { name: 'TOKEN_TTL_SECONDS', value: '60' }] });
    d.spec!.template.spec!.initContainers = [{ ...good, name: 'migrate', env: [{ name: 'githubToken', value: 'ghp_x' }] }];
    const found = runPolicies([d]).filter((f) => f.rule === 'no-credential-literal');
    expect(found.map((f) => f.message)).toEqual([
      "init container 'migrate' has env 'githubToken' as a literal value, which looks like a credential (expected a reference under 'secrets:' (the store's path and key, rendered as an ExternalSecret), not a literal)",
      "container 'app' has env 'DB_PASSWORD' as a literal value, which looks like a credential (expected a reference under 'secrets:' (the store's path and key, rendered as an ExternalSecret), not a literal)",
    ]);
  });
});
