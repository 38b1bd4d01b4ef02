/**
 * Plan the migration of every clusters/<env>/flux-system/ the environment generator made: which files go,
 * and what its kustomization.yaml becomes. Reads only; every refusal is collected before anything is written.
 */
import type { Tree } from '@nx/devkit';
import { isMap as isYamlMap, isSeq, parseDocument, type Document } from 'yaml';
import { CLUSTERS_DIR } from '../../../utils/clusters';
import { GeneratorError } from '../../../utils/errors';
import { LEGACY_FILES, legacyProblem } from './legacy-bootstrap';

export interface ClusterMigration {
  /** The environment (the folder name the generator used: clusters/<env>/). */
  readonly environment: string;
  readonly dir: string;
  /** Files to delete (the two objects, and kustomization.yaml when nothing else is left). */
  readonly remove: readonly string[];
  /** kustomization.yaml without the two entries, when other resources or files stay. */
  readonly update: { readonly path: string; readonly content: string } | null;
}

export interface MigrationPlan {
  readonly clusters: readonly ClusterMigration[];
  readonly problems: readonly GeneratorError[];
}

const KUSTOMIZE_KEYS = new Set(['apiVersion', 'kind', 'resources']);
/** The header the generator wrote on kustomization.yaml (dropped with the entries it describes). */
const LEGACY_HEADER = /^ ?Flux bootstrap of [a-z0-9-]+: add gotk-components\.yaml from `flux install --export`\.$/;

/** The header may sit on the document, its map or its first key, depending on blank lines. */
function dropLegacyHeader(doc: Document): void {
  const first = isYamlMap(doc.contents) ? (doc.contents.items[0]?.key as { commentBefore?: string | null } | undefined) : undefined;
  for (const node of [doc, doc.contents as { commentBefore?: string | null } | null, first]) {
    if (node?.commentBefore && LEGACY_HEADER.test(node.commentBefore)) node.commentBefore = null;
  }
}

function planKustomization(tree: Tree, dir: string, leftFiles: readonly string[]): Pick<ClusterMigration, 'remove' | 'update'> | GeneratorError {
  const path = `${dir}/kustomization.yaml`;
  const text = tree.read(path, 'utf8');
  if (text === null) return { remove: [], update: null };
  const doc: Document = parseDocument(text);
  if (doc.errors.length > 0) return new GeneratorError(path, `is not valid YAML: ${doc.errors[0].message.split('\n')[0]}`, 'a kustomization.yaml');
  const resources = isYamlMap(doc.contents) ? doc.contents.get('resources', true) : undefined;
  if (!isYamlMap(doc.contents) || (resources !== undefined && !isSeq(resources))) {
    return new GeneratorError(path, 'is not a kustomization with a resources list', "a map with 'resources: [...]'");
  }
  if (!isSeq(resources)) return { remove: [], update: null };
  const ours = (item: unknown): boolean => (LEGACY_FILES as readonly string[]).includes(String((item as { value?: unknown })?.value ?? item));
  const kept = resources.items.filter((item) => !ours(item));
  if (kept.length === resources.items.length) return { remove: [], update: null };
  const onlyOurs = kept.length === 0 && doc.contents.items.every((pair) => KUSTOMIZE_KEYS.has(String((pair.key as { value?: unknown })?.value ?? pair.key)));
  if (onlyOurs && leftFiles.length === 0) return { remove: [path], update: null };
  resources.items = kept;
  dropLegacyHeader(doc);
  return { remove: [], update: { path, content: doc.toString() } };
}

function planCluster(tree: Tree, env: string): ClusterMigration | GeneratorError[] | null {
  const dir = `${CLUSTERS_DIR}/${env}/flux-system`;
  const present = LEGACY_FILES.filter((f) => tree.isFile(`${dir}/${f}`));
  if (present.length === 0) return null;
  const problems = present.flatMap((file) => {
    const path = `${dir}/${file}`;
    const problem = legacyProblem(file, env, tree.read(path, 'utf8') ?? '');
    return problem ? [new GeneratorError(path, `edited since eleventh made it: ${problem.replace(/ \(expected (.*)\)$/, '')}`, expectedOf(problem, env))] : [];
  });
  if (problems.length > 0) return problems;
  const leftFiles = tree.children(dir).filter((f) => f !== 'kustomization.yaml' && !(present as readonly string[]).includes(f));
  const kustomization = planKustomization(tree, dir, leftFiles);
  if (kustomization instanceof GeneratorError) return [kustomization];
  return { environment: env, dir, remove: [...present.map((f) => `${dir}/${f}`), ...kustomization.remove], update: kustomization.update };
}

/** The "(expected …)" of a difference, plus what to do about it. */
function expectedOf(problem: string, env: string): string {
  const expected = / \(expected (.*)\)$/.exec(problem)?.[1] ?? 'what eleventh made';
  return `${expected}; environments/${env}/_flux/ now defines this object: move your change into environments/${env}/environment.yaml, or delete the file yourself`;
}

/** Every clusters/<env>/flux-system/ holding eleventh-source.yaml or eleventh-sync.yaml, sorted. */
export function planMigration(tree: Tree): MigrationPlan {
  const clusters: ClusterMigration[] = [];
  const problems: GeneratorError[] = [];
  const envs = tree.exists(CLUSTERS_DIR) && !tree.isFile(CLUSTERS_DIR) ? tree.children(CLUSTERS_DIR).sort() : [];
  for (const env of envs) {
    const planned = planCluster(tree, env);
    if (Array.isArray(planned)) problems.push(...planned);
    else if (planned) clusters.push(planned);
  }
  return { clusters, problems };
}
