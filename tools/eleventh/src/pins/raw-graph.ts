/** The JSON graph-worker.ts prints: what pins need from the Nx project graph, nothing more. */

export interface RawFile {
  /** Repository-relative path. */
  readonly file: string;
  /** Targets of its file-level dependencies: project names or `npm:<pkg>` nodes. */
  readonly deps?: readonly string[];
}

export interface RawProject {
  /** Project root, repository-relative ('.' for the root project). */
  readonly root: string;
  readonly files: readonly RawFile[];
}

export interface RawExternal {
  readonly packageName: string;
  readonly version: string;
  readonly hash?: string;
}

export interface RawGraph {
  readonly projects: Readonly<Record<string, RawProject>>;
  /** `npm:<pkg>` (or `npm:<pkg>@<version>`) → locked package. */
  readonly externals: Readonly<Record<string, RawExternal>>;
}
