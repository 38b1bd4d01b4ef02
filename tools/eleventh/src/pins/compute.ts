/**
 * Pins: for every service, the newest commit that changed its image inputs. Services whose inputs
 * identity equals the previous run's keep their previous pin without any history walk; the others are
 * found together in one streaming `git log` (see search.ts). A bounded number of git processes whatever
 * the number of services: rev-parse, status, ls-tree, at most two log walks and one cat-file.
 */
import { timed } from '../timing';
import { clearProgressLine, tracked } from '../progress';
import type { Pin } from '../model';
import { assertFullHistory, revParse } from '../git/run';
import { PathClassifier, pathspecs } from './classify';
import { uncommittedPaths } from './dirty';
import { DirtyInputsError } from './errors';
import { loadGraphInputs } from './graph';
import { checkWorkspaceLinks } from './links';
import { offFirstParentLine } from './first-parent';
import { inputsIdentity, listBlobs } from './identity';
import type { GraphInputs, ServiceInputs } from './inputs';
import { findInputCommits } from './search';
import { IMAGES_FILE, readImagesAt, type ImageBases } from '../images/bases';

export interface PinOptions {
  /** Workspace root (a git work tree). */
  readonly root: string;
  /** Pins of the previous run (e.g. from a recipe), by service. */
  readonly previous: ReadonlyMap<string, Pin>;
  /** Accept uncommitted changes to image inputs (their services get HEAD-based pins; warned on stderr). */
  readonly allowDirty?: boolean;
  /** Search `base..head` first, then the whole history for services not found there. */
  readonly base?: string;
  /** @default 'HEAD' */
  readonly head?: string;
  /**
   * The Nx graph, already being built (startGraph): callers start it first so that the seconds Nx takes in
   * its own process overlap with their config loading and recipe reading.
   */
  readonly graph?: Promise<GraphInputs>;
  /**
   * `head` is a commit made of the work tree itself (preview's snapshot): the uncommitted changes are part
   * of it, so they are neither refused nor warned about.
   */
  readonly headIsWorkTree?: boolean;
  /** Every path with an uncommitted change, when the caller has already read them (uncommittedPaths). */
  readonly dirty?: readonly string[];
}

/** Start building the Nx graph in its child process now; pass the promise as PinOptions.graph. */
export function startGraph(root: string): Promise<GraphInputs> {
  const graph = loadGraphInputs(root);
  graph.catch(() => undefined); // handled where it is awaited
  return graph;
}

export interface PinResult {
  readonly pins: ReadonlyMap<string, Pin>;
  /** Services (present now) whose pin or inputs differ from `previous`, new services included; sorted. */
  readonly changed: readonly string[];
  readonly services: readonly ServiceInputs[];
  /**
   * Blob ids of the committed files under the services' project roots when `head` is the checked-out
   * HEAD and the file is clean — what callers may use instead of reading the work tree.
   */
  readonly cleanBlob: (path: string) => string | undefined;
  /** platform/images.yaml at `head` (checked), when the repository has one: each class's base is an image input. */
  readonly bases?: ImageBases;
  /** The full SHA `head` resolved to. */
  readonly head: string;
  /** Every path with an uncommitted change, untracked ones included, sorted (one `git status`; pins/dirty.ts). */
  readonly dirty: readonly string[];
}

/** Refuse (or, with allowDirty, warn about) uncommitted changes to any service's image inputs. */
function checkDirty(dirty: readonly string[], graph: GraphInputs, allowDirty: boolean): void {
  if (dirty.length === 0) return;
  const classifier = new PathClassifier(graph, graph.services);
  const files: string[] = [];
  const services = new Set<string>();
  for (const path of dirty) {
    const users = path === IMAGES_FILE ? graph.services.map((s) => s.name) : classifier.servicesOf(path);
    if (users.length > 0) files.push(path);
    for (const s of users) services.add(s);
  }
  if (files.length === 0) return;
  const error = new DirtyInputsError(files, [...services].sort());
  if (!allowDirty) throw error;
  clearProgressLine();
  process.stderr.write(`warning: ${error.message.replace(': commit them or pass --allow-dirty', '')}\n`);
  process.stderr.write('warning: --allow-dirty: their pins name HEAD-based commits, not the work tree\n');
}

function allRoots(graph: GraphInputs): string[] {
  const roots = new Set<string>();
  for (const s of graph.services) for (const p of s.projects) roots.add(graph.roots.get(p) ?? '.');
  return [...roots];
}

export async function computePins(options: PinOptions): Promise<PinResult> {
  const head = revParse(options.head ?? 'HEAD', options.root);
  const graphPromise = options.graph ?? loadGraphInputs(options.root);
  // git status runs while Nx builds the graph in its own process.
  const dirty = options.dirty ?? timed('pins: git status', () => uncommittedPaths(options.root));
  let offPrevious: ReadonlySet<string>;
  try {
    timed('pins: links', () => checkWorkspaceLinks(options.root, dirty));
    // Which previous pins are off the first-parent line: asked now, while Nx works, for all of them (those
    // whose inputs are unchanged are known only with the graph).
    offPrevious = timed('pins: first-parent line', () => offFirstParentLine(options.root, head, new Set([...options.previous.values()].map((p) => p.commit))));
  } catch (e) {
    graphPromise.catch(() => undefined); // the CLI stops the worker (stopGraphWorkers); its end is not news
    throw e;
  }
  const graph = await timed('pins: nx graph (wait)', () => tracked('nx project graph', undefined, () => graphPromise));
  if (!options.headIsWorkTree) checkDirty(dirty, graph, options.allowDirty ?? false);
  const blobs = graph.services.length > 0 ? timed('pins: ls-tree', () => listBlobs(options.root, head, pathspecs(allRoots(graph)))) : new Map<string, string>();
  const bases = readImagesAt(options.root, head);
  const identities = timed('pins: identities', () => new Map(graph.services.map((s) => [s.name, inputsIdentity(s, blobs, bases?.bases.get(s.template))])));
  const same = (s: ServiceInputs): boolean => options.previous.get(s.name)?.inputs === identities.get(s.name);
  const kept = new Set(graph.services.filter(same).map((s) => options.previous.get(s.name)!.commit));
  const offLine = new Set([...kept].filter((commit) => offPrevious.has(commit)));
  const pending = graph.services.filter((s) => !same(s) || offLine.has(options.previous.get(s.name)!.commit));
  // A walk answers from history: a shallow clone would pin every changed service to its one commit.
  if (pending.length > 0) assertFullHistory(options.root, 'pins');
  const found = pending.length === 0
    ? new Map<string, string>()
    : (await timed('pins: history', () => tracked('pin walk', pending.length, (p) => findInputCommits({ root: options.root, graph, services: pending, head, base: options.base, onFound: () => p.tick() })))).commits;
  const pins = new Map<string, Pin>();
  const changed: string[] = [];
  for (const service of graph.services) {
    const inputs = identities.get(service.name) as string;
    const before = options.previous.get(service.name);
    const pin = before?.inputs === inputs && !offLine.has(before.commit) ? before : { commit: found.get(service.name) ?? head, inputs };
    pins.set(service.name, pin);
    if (before?.commit !== pin.commit || before?.inputs !== pin.inputs) changed.push(service.name);
  }
  const isHead = options.head === undefined || head === revParse('HEAD', options.root);
  const dirtySet = new Set(dirty);
  const cleanBlob = (path: string): string | undefined => (isHead && !dirtySet.has(path) ? blobs.get(path) : undefined);
  return { pins, changed, services: graph.services, cleanBlob, bases, head, dirty };
}
