/**
 * What `eleventh explain ENV/NS/SVC` names must exist: the environment, the namespace, and a service
 * (`services/<name>/deploy.ts`) that lives in that namespace. Otherwise one ConfigError, exit 2 — never the
 * platform defaults of a service that is not there.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../errors';
import { checkHandWritten } from '../hand-written/read';
import { readServiceHeaders } from '../load/services';
import type { ConfigSet } from './load';
import { didYouMean } from './suggest';

/** Service names: folders `services/<name>/` holding a deploy.ts (as the pins' project graph decides). */
export function serviceNames(root: string): string[] {
  const dir = join(root, 'services');
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'deploy.ts')))
    .map((d) => d.name)
    .sort();
}

export function checkExplainTarget(config: ConfigSet, env: string, ns: string, svc: string): void {
  config.tenant(env, ns); // unknown environment or namespace: ConfigError naming the known ones
  const names = serviceNames(config.root);
  const deployFile = `services/${svc}/deploy.ts`;
  if (!names.includes(svc)) {
    throw new ConfigError({ file: deployFile }, `unknown service '${svc}'${didYouMean(svc, names)}`, `one of: ${names.join(', ')}`);
  }
  checkHandWritten(config.root, deployFile);
  const [header] = readServiceHeaders(config.root, [{ name: svc, root: `services/${svc}` }]);
  if (header.namespace !== ns) {
    throw new ConfigError({ file: deployFile }, `service '${svc}' lives in namespace '${header.namespace}', not '${ns}'`, `${env}/${header.namespace}/${svc}`);
  }
}
