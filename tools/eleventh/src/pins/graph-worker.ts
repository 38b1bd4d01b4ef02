/**
 * Child process: builds the Nx project graph of the workspace in `process.cwd()` and prints, as JSON on
 * stdout, what pins need: every project's root and files with their file-level dependencies, and the
 * external npm nodes' versions. Nx fixes its workspace root from the cwd at import time, so this runs in
 * its own process (see graph.ts). Exit 0 on success; on failure the message goes to stderr, exit 1.
 */
import type { RawExternal, RawGraph, RawProject } from './raw-graph';

type Dep = string | [string, string] | [string, string, string];

/** The target of a file-level dependency as Nx stores it (string, [target, type] or [source, target, type]). */
function depTarget(dep: Dep): string {
  if (typeof dep === 'string') return dep;
  return dep.length === 3 ? dep[1] : dep[0];
}

/** Nx may log: keep stdout for the JSON alone. */
function quietStdout(): void {
  const toStderr = (...args: unknown[]): void => void process.stderr.write(`${args.map(String).join(' ')}\n`);
  console.log = toStderr;
  console.info = toStderr;
  console.warn = toStderr;
}

async function main(): Promise<void> {
  quietStdout();
  const { createProjectGraphAsync } = await import('@nx/devkit');
  const { readFileMapCache } = await import('nx/src/devkit-internals');
  const graph = await createProjectGraphAsync({ exitOnError: false });
  const cache = readFileMapCache();
  if (!cache) throw new Error('Nx wrote no file map cache after building the project graph');
  const fileMap = cache.fileMap.projectFileMap;
  const projects: Record<string, RawProject> = {};
  for (const [name, node] of Object.entries(graph.nodes)) {
    const files = (fileMap[name] ?? []).map((f) => {
      const deps = [...new Set((f.deps ?? []).map((d) => depTarget(d as Dep)))].sort();
      return deps.length > 0 ? { file: f.file, deps } : { file: f.file };
    });
    projects[name] = { root: node.data.root, files };
  }
  const externals: Record<string, RawExternal> = {};
  for (const [name, node] of Object.entries(graph.externalNodes ?? {})) {
    externals[name] = { packageName: node.data.packageName, version: node.data.version, hash: node.data.hash };
  }
  const out: RawGraph = { projects, externals };
  process.stdout.write(JSON.stringify(out));
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
