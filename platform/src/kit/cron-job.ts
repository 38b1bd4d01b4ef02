/**
 * The CronJob of a cron service.
 */
import { CronJob } from 'kubernetes-models/batch/v1/CronJob';
import type { RenderContext, ServiceSpec } from './types';
import { identityOf, serviceMetadata } from './labels';
import { podTemplate } from './workload';

export interface CronJobProps {
  /** What `deploy.ts` declared (with `schedule`). */
  readonly spec: ServiceSpec;
  /** The environment, image, pin and resolved config. */
  readonly ctx: RenderContext;
  /** Retries of a failed run. @default 2 */
  readonly backoffLimit?: number;
}

/** Build the CronJob: no overlapping runs, a short history. */
export function cronJob(props: CronJobProps): CronJob {
  const { spec, ctx } = props;
  return new CronJob({
    metadata: serviceMetadata(identityOf(spec, ctx)),
    spec: {
      schedule: spec.schedule ?? '',
      concurrencyPolicy: 'Forbid',
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        spec: {
          backoffLimit: props.backoffLimit ?? 2,
          template: podTemplate({ spec, ctx, restartPolicy: 'OnFailure' }),
        },
      },
    },
  });
}
