/**
 * A temporary git repository holding a copy of this repository's example organisation — root config,
 * `platform/`, `services/`, the hand-written files under `environments/` — with `node_modules` symlinked,
 * committed once. Engine, CLI and release tests run the real `eleventh` against it.
 */
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { git } from '../git/run';
import { copyTemplate, exampleTemplate } from './example-template';
import { REPO_ROOT } from './fixture';

const ROOT_FILES = ['package.json', 'package-lock.json', 'nx.json', 'tsconfig.base.json', 'tsconfig.json', '.nxignore', '.gitignore'];
const HAND_WRITTEN = new Set(['environment.yaml', 'tenant.yaml', 'overrides.yaml', 'project.json', 'README.md']);

export interface ExampleRepo {
  readonly root: string;
  readonly initial: string;
  cleanup(): void;
}

function copyHandWritten(from: string, to: string): void {
  for (const name of readdirSync(from)) {
    const abs = join(from, name);
    if (statSync(abs).isDirectory()) {
      if (!name.startsWith('_')) copyHandWritten(abs, join(to, name));
    } else if (HAND_WRITTEN.has(name)) {
      cpSync(abs, join(to, name));
    }
  }
}

const skip = (src: string): boolean => !/[/\\](node_modules|\.nx|tmp)([/\\]|$)/.test(relative(REPO_ROOT, src));

/** A prepared repository of this run (example-template.ts), copied: `initial` is its first commit. */
function fromTemplate(template: string, prefix: string): ExampleRepo {
  const root = copyTemplate(template, prefix);
  const initial = git(['rev-list', '--max-parents=0', 'HEAD'], { cwd: root }).stdout.trim();
  return { root, initial, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export function createExampleRepo(prefix = 'eleventh-example-'): ExampleRepo {
  const template = exampleTemplate('example');
  if (template) return fromTemplate(template, prefix);
  const root = mkdtempSync(join(tmpdir(), prefix));
  for (const f of ROOT_FILES) if (existsSync(join(REPO_ROOT, f))) cpSync(join(REPO_ROOT, f), join(root, f));
  cpSync(join(REPO_ROOT, 'platform'), join(root, 'platform'), { recursive: true, filter: skip });
  cpSync(join(REPO_ROOT, 'services'), join(root, 'services'), { recursive: true, filter: skip });
  copyHandWritten(join(REPO_ROOT, 'environments'), join(root, 'environments'));
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
  // `node_modules/` in .gitignore does not match a symlink: keep the link out of the commits.
  appendFileSync(join(root, '.gitignore'), '/node_modules\n');
  git(['init', '--quiet', '--initial-branch=main'], { cwd: root });
  for (const [k, v] of [['user.name', 'Example'], ['user.email', 'example@example.com'], ['commit.gpgsign', 'false']]) git(['config', k, v], { cwd: root });
  git(['add', '--all'], { cwd: root });
  git(['commit', '--quiet', '-m', 'example organisation'], { cwd: root, env: { GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' } });
  const initial = git(['rev-parse', 'HEAD'], { cwd: root }).stdout.trim();
  return { root, initial, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

export const CLI = join(REPO_ROOT, 'tools', 'eleventh', 'bin', 'eleventh.js');

export interface CliResult {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run the real `eleventh` command in `cwd`. */
export function runEleventh(cwd: string, args: readonly string[], env: Readonly<Record<string, string>> = {}): CliResult {
  const res = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...env }, maxBuffer: 256 * 1024 * 1024 });
  return { status: res.status ?? -1, stdout: res.stdout, stderr: res.stderr };
}

/** Whether `kubectl` is on PATH (kustomize assertions are skipped, with a note, where it is not). */
export function hasKubectl(): boolean {
  return spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' }).status === 0;
}

/** The example repository after a first `eleventh recipe`, committed: where most engine and release specs start. */
export function createRecipedRepo(prefix = 'eleventh-reciped-'): ExampleRepo & { recipeCommit: string } {
  const template = exampleTemplate('reciped');
  if (template) {
    const copy = fromTemplate(template, prefix);
    return { ...copy, recipeCommit: git(['rev-parse', 'HEAD'], { cwd: copy.root }).stdout.trim() };
  }
  const repo = createExampleRepo(prefix);
  const res = runEleventh(repo.root, ['recipe']);
  if (res.status !== 0) throw new Error(`eleventh recipe failed in ${repo.root}:\n${res.stderr}`);
  git(['add', '--all'], { cwd: repo.root });
  git(['commit', '--quiet', '-m', 'eleventh recipe'], { cwd: repo.root });
  return { ...repo, recipeCommit: git(['rev-parse', 'HEAD'], { cwd: repo.root }).stdout.trim() };
}
