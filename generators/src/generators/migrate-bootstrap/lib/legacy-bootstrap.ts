/**
 * What `nx g @eleventh/nx:environment` wrote under clusters/<env>/flux-system/ before the rendered
 * environments/<env>/_flux/ became the one bootstrap, and how far a file on disk is from it.
 * Comments are ignored (the generator's header lines); every key and value counts.
 */
import { parseAllDocuments } from 'yaml';

export const SOURCE_FILE = 'eleventh-source.yaml';
export const SYNC_FILE = 'eleventh-sync.yaml';
export const LEGACY_FILES = [SOURCE_FILE, SYNC_FILE] as const;

const METADATA = { name: 'eleventh', namespace: 'flux-system' };

/** The GitRepository as the generator wrote it; url and branch were resolved from environment.yaml then. */
function legacySource(found: Record<string, any>): unknown {
  const url = typeof found.spec?.url === 'string' ? found.spec.url : '<a repository URL>';
  const branch = typeof found.spec?.ref?.branch === 'string' ? found.spec.ref.branch : '<a branch>';
  return { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', metadata: METADATA, spec: { interval: '1m', url, ref: { branch } } };
}

function legacySync(env: string): unknown {
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: METADATA,
    spec: { interval: '10m', path: `./environments/${env}/_flux`, prune: true, sourceRef: { kind: 'GitRepository', name: 'eleventh' } },
  };
}

const show = (v: unknown): string => (v === undefined ? 'missing' : JSON.stringify(v));
const isMap = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** The first key path (in the expected object's order, then extra keys) where `actual` differs. */
export function firstDifference(actual: unknown, expected: unknown, at = ''): string | null {
  if (isMap(expected)) {
    if (!isMap(actual)) return `${at || 'the document'} is ${show(actual)} (expected a map)`;
    for (const key of Object.keys(expected)) {
      const diff = firstDifference(actual[key], expected[key], at ? `${at}.${key}` : key);
      if (diff) return diff;
    }
    const extra = Object.keys(actual).find((k) => !(k in expected));
    return extra === undefined ? null : `${at ? `${at}.` : ''}${extra} was added (expected no '${extra}')`;
  }
  return actual === expected ? null : `${at} is ${show(actual)} (expected ${show(expected)})`;
}

/**
 * Why the file at `path` is not what the generator made for environment `env`, or null when it is.
 * Only the reason; the caller names the file.
 */
export function legacyProblem(file: (typeof LEGACY_FILES)[number], env: string, text: string): string | null {
  const parsed = parseAllDocuments(text);
  const error = 'errors' in parsed ? parsed.errors[0] : parsed.flatMap((d) => d.errors)[0];
  if (error) return `is not valid YAML: ${error.message.split('\n')[0]}`;
  const docs = Array.isArray(parsed) ? parsed.map((d) => d.toJS() as unknown) : [];
  const objects = docs.filter((d) => d !== null && d !== undefined);
  if (objects.length !== 1) return `holds ${objects.length} documents (expected the one object eleventh made)`;
  const found = objects[0];
  const expected = file === SOURCE_FILE ? legacySource(isMap(found) ? found : {}) : legacySync(env);
  return firstDifference(found, expected);
}
