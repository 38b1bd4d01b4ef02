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
}

/** Zones first, then nodes; `ScheduleAnyway` so a one-zone cluster still schedules. */
function spreadConstraints(selector: Record<string, string>): ITopologySpreadConstraint[] {
  return ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({ maxSkew: 1, topologyKey, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selector } }));
}

/** The container's env: config.env sorted by name, plus ELEVENTH_ENVIRONMENT. */
export function containerEnv(ctx: RenderContext): IEnvVar[] {
  const env: Record<string, string> = { ...ctx.config.env, [ENVIRONMENT_VARIABLE]: ctx.environment };
  return Object.keys(env)
    .sort()
    .map((name) => ({ name, value: env[name] }));
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
export function mainContainer(spec: ServiceSpec, ctx: RenderContext): IContainer {
  const { resources, limits } = ctx.config;
  return {
    name: spec.name,
    image: ctx.image,
    ...(spec.command ? { command: [...spec.command] } : {}),
    ...probeParts(spec),
    env: containerEnv(ctx),
    resources: {
      requests: { cpu: resources.cpu, memory: resources.memory },
      limits: { cpu: limits.cpu, memory: limits.memory },
    },
    securityContext: containerSecurityContext(),
    volumeMounts: [
      { name: 'tmp', mountPath: '/tmp' },
      { name: 'values', mountPath: VALUES_MOUNT_PATH, readOnly: true },
    ],
  };
}

/** Build the pod template. */
export function podTemplate(props: PodTemplateProps): IPodTemplateSpec {
  const { spec, ctx } = props;
  const identity = { name: spec.name, namespace: spec.namespace, environment: ctx.environment, commit: ctx.commit };
  return {
    metadata: {
      labels: serviceLabels(identity),
      annotations: { ...serviceAnnotations(identity), [ANNOTATION.values]: valuesChecksum(ctx.config.values) },
    },
    spec: {
      serviceAccountName: spec.name,
      automountServiceAccountToken: false,
      priorityClassName: SERVICE_PRIORITY_CLASS,
      securityContext: podSecurityContext(),
      ...(props.restartPolicy ? { restartPolicy: props.restartPolicy } : {}),
      ...(props.spread ? { topologySpreadConstraints: spreadConstraints(selectorLabels(identity)) } : {}),
      containers: [mainContainer(spec, ctx)],
      volumes: [
        { name: 'tmp', emptyDir: {} },
        { name: 'values', configMap: { name: valuesConfigMapName(spec.name) } },
      ],
    },
  };
}
