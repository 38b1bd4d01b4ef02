/**
 * Manifest-only changes: commits that changed a manifest input — the platform kit (`platform/`), a
 * service's `deploy.ts`, or the hand-written configuration of the environment and the environments it
 * extends — between the old and the new manifest sources. One `git log` with pathspecs per segment.
 */
import type { Recipe } from '../../model';
import type { ManifestChange, ManifestCommit, Rerender } from './model';
import type { LoggedCommit, Range, Segment } from './segment';
import { isProductionFile } from '../../pins/production';

const DEPLOY = /^services\/([^/]+)\/deploy\.ts$/;
const CONFIG = /^environments\/([^/]+)\/(environment\.yaml|[^/_][^/]*\/tenant\.yaml|[^/_][^/]*\/[^/]+\/overrides\.yaml)$/;

/** Pathspecs for every manifest input of any environment (filtered per request in memory). */
export const MANIFEST_PATHSPECS: readonly string[] = [
  'platform',
  ':(glob)services/*/deploy.ts',
  ':(glob)environments/*/environment.yaml',
  ':(glob)environments/*/*/tenant.yaml',
  ':(glob)environments/*/*/*/overrides.yaml',
];

export interface ManifestRequest {
  /** Between the old and new sources commits: kit, deploy.ts and inherited configuration. */
  readonly sources: Range;
  /** Between the old and new commits for the environment's own hand-written files. @default sources */
  readonly own?: Range;
  /** The environment itself last (its `extends` chain, root first). */
  readonly chain: readonly string[];
  /** deploy.ts counts for these services only. */
  readonly services: ReadonlySet<string>;
  /** Include configuration at all (an environment-to-environment diff compares resolved config instead). @default true */
  readonly config?: boolean;
}

function classify(path: string, req: ManifestRequest): { change: ManifestChange; own: boolean } | undefined {
  // The kit's production files only (pins/production.ts): a spec or README in platform/ shapes no manifest.
  if (path.startsWith('platform/')) return isProductionFile(path.slice('platform/'.length)) && !path.includes('/__snapshots__/') ? { change: { kind: 'kit', path }, own: false } : undefined;
  const d = DEPLOY.exec(path);
  if (d) return req.services.has(d[1]) ? { change: { kind: 'deploy', service: d[1], path }, own: false } : undefined;
  const c = CONFIG.exec(path);
  if (!c || req.config === false || !req.chain.includes(c[1])) return undefined;
  return { change: { kind: 'config', path }, own: c[1] === req.chain[req.chain.length - 1] };
}

/** Read the manifest-input log of the segment once; answer many requests from it. */
export function manifestLog(segment: Segment): LoggedCommit[] {
  return segment.log(MANIFEST_PATHSPECS);
}

export function manifestCommits(segment: Segment, log: readonly LoggedCommit[], req: ManifestRequest): ManifestCommit[] {
  const own = req.own ?? req.sources;
  const out: ManifestCommit[] = [];
  for (const c of log) {
    const inSources = segment.contains(req.sources, c.sha);
    const inOwn = segment.contains(own, c.sha);
    if (!inSources && !inOwn) continue;
    const changes: ManifestChange[] = [];
    for (const path of c.paths) {
      const hit = classify(path, req);
      if (hit && (hit.own ? inOwn : inSources)) changes.push(hit.change);
    }
    if (changes.length > 0) out.push({ sha: c.sha, subject: c.subject, author: c.author, changes });
  }
  return out;
}

/** Services in both recipes with the same pin and a different manifest digest. */
export function rerendered(before: Recipe | undefined, after: Recipe | undefined): Rerender[] {
  const a = before?.services ?? {};
  const b = after?.services ?? {};
  return Object.keys(b)
    .filter((n) => a[n] && a[n].commit === b[n].commit && a[n].digest !== b[n].digest)
    .sort()
    .map((n) => ({ service: n, from: a[n].digest, to: b[n].digest }));
}
