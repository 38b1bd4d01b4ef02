/**
 * Apply a validated plan. Every changed file is first written to a temporary name in its own folder
 * (`.<name>.eleventh-tmp-<pid>`), and every file about to be replaced gets a hard link to its old bytes
 * (`.<name>.old.eleventh-tmp-<pid>`); only when all of them are written are they renamed into place, and
 * then pruned files and emptied folders are removed. Unchanged files are never touched. A folder that does
 * not exist yet (a new service, a new environment) is written whole under a temporary name beside where it
 * goes and renamed into place once: a first run's 80,000 files then cost no rename each.
 *
 * If anything fails (a full disk, no permission, a folder where a file goes), every file already renamed is
 * put back — created ones removed, replaced ones restored from their link — the temporary files and the
 * folders created for them are removed, and a WriteFailedError names the path: nothing half-written.
 * A signal (Ctrl-C, a cancelled CI job) while the files are staged or renamed is put back the same way, and
 * the run ends with 128 + its number (interrupt.ts). Bad input never gets here — planWrites checked everything in memory first.
 */
import { existsSync, linkSync, mkdirSync, rmdirSync, rmSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { WriteFailedError } from './errors';
import { InterruptWatch } from './interrupt';
import { ancestors, tempName } from './paths';
import type { WritePlan } from './plan';

export interface ApplyHooks {
  /** Called with the repository-relative path just before its temporary file is renamed (tests inject failures). */
  readonly beforeRename?: (relPath: string) => void;
}

/** Created folders, deepest first after reversal, so a failed write can take them back. */
class FolderMaker {
  readonly created: string[] = [];
  private readonly known = new Set<string>();

  ensure(dir: string): void {
    if (this.known.has(dir)) return;
    const first = mkdirSync(dir, { recursive: true });
    if (first !== undefined) {
      const chain: string[] = [];
      for (let d = dir; d.length >= first.length; d = dirname(d)) chain.unshift(d);
      this.created.push(...chain);
    }
    this.known.add(dir);
  }

  /** Remove the folders this maker created that are empty again (a renamed file keeps its folder). */
  undo(): void {
    for (const d of [...this.created].reverse()) {
      try {
        rmdirSync(d);
      } catch {
        // not empty (a file was renamed into it) or already gone: leave it
      }
    }
  }
}

/** Generated files (to be pruned) that sit where a folder must go: a file became a folder. */
function blockers(plan: WritePlan): string[] {
  const needed = new Set(plan.create.flatMap((rel) => ancestors(rel)));
  return plan.remove.filter((rel) => needed.has(rel));
}

function removeAll(root: string, plan: WritePlan, cleared: ReadonlySet<string>): void {
  for (const rel of plan.remove) if (!cleared.has(rel)) rmSync(join(root, rel), { force: true });
  for (const rel of plan.removeDirs) {
    try {
      rmdirSync(join(root, rel));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
    }
  }
}

/**
 * How many file operations run between two turns of the event loop. Each one is synchronous: a file written
 * with one call costs a fraction of one written through the thread pool (open, write and close as three queued
 * requests, each woken on the main thread). A first recipe at 5,000 services writes 80,500 files in 4.7-5.9 s
 * this way, against 6.9-8.8 s 32 at a time through the pool (tools/bench/README.md, the tenth session).
 */
const BATCH = 500;

/**
 * Run `fn` over `items` in order, yielding to the event loop every BATCH items (progress keeps drawing, and a
 * signal caught meanwhile stops the write: interrupt.ts).
 */
async function inOrder<T>(items: readonly T[], watch: InterruptWatch, fn: (item: T) => void): Promise<void> {
  for (let i = 0; i < items.length; i++) {
    fn(items[i]!);
    if (i % BATCH === BATCH - 1) {
      await nextTurn();
      watch.check();
    }
  }
}

/** Run `op` for `abs`; an OS error becomes a WriteFailedError naming the path (repository-relative). */
function at(root: string, abs: string, op: () => unknown): void {
  try {
    op();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (!code) throw err;
    throw new WriteFailedError(relative(root, abs).split(sep).join('/'), code, { cause: err });
  }
}

/**
 * The topmost folder of each created file that does not exist yet, repository-relative (files whose folder
 * exists are absent). One stat per distinct existing folder, root-most first.
 */
function newFolders(root: string, create: readonly string[]): Map<string, string> {
  const exists = new Map<string, boolean>();
  const out = new Map<string, string>();
  for (const rel of create) {
    for (const dir of ancestors(rel).reverse()) {
      let known = exists.get(dir);
      if (known === undefined) exists.set(dir, (known = existsSync(join(root, dir))));
      if (!known) {
        out.set(rel, dir);
        break;
      }
    }
  }
  return out;
}

/** A new folder written under a temporary name beside its place (`.<name>.eleventh-tmp-<pid>`). */
interface NewFolder {
  readonly rel: string;
  readonly staged: string;
  readonly files: string[];
}

/** What one apply has done so far, so a failure can take all of it back. */
class Staging {
  readonly temps = new Map<string, string>();
  readonly backups = new Map<string, string>();
  readonly renamed: string[] = [];
  /** New folders, by repository-relative path; `placed` once renamed into place. */
  readonly folderOf = new Map<string, NewFolder>();
  readonly placed: string[] = [];
  readonly folders = new FolderMaker();
  /** Blocking generated files moved aside (repository-relative → where they wait). */
  readonly cleared = new Map<string, string>();
  constructor(readonly root: string) {}

  /** Move a blocking generated file aside; it is deleted on success and put back on failure. */
  clear(rel: string): void {
    const target = join(this.root, rel);
    const aside = join(dirname(target), tempName(`${basename(target)}.old`));
    at(this.root, target, () => renameSync(target, aside));
    this.cleared.set(rel, aside);
  }

  /** Put every renamed file back, then remove temporaries, backups and created folders. Never throws. */
  rollBack(): void {
    for (const rel of this.placed) rmSync(join(this.root, rel), { recursive: true, force: true });
    for (const rel of this.renamed) {
      const target = join(this.root, rel);
      const backup = this.backups.get(rel);
      try {
        if (backup) {
          renameSync(backup, target);
          this.backups.delete(rel);
        } else rmSync(target, { force: true });
      } catch {
        // best effort: the error that got us here is the one reported
      }
    }
    this.clean(false);
    this.folders.undo();
    for (const [rel, aside] of this.cleared) {
      try {
        renameSync(aside, join(this.root, rel));
      } catch {
        // best effort, as above
      }
    }
  }

  /** Remove temporaries and backups (and, after success, the blockers moved aside). */
  clean(done: boolean): void {
    const extra = done ? [...this.cleared.values()] : [];
    for (const p of [...this.temps.values(), ...this.backups.values(), ...extra]) rmSync(p, { force: true });
    for (const folder of new Set(this.folderOf.values())) rmSync(folder.staged, { recursive: true, force: true });
  }
}

/**
 * Write `plan` under `root`: temporary files and backup links, then renames, then removals (see the file
 * comment for failures). Every temporary file is written before the first rename; renames go in path order.
 */
export async function applyPlan(root: string, plan: WritePlan, hooks?: ApplyHooks): Promise<void> {
  const staging = new Staging(root);
  const cleared = new Set(blockers(plan));
  const watch = new InterruptWatch();
  let done = false;
  try {
    try {
      await stageAndRename(root, plan, staging, cleared, watch, hooks);
    } catch (err) {
      staging.rollBack();
      throw err;
    }
    staging.clean(true);
    removeAll(root, plan, cleared);
    done = true;
  } finally {
    await watch.stop(done);
  }
}

/** Every temporary file and backup link, then every rename; a failure or a signal throws with Staging knowing what to put back. */
async function stageAndRename(root: string, plan: WritePlan, staging: Staging, cleared: ReadonlySet<string>, watch: InterruptWatch, hooks: ApplyHooks | undefined): Promise<void> {
  const writes = [...plan.create, ...plan.update].sort();
  for (const rel of cleared) staging.clear(rel);
  const tops = newFolders(root, plan.create);
  // Folders inside staged new folders, each made once (a first run's 80,000 files sit in ~15,000 of them).
  const made = new Set<string>();
  for (const rel of writes) {
    const target = join(root, rel);
    const top = tops.get(rel);
    if (top === undefined) {
      at(root, dirname(target), () => staging.folders.ensure(dirname(target)));
      staging.temps.set(rel, join(dirname(target), tempName(basename(target))));
      continue;
    }
    let folder = staging.folderOf.get(top);
    if (!folder) staging.folderOf.set(top, (folder = { rel: top, staged: join(root, dirname(top), tempName(basename(top))), files: [] }));
    folder.files.push(rel);
    const temp = join(folder.staged, rel.slice(top.length + 1));
    if (!made.has(dirname(temp))) {
      at(root, dirname(target), () => mkdirSync(dirname(temp), { recursive: true }));
      made.add(dirname(temp));
    }
    staging.temps.set(rel, temp);
  }
  await inOrder(writes, watch, (rel) => at(root, join(root, rel), () => writeFileSync(staging.temps.get(rel)!, plan.contents.get(rel)!)));
  await inOrder(plan.update, watch, (rel) => {
    const target = join(root, rel);
    const backup = join(dirname(target), tempName(`${basename(target)}.old`));
    at(root, target, () => linkSync(target, backup));
    staging.backups.set(rel, backup);
  });
  // The hook runs before each rename, so a throw stops the renames not yet made; a new folder is one rename,
  // after the hook of each of its files.
  const units = writes.filter((rel) => !tops.has(rel) || staging.folderOf.get(tops.get(rel)!)!.files[0] === rel);
  await inOrder(units, watch, (rel) => {
    const folder = tops.has(rel) ? staging.folderOf.get(tops.get(rel)!)! : undefined;
    if (folder) return placeFolder(staging, folder, hooks);
    hooks?.beforeRename?.(rel);
    at(root, join(root, rel), () => renameSync(staging.temps.get(rel)!, join(root, rel)));
    staging.temps.delete(rel);
    staging.renamed.push(rel);
  });
}

/** Rename a new folder into place (after the hook of each of its files); its files are then in place. */
function placeFolder(staging: Staging, folder: NewFolder, hooks: ApplyHooks | undefined): void {
  for (const rel of folder.files) hooks?.beforeRename?.(rel);
  const target = join(staging.root, folder.rel);
  at(staging.root, target, () => renameSync(folder.staged, target));
  staging.placed.push(folder.rel);
  for (const rel of folder.files) staging.temps.delete(rel);
  staging.folderOf.delete(folder.rel);
}
