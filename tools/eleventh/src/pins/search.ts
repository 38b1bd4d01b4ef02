/**
 * Finds, for each service asked about, the newest commit that changed one of its image inputs: one
 * streaming `git log` over the union of their projects' roots and package-lock.json, classifying each
 * changed path to the services it is an input of, stopping as soon as every service has its commit.
 * Lockfile commits count for a service only when one of its external packages' locked version changed.
 */
import { PathClassifier, walkPaths, type WalkPaths } from './classify';
import { walkHistory, type CommitChange } from './history';
import type { GraphInputs, ServiceInputs } from './inputs';
import { LOCKFILE, LockfileReader } from './lockfile';
import { BasesReader } from './bases-reader';
import { IMAGES_FILE } from '../images/bases';
import type { TemplateClass } from './template-class';
import { gitText } from '../git/run';

export interface SearchOptions {
  readonly root: string;
  readonly graph: GraphInputs;
  readonly services: readonly ServiceInputs[];
  /** Full SHA the walk starts from. */
  readonly head: string;
  /** Search `base..head` first; fall back to the whole history for services not found there. */
  readonly base?: string;
  /** Called once per service as its commit is found (progress). */
  readonly onFound?: () => void;
}

export interface SearchResult {
  /** service → newest commit that changed its image inputs (absent when none did). */
  readonly commits: ReadonlyMap<string, string>;
  /** Commits the walks read (both passes). */
  readonly visited: number;
}

class Search {
  readonly found = new Map<string, string>();
  private readonly remaining: Set<string>;
  private readonly classifier: PathClassifier;
  /** package name → services importing it. */
  private readonly importers = new Map<string, string[]>();
  private lock: LockfileReader | undefined;
  private bases: BasesReader | undefined;
  /** Template class → services of that class (their base is platform/images.yaml `bases.<class>`). */
  private readonly ofClass = new Map<TemplateClass, string[]>();

  constructor(private readonly options: SearchOptions) {
    this.remaining = new Set(options.services.map((s) => s.name));
    this.classifier = new PathClassifier(options.graph, options.services);
    for (const service of options.services) {
      for (const ext of service.externals) this.importers.set(ext.name, [...(this.importers.get(ext.name) ?? []), service.name]);
      this.ofClass.set(service.template, [...(this.ofClass.get(service.template) ?? []), service.name]);
    }
  }

  get done(): boolean {
    return this.remaining.size === 0;
  }

  /** Services still looked for. */
  get open(): number {
    return this.remaining.size;
  }

  /** Stop looking for services another search already found. */
  forget(found: ReadonlyMap<string, string>): void {
    for (const name of found.keys()) this.remaining.delete(name);
  }

  paths(): WalkPaths {
    const roots = [...this.classifier.roots(), IMAGES_FILE];
    return walkPaths(this.importers.size > 0 ? [...roots, LOCKFILE] : roots);
  }

  /** Record `commit` for every remaining service that `change` touches; true when none remains. */
  async visit(change: CommitChange): Promise<boolean> {
    for (const path of change.paths) {
      if (path === LOCKFILE && this.importers.size > 0) await this.visitLockfile(change.commit);
      else if (path === IMAGES_FILE) await this.visitBases(change.commit);
      else for (const service of this.classifier.servicesOf(path)) this.take(service, change.commit);
    }
    return this.done;
  }

  close(): void {
    this.lock?.close();
    this.bases?.close();
  }

  /** platform/images.yaml changed in `commit`: the services of each class whose base changed. */
  private async visitBases(commit: string): Promise<void> {
    const wanted = [...this.ofClass].filter(([, users]) => users.some((u) => this.remaining.has(u)));
    if (wanted.length === 0) return;
    this.bases ??= new BasesReader(this.options.root);
    const changed = await this.bases.changedIn(commit, wanted.map(([cls]) => cls));
    for (const cls of changed) for (const service of this.ofClass.get(cls) ?? []) this.take(service, commit);
  }

  private async visitLockfile(commit: string): Promise<void> {
    const wanted = [...this.importers].filter(([, users]) => users.some((u) => this.remaining.has(u)));
    if (wanted.length === 0) return;
    this.lock ??= new LockfileReader(this.options.root);
    const changed = await this.lock.changedIn(commit, wanted.map(([name]) => name));
    for (const name of changed) for (const service of this.importers.get(name) ?? []) this.take(service, commit);
  }

  take(service: string, commit: string): void {
    if (!this.remaining.delete(service)) return;
    this.found.set(service, commit);
    this.options.onFound?.();
  }
}

/** The newest input-changing commit of each service, in at most two streaming passes. */
export async function findInputCommits(options: SearchOptions): Promise<SearchResult> {
  const search = new Search(options);
  let visited = 0;
  try {
    const paths = search.paths();
    const seen = new Set<string>();
    if (options.base && !search.done) {
      visited += await walkHistory({
        root: options.root,
        revs: [`${options.base}..${options.head}`],
        paths: paths.specs,
        keep: paths.keep,
        visit: (change) => (seen.add(change.commit), search.visit(change)),
      });
    }
    if (!search.done && seen.size === 0 && search.open >= SPLIT_MIN_SERVICES) {
      visited += await walkSplit(options, search, paths);
    } else if (!search.done) {
      visited += await walkHistory({
        root: options.root,
        revs: [options.head],
        paths: paths.specs,
        keep: paths.keep,
        visit: (change) => (seen.has(change.commit) ? false : search.visit(change)),
      });
    }
  } finally {
    search.close();
  }
  return { commits: search.found, visited };
}

/** A full walk for this many services or more is split in two halves walked at once (2 cores, 2 git processes). */
const SPLIT_MIN_SERVICES = 64;
const SPLIT_MIN_COMMITS = 2000;

/**
 * Walk the newer half of the first-parent chain and the older half concurrently: a first run over 25,000
 * commits costs about half the wall time. A service found in the newer half is final; the older half only
 * answers for services the newer half never touched, and stops once it has them all.
 */
async function walkSplit(options: SearchOptions, newer: Search, paths: WalkPaths): Promise<number> {
  const chain = gitText(['rev-list', '--first-parent', options.head], { cwd: options.root }).split('\n');
  if (chain.length < SPLIT_MIN_COMMITS) {
    return walkHistory({ root: options.root, revs: [options.head], paths: paths.specs, keep: paths.keep, visit: (change) => newer.visit(change) });
  }
  const mid = chain[Math.floor(chain.length / 2)];
  const older = new Search(options);
  try {
    const counts = await Promise.all([
      walkHistory({ root: options.root, revs: [`${mid}..${options.head}`], paths: paths.specs, keep: paths.keep, visit: (change) => newer.visit(change) }),
      walkHistory({
        root: options.root,
        revs: [mid],
        paths: paths.specs,
        keep: paths.keep,
        visit: async (change) => {
          older.forget(newer.found);
          return (await older.visit(change)) || newer.done;
        },
      }),
    ]);
    for (const [name, commit] of older.found) if (!newer.found.has(name)) newer.take(name, commit);
    return counts[0] + counts[1];
  } finally {
    older.close();
  }
}
