/**
 * How the container sees its secrets: `env` entries as `valueFrom.secretKeyRef` variables, `mount` entries
 * as read-only files. Mounts are grouped by folder: one secret volume per folder (`secrets-0`, `secrets-1`,
 * … in path order) projecting just that folder's keys, mode 0440 (the pod's fsGroup reads them). A volume,
 * not a subPath, so a rotated secret reaches the file without a restart.
 */
import type { IEnvVar } from 'kubernetes-models/v1/EnvVar';
import type { IVolume } from 'kubernetes-models/v1/Volume';
import type { IVolumeMount } from 'kubernetes-models/v1/VolumeMount';
import { createHash } from 'node:crypto';
import type { SecretReference } from '../types';
import { secretsObjectName } from './names';

export const SECRET_FILE_MODE = 0o440;

export function secretEnvVars(service: string, secrets: Readonly<Record<string, SecretReference>>): IEnvVar[] {
  const name = secretsObjectName(service);
  return Object.keys(secrets)
    .filter((k) => secrets[k].env !== undefined)
    .map((k) => ({ name: secrets[k].env!, valueFrom: { secretKeyRef: { name, key: k } } }));
}

function splitPath(path: string): { dir: string; file: string } {
  const at = path.lastIndexOf('/');
  return { dir: path.slice(0, at), file: path.slice(at + 1) };
}

export interface SecretFiles {
  readonly volumes: IVolume[];
  readonly mounts: IVolumeMount[];
}

export function secretFiles(service: string, secrets: Readonly<Record<string, SecretReference>>): SecretFiles {
  const byDir = new Map<string, Array<{ key: string; path: string }>>();
  for (const k of Object.keys(secrets).sort()) {
    const mount = secrets[k].mount;
    if (mount === undefined) continue;
    const { dir, file } = splitPath(mount);
    byDir.set(dir, [...(byDir.get(dir) ?? []), { key: k, path: file }]);
  }
  const dirs = [...byDir.keys()].sort();
  const secretName = secretsObjectName(service);
  return {
    volumes: dirs.map((dir, i) => ({ name: `secrets-${i}`, secret: { secretName, defaultMode: SECRET_FILE_MODE, items: byDir.get(dir)! } })),
    mounts: dirs.map((dir, i) => ({ name: `secrets-${i}`, mountPath: dir, readOnly: true })),
  };
}

/** sha256 over the declaration (never the values): a changed reference rolls the pods. */
export function secretsChecksum(secrets: Readonly<Record<string, SecretReference>>): string {
  const sorted = Object.keys(secrets)
    .sort()
    .map((k) => [k, Object.fromEntries(Object.entries(secrets[k]).sort(([a], [b]) => a.localeCompare(b)))]);
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}
