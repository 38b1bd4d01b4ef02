/**
 * The Deployment of an http or worker service.
 */
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import type { RenderContext, ServiceSpec } from './types';
import { identityOf, selectorLabels, serviceMetadata } from './labels';
import { podTemplate } from './workload';
import { minReplicas } from './disruption-budget';
import { availabilityOf } from './availability';

export interface DeploymentProps {
  /** What `deploy.ts` declared. */
  readonly spec: ServiceSpec;
  /** The environment, image, pin and resolved config. */
  readonly ctx: RenderContext;
}

/** Build the Deployment; `replicas` is omitted when an HPA owns the count. */
export function deployment(props: DeploymentProps): Deployment {
  const { spec, ctx } = props;
  const identity = identityOf(spec, ctx);
  const fixed = ctx.config.autoscaling === false;
  return new Deployment({
    metadata: serviceMetadata(identity),
    spec: {
      ...(fixed ? { replicas: ctx.config.replicas } : {}),
      revisionHistoryLimit: 5,
      selector: { matchLabels: selectorLabels(identity) },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      template: podTemplate({ spec, ctx, spread: availabilityOf(ctx).spread && minReplicas(ctx.config) > 1 }),
    },
  });
}
