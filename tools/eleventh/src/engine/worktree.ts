/**
 * The sources a render reads, as of a commit: promoted environments render from their `promotedFrom`
 * commit. Only what shapes manifests is needed — the kit (`platform/`), each service's `deploy.ts` and the
 * hand-written environment files — so instead of a full git worktree (tens of thousands of files at 5,000
 * services) those files are read with one `git cat-file --batch` into a temporary folder. When the working
 * tree already holds them as committed there, the repository itself is used.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { git, gitText } from '../git/run';
import { forgetKit } from '../load/kit';
import { unregisterSourceRoot } from '../load/source-root';
import { CatFile } from '../pins/cat-file';
import { uncommittedPaths } from '../pins/dirty';
import { undoOnSignal } from '../signal-cleanup';

/** What a render reads from a commit: the kit, every deploy.ts, and the hand-written environment files. */
const SOURCE_PATHS = [
  'platform',
  ':(glob)services/*/deploy.ts',
  ':(glob)environments/**/environment.yaml',
  ':(glob)environments/**/tenant.yaml',
  ':(glob)environments/**/overrides.yaml',
];

/**
 * What a render reads: everything from `sources`, except each overlaid environment's own hand-written files
 * (`environments/<env>/**`), which come from that environment's own commit (DESIGN.md, promotion).
 */
export interface ReleaseSources {
  readonly sources: string;
  /** Environment → the commit its own hand-written files are read at. */
  readonly overlays: ReadonlyMap<string, string>;
}

const ownFiles = (env: string): string[] => ['environment', 'tenant', 'overrides'].map((f) => `:(glob)environments/${env}/**/${f}.yaml`);

/** A group of what a release reads: one commit, as pathspecs for git and as the same selection for a path. */
interface Group {
  readonly commit: string;
  readonly paths: readonly string[];
  readonly selects: (path: string) => boolean;
}

/** The groups a release reads (overlaid environments excluded from the sources' group). */
function groups(src: ReleaseSources): Group[] {
  const overlaid = [...src.overlays.entries()].filter(([, c]) => c !== src.sources);
  const excluded = overlaid.map(([env]) => `:(exclude)environments/${env}`);
  const inOverlay = (path: string): boolean => overlaid.some(([env]) => path.startsWith(`environments/${env}/`));
  return [
    { commit: src.sources, paths: [...SOURCE_PATHS, ...excluded], selects: (path) => isSource(path) && !inOverlay(path) },
    ...overlaid.map(([env, commit]) => ({ commit, paths: ownFiles(env), selects: (path: string) => path.startsWith(`environments/${env}/`) && HAND_WRITTEN.test(path) })),
  ];
}

/**
 * The work tree as the run already read it: HEAD's SHA and every path with an uncommitted change, untracked
 * ones included, and files changed under an assume-unchanged or skip-worktree mark (pins/dirty.ts). A
 * `git status` over 100,000 files costs about a second; with this, whether the work tree holds a release's
 * sources costs no status of its own.
 */
export interface WorkTreeState {
  readonly head: string;
  readonly dirty: readonly string[];
}

/**
 * Whether the work tree holds the release's render sources, answered from `state`: every group's commit has
 * HEAD's tree under its paths, and no path of the group has an uncommitted change (an untracked file there
 * would join the render; a file edited under a git mark is one too). A changed file whose content happens to
 * equal the release's counts as different here: the release is then materialised, as for any other difference.
 */
function sameAsState(root: string, src: ReleaseSources, state: WorkTreeState): boolean {
  return groups(src).every(({ commit, paths, selects }) => !state.dirty.some(selects) && (commit === state.head || sameCommits(root, commit, state.head, paths)));
}

/**
 * Whether two commits hold the same files under `paths`. Commits are immutable, so the answer is kept: preprod
 * and prod promoted from one commit ask it once (a glob-pathspec diff of two 100,000-file trees takes 0.5 s).
 */
const sameAnswers = new Map<string, boolean>();
function sameCommits(root: string, a: string, b: string, paths: readonly string[]): boolean {
  const key = [root, a, b, ...paths].join('\0');
  let same = sameAnswers.get(key);
  if (same === undefined) sameAnswers.set(key, (same = git(['diff', '--quiet', a, b, '--', ...paths], { cwd: root, okCodes: [0, 1] }).status === 0));
  return same;
}

const HAND_WRITTEN = /(^|\/)(environment|tenant|overrides)\.yaml$/;

/** The same selection as SOURCE_PATHS, for `git ls-tree` (which takes no glob pathspecs). */
function isSource(path: string): boolean {
  if (path.startsWith('platform/')) return true;
  if (path.startsWith('services/')) return /^services\/[^/]+\/deploy\.ts$/.test(path);
  return path.startsWith('environments/') && HAND_WRITTEN.test(path);
}

interface Blob {
  readonly mode: string;
  readonly type: string;
  readonly oid: string;
  readonly path: string;
}

function listTree(root: string, commit: string, paths: readonly string[]): Blob[] {
  const listing = git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...paths], { cwd: root }).stdout;
  return listing
    .split('\0')
    .filter(Boolean)
    .map((entry) => {
      const tab = entry.indexOf('\t');
      const [mode, type, oid] = entry.slice(0, tab).split(' ');
      return { mode, type, oid, path: entry.slice(tab + 1) };
    })
    .filter((e) => e.type === 'blob' && e.mode !== '120000' && isSource(e.path));
}

/** Write the release's render sources under `dir`. */
async function materialize(root: string, src: ReleaseSources, dir: string): Promise<void> {
  const overlaid = [...src.overlays.entries()].filter(([, c]) => c !== src.sources);
  const inOverlay = (path: string) => overlaid.some(([env]) => path.startsWith(`environments/${env}/`));
  const blobs = [
    ...listTree(root, src.sources, ['platform', 'services', 'environments']).filter((b) => !inOverlay(b.path)),
    ...overlaid.flatMap(([env, commit]) => listTree(root, commit, [`environments/${env}`])),
  ];
  const cat = new CatFile(root);
  try {
    const contents = await Promise.all(blobs.map((b) => cat.read(b.oid)));
    blobs.forEach((b, i) => {
      const target = join(dir, b.path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, contents[i]!.content);
    });
  } finally {
    cat.close();
  }
}

/**
 * Run `fn` with the repository's render sources as of a commit or a release (the root itself when it already
 * holds them). `state`: the work tree as the caller's run already read it (no `git status` of its own).
 */
export async function withSources<T>(root: string, release: string | ReleaseSources, fn: (sourceRoot: string) => Promise<T> | T, state?: WorkTreeState): Promise<T> {
  const src: ReleaseSources = typeof release === 'string' ? { sources: release, overlays: new Map() } : release;
  const holds = sameAsState(root, src, state ?? { head: gitText(['rev-parse', 'HEAD'], { cwd: root }), dirty: uncommittedPaths(root) });
  if (holds) return fn(root);
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-src-'));
  // A signal that ends the run meanwhile removes the folder too (signal-cleanup.ts).
  const done = undoOnSignal(() => rmSync(dir, { recursive: true, force: true }));
  try {
    await materialize(root, src, dir);
    return await fn(dir);
  } finally {
    forgetKit(dir);
    unregisterSourceRoot(dir);
    rmSync(dir, { recursive: true, force: true });
    done();
  }
}
