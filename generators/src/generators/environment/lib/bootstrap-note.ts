/**
 * The cluster's Flux bootstrap is rendered, not generated: `eleventh render` writes environments/<env>/_flux/
 * from environment.yaml (the one owner; see tools/eleventh/src/release/README.md, "Cluster bootstrap").
 * The generator only says how to start a cluster from it.
 */
import { logger } from '@nx/devkit';
import type { NormalizedEnvironmentOptions } from './normalize-options';

export function bootstrapNote(o: NormalizedEnvironmentOptions): string {
  const flux = `environments/${o.name}/_flux`;
  return [
    `${o.name}: its Flux bootstrap is ${flux}/, rendered by \`npx eleventh render\` (commit and push it; Flux pulls ${o.source.url} ${o.source.branch}).`,
    `To start cluster '${o.clusterName}': \`flux install\`, then \`kubectl apply -k ${flux}\`; Flux keeps ${flux}/ reconciled from then on.`,
    `With \`flux bootstrap\`, give it --path=clusters/${o.clusterName}, never a folder under environments/ (see tools/eleventh/src/release/README.md#cluster-bootstrap).`,
  ].join('\n');
}

export function printBootstrapNote(o: NormalizedEnvironmentOptions): void {
  logger.info(bootstrapNote(o));
}
