/**
 * The pod template every workload type shares: one container with the platform's security defaults,
 * resources from config, sorted env, /tmp as emptyDir and the values ConfigMap mounted read-only.
 */
import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IPodTemplateSpec } from 'kubernetes-models/v1/PodTemplateSpec';
import type { IProbe } from 'kubernetes-models/v1/Probe';
import type { RenderContext, ServiceSpec } from './types';
import type { ITopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import { ANNOTATION, selectorLabels, serviceAnnotations, serviceLabels } from './labels';
import { VALUES_MOUNT_PATH, valuesChecksum, valuesConfigMapName } from './config-map';
import { containerSecurityContext, podSecurityContext } from './security';
import { ENVIRONMENT_VARIABLE } from './validate-config';
import type { SecretReference } from './types';
import { secretEnvVars, secretFiles, secretsChecksum } from './secrets/consume';
import { mergedSecrets } from './secrets/merge';

/** Default container port of http services. */
export const DEFAULT_PORT = 8080;
/** Default probe path of http services. */
export const DEFAULT_HEALTH_PATH = '/healthz';
/** PriorityClass every service pod runs with (a base add-on). */
export const SERVICE_PRIORITY_CLASS = 'eleventh-service';

export interface PodTemplateProps {
  /** What `deploy.ts` declared. */
  readonly spec: ServiceSpec;
  /** The environment, image, pin and resolved config. */
  readonly ctx: RenderContext;
  /** Pod restart policy; unset means the workload's default. @default undefined */
  readonly restartPolicy?: 'Always' | 'OnFailure' | 'Never';
  /** Spread the pods over zones and nodes (replicated services where `availability.spread` is on). @default false */
  readonly spread?: boolean;
  /** The service's secrets in this environment, consumed by env or file. @default defineService's, config's merged over them */
  readonly secrets?: Readonly<Record<string, SecretReference>>;
}

/** Annotation on the pod template: changes when the secrets' declaration does (never with their values). */
export const SECRETS_ANNOTATION = 'eleventh.dev/secrets-sha256';

/** Zones first, then nodes; `ScheduleAnyway` so a one-zone cluster still schedules. */
function spreadConstraints(selector: Record<string, string>): ITopologySpreadConstraint[] {
  return ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({ maxSkew: 1, topologyKey, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selector } }));
}

/** The container's env: config.env plus ELEVENTH_ENVIRONMENT, and each `env` secret as a secretKeyRef, sorted by name. */
export function containerEnv(ctx: RenderContext, service?: string, secrets: Readonly<Record<string, SecretReference>> = {}): IEnvVar[] {
  const env: Record<string, string> = { ...ctx.config.env, [ENVIRONMENT_VARIABLE]: ctx.environment };
  const literal: IEnvVar[] = Object.keys(env).map((name) => ({ name, value: env[name] }));
  const fromSecrets = service === undefined ? [] : secretEnvVars(service, secrets);
  return [...literal, ...fromSecrets].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function httpProbe(spec: ServiceSpec, initialDelaySeconds: number): IProbe {
  return {
    httpGet: { path: spec.healthPath ?? DEFAULT_HEALTH_PATH, port: 'http' },
    initialDelaySeconds,
    periodSeconds: 10,
    timeoutSeconds: 2,
    failureThreshold: 3,
  };
}

/** The file a worker touches at least every minute; its liveness probe fails when it is older than 2 minutes. */
export const WORKER_HEARTBEAT = '/tmp/heartbeat';

function probeParts(spec: ServiceSpec): Partial<IContainer> {
  if (spec.type === 'worker') {
    const command = ['/bin/sh', '-c', `test -n "$(find ${WORKER_HEARTBEAT} -mmin -2)"`];
    return { livenessProbe: { exec: { command }, initialDelaySeconds: 30, periodSeconds: 30, timeoutSeconds: 2, failureThreshold: 3 } };
  }
  if (spec.type !== 'http') return {};
  return {
    ports: [{ name: 'http', containerPort: spec.port ?? DEFAULT_PORT, protocol: 'TCP' }],
    readinessProbe: httpProbe(spec, 2),
    livenessProbe: httpProbe(spec, 10),
    // Up to 5 minutes to start before liveness applies (30 × 10 s).
    startupProbe: { ...httpProbe(spec, 0), failureThreshold: 30 },
  };
}

/** The service's single container. */
export function mainContainer(spec: ServiceSpec, ctx: RenderContext, secrets: Readonly<Record<string, SecretReference>> = {}): IContainer {
  const { resources, limits } = ctx.config;
  return {
    name: spec.name,
    image: ctx.image,
    ...(spec.command ? { command: [...spec.command] } : {}),
    ...probeParts(spec),
    env: containerEnv(ctx, spec.name, secrets),
    resources: {
      requests: { cpu: resources.cpu, memory: resources.memory },
      limits: { cpu: limits.cpu, memory: limits.memory },
    },
    securityContext: containerSecurityContext(),
    volumeMounts: [
      { name: 'tmp', mountPath: '/tmp' },
      { name: 'values', mountPath: VALUES_MOUNT_PATH, readOnly: true },
      ...secretFiles(spec.name, secrets).mounts,
    ],
  };
}

/** Build the pod template. */
export function podTemplate(props: PodTemplateProps): IPodTemplateSpec {
  const { spec, ctx } = props;
  const secrets = props.secrets ?? mergedSecrets(spec, ctx);
  const hasSecrets = Object.keys(secrets).length > 0;
  const identity = { name: spec.name, namespace: spec.namespace, environment: ctx.environment, commit: ctx.commit };
  return {
    metadata: {
      labels: serviceLabels(identity),
      annotations: { ...serviceAnnotations(identity), [ANNOTATION.values]: valuesChecksum(ctx.config.values), ...(hasSecrets ? { [SECRETS_ANNOTATION]: secretsChecksum(secrets) } : {}) },
    },
    spec: {
      serviceAccountName: spec.name,
      automountServiceAccountToken: false,
      priorityClassName: SERVICE_PRIORITY_CLASS,
      securityContext: podSecurityContext(),
      ...(props.restartPolicy ? { restartPolicy: props.restartPolicy } : {}),
      ...(props.spread ? { topologySpreadConstraints: spreadConstraints(selectorLabels(identity)) } : {}),
      containers: [mainContainer(spec, ctx, secrets)],
      volumes: [
        { name: 'tmp', emptyDir: {} },
        { name: 'values', configMap: { name: valuesConfigMapName(spec.name) } },
        ...secretFiles(spec.name, secrets).volumes,
      ],
    },
  };
}
