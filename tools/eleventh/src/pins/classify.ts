/**
 * Maps a changed path to the services it is an image input of, by the path alone (so it also works for
 * files that no longer exist): the owning project is the one with the longest root containing the path,
 * and the file must be an image input of that project (production, not a service's deploy.ts).
 */
import type { GraphInputs, ServiceInputs } from './inputs';
import { isImageInputFile, relativeTo } from './production';

export class PathClassifier {
  /** Project root → project name, for every project. */
  private readonly byRoot = new Map<string, string>();
  /** Project name → the services (among those asked about) whose inputs include it. */
  private readonly users = new Map<string, string[]>();

  constructor(private readonly graph: GraphInputs, services: readonly ServiceInputs[]) {
    for (const [name, root] of graph.roots) this.byRoot.set(root === '' ? '.' : root, name);
    for (const service of services) {
      for (const project of service.projects) {
        const list = this.users.get(project) ?? [];
        list.push(service.name);
        this.users.set(project, list);
      }
    }
  }

  /** The project owning `path` (deepest root that contains it), if any. */
  owner(path: string): { name: string; root: string } | undefined {
    let dir = path;
    for (;;) {
      const slash = dir.lastIndexOf('/');
      if (slash < 0) break;
      dir = dir.slice(0, slash);
      const name = this.byRoot.get(dir);
      if (name !== undefined) return { name, root: dir };
    }
    const rootProject = this.byRoot.get('.');
    return rootProject === undefined ? undefined : { name: rootProject, root: '.' };
  }

  /** The services (among those asked about) whose image inputs include `path`. */
  servicesOf(path: string): readonly string[] {
    const owner = this.owner(path);
    if (!owner) return [];
    const users = this.users.get(owner.name);
    if (!users) return [];
    const relative = relativeTo(owner.root, path);
    return isImageInputFile(relative, this.graph.serviceProjects.has(owner.name)) ? users : [];
  }

  /** Roots of the projects the asked-about services include. */
  roots(): string[] {
    return [...this.users.keys()].map((p) => this.graph.roots.get(p) ?? '.').sort();
  }
}

/** Beyond this many paths, pathspecs collapse to their top-level folders (git matches each against each). */
const MAX_PATHSPECS = 64;

/** What a history walk asks git for: pathspecs, and the paths of git's output to keep (all when absent). */
export interface WalkPaths {
  readonly specs: readonly string[];
  readonly keep?: (path: string) => boolean;
}

/**
 * The walk's selection of `paths`: pathspecs while they are few; beyond that, no pathspec at all and a filter
 * on the top-level folders in this process. git tests every entry of every tree it compares against each
 * pathspec, even a single folder's, and a 5,000-service `services/` tree made that 2.5 times the cost of the
 * whole tree diff (issue 12); the output is the same paths either way.
 */
export function walkPaths(paths: readonly string[]): WalkPaths {
  const specs = pathspecs(paths);
  if (specs.length === 0 || new Set(paths).size <= MAX_PATHSPECS) return { specs };
  const top = new Set(specs);
  return { specs: [], keep: (path) => top.has(path.split('/', 1)[0]) };
}

/**
 * Pathspecs covering `paths`: the paths themselves when few, their distinct first segments when many;
 * none (the whole tree) when one of them is the repository root.
 */
export function pathspecs(paths: readonly string[]): string[] {
  if (paths.some((p) => p === '.' || p === '')) return [];
  const unique = [...new Set(paths)].sort();
  if (unique.length <= MAX_PATHSPECS) return unique;
  return [...new Set(unique.map((p) => p.split('/')[0]))].sort();
}
