/**
 * From the raw Nx graph to each service's image inputs: its production files other than deploy.ts, the
 * production files of every project its runtime code depends on (transitively, following only the
 * file-level dependencies of production files), and the locked external packages that code imports.
 */
import type { RawGraph, RawProject } from './raw-graph';
import { DEPLOY_FILE, isImageInputFile, relativeTo } from './production';
import { templateClassOf, type TemplateClass } from './template-class';

export interface ExternalPackage {
  readonly name: string;
  readonly version: string;
}

export interface ServiceInputs {
  /** The service (Nx project) name, equal to its folder under services/. */
  readonly name: string;
  /** Project root, e.g. `services/payments-api`. */
  readonly root: string;
  /** Repository-relative image-input files, sorted. */
  readonly files: readonly string[];
  /** The service's own project and every project its runtime code depends on, sorted. */
  readonly projects: readonly string[];
  /** Locked external packages its runtime code imports, sorted by name then version. */
  readonly externals: ReadonlyArray<ExternalPackage>;
  /** The template class (by the marker file in its root): chooses its base image and how its image is built. */
  readonly template: TemplateClass;
}

/** Everything the pin computation needs from the graph. */
export interface GraphInputs {
  /** Sorted by name. */
  readonly services: readonly ServiceInputs[];
  /** Every project (not only services' dependencies) → root: classifies paths to their owning project. */
  readonly roots: ReadonlyMap<string, string>;
  /** Names of the projects that are services. */
  readonly serviceProjects: ReadonlySet<string>;
}

const SERVICE_ROOT = /^services\/[^/]+$/;

export function isServiceProject(project: RawProject): boolean {
  return SERVICE_ROOT.test(project.root) && project.files.some((f) => f.file === `${project.root}/${DEPLOY_FILE}`);
}

interface Closure {
  readonly projects: Set<string>;
  readonly npm: Set<string>;
  readonly files: string[];
}

function closureOf(graph: RawGraph, start: string, services: ReadonlySet<string>): Closure {
  const closure: Closure = { projects: new Set([start]), npm: new Set(), files: [] };
  const queue = [start];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    const project = graph.projects[name];
    if (!project) continue;
    for (const f of project.files) {
      if (!isImageInputFile(relativeTo(project.root, f.file), services.has(name))) continue;
      closure.files.push(f.file);
      for (const dep of f.deps ?? []) {
        if (dep.startsWith('npm:')) closure.npm.add(dep);
        else if (!closure.projects.has(dep) && graph.projects[dep]) {
          closure.projects.add(dep);
          queue.push(dep);
        }
      }
    }
  }
  return closure;
}

function externalsOf(graph: RawGraph, npm: ReadonlySet<string>): ExternalPackage[] {
  const seen = new Map<string, ExternalPackage>();
  for (const node of npm) {
    const ext = graph.externals[node];
    const pkg = ext ? { name: ext.packageName, version: ext.version } : { name: node.slice(4), version: 'unlocked' };
    seen.set(`${pkg.name}@${pkg.version}`, pkg);
  }
  return [...seen.values()].sort((a, b) => compare(a.name, b.name) || compare(a.version, b.version));
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Image inputs of every service in the graph, sorted by name. */
export function graphInputs(graph: RawGraph): GraphInputs {
  const roots = new Map<string, string>();
  const serviceProjects = new Set<string>();
  for (const [name, project] of Object.entries(graph.projects)) {
    roots.set(name, project.root);
    if (isServiceProject(project)) serviceProjects.add(name);
  }
  const services = [...serviceProjects].sort(compare).map((name): ServiceInputs => {
    const closure = closureOf(graph, name, serviceProjects);
    return {
      name,
      root: graph.projects[name].root,
      files: closure.files.sort(compare),
      projects: [...closure.projects].sort(compare),
      externals: externalsOf(graph, closure.npm),
      template: templateClassOf(graph.projects[name].root, graph.projects[name].files.map((f) => f.file)),
    };
  });
  return { services, roots, serviceProjects };
}
