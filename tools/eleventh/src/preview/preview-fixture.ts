/** Test helpers for preview specs: one example repository with committed recipes, reset between tests. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { git, gitText } from '../git/run';
import { forgetKit } from '../load/kit';
import { unregisterSourceRoot } from '../load/source-root';
import type { EnvironmentPreview, PreviewResult, UnitChange } from './model';

/**
 * Back to the recipe commit on main: tracked edits undone, untracked files and extra branches gone, and the
 * kit and deploy.ts modules an in-process preview loaded dropped (the next test's files differ).
 */
export function resetRepo(root: string, commit: string): void {
  forgetKit(root);
  unregisterSourceRoot(root);
  git(['checkout', '--quiet', '-f', 'main'], { cwd: root });
  git(['reset', '--quiet', '--hard', commit], { cwd: root });
  git(['clean', '--quiet', '-fd'], { cwd: root });
  for (const branch of gitText(['for-each-ref', '--format=%(refname)', 'refs/heads', 'refs/remotes'], { cwd: root }).split('\n').filter(Boolean)) {
    if (branch !== 'refs/heads/main') git(['update-ref', '-d', branch], { cwd: root });
  }
}

/** Replace `from` by `to` in a repository file (the text must change). */
export function edit(root: string, rel: string, from: string | RegExp, to: string): void {
  const abs = join(root, rel);
  const before = readFileSync(abs, 'utf8');
  const after = before.replace(from, to);
  expect(after, `${rel}: '${String(from)}' not found`).not.toBe(before);
  writeFileSync(abs, after);
}

export function env(p: PreviewResult, name: string): EnvironmentPreview {
  const e = p.environments.find((x) => x.environment === name);
  if (!e) expect.fail(`no environment ${name} in the preview (have ${p.environments.map((x) => x.environment).join(', ')})`);
  return e;
}

/** The changed lines (`-…`/`+…`) of one file's diff in a unit. */
export function changedLines(unit: UnitChange, path: string): string[] {
  const start = unit.diff.indexOf(`--- a/${path}`);
  expect(start, `${path} not in the diff of ${unit.name}`).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (const line of unit.diff.slice(start + 2)) {
    if (line.startsWith('--- ')) break;
    if (/^[-+]/.test(line)) out.push(line);
  }
  return out;
}

/** What "nothing written" is checked against: git status, refs, the index's bytes and every file's bytes. */
export function stateOf(root: string): { status: string; refs: string; index: string; tree: string } {
  const h = createHash('sha256');
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const r = rel ? `${rel}/${name}` : name;
      if (r === '.git' || r === '.nx' || r === 'node_modules') continue;
      const st = statSync(join(root, r));
      if (st.isDirectory()) walk(r);
      else h.update(r).update('\0').update(`${st.mtimeMs}`).update('\0').update(readFileSync(join(root, r))).update('\0');
    }
  };
  walk('');
  const index = createHash('sha256').update(readFileSync(join(root, '.git', 'index'))).digest('hex');
  // The check itself must not refresh the index (a plain `git status` may rewrite it).
  const opts = { cwd: root, env: { GIT_OPTIONAL_LOCKS: '0' } };
  return {
    status: gitText(['status', '--porcelain', '--untracked-files=all'], opts),
    refs: gitText(['for-each-ref', '--format=%(refname) %(objectname)'], opts) + gitText(['rev-parse', 'HEAD'], opts),
    index,
    tree: h.digest('hex'),
  };
}
