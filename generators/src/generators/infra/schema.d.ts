export interface InfraGeneratorSchema {
  /** Directory of the new repository, relative to the workspace root. */
  directory: string;
  /** Cluster name prefix. @default the directory's base name */
  name?: string;
  /** @default 'europe-west1' */
  region?: string;
  /** Skip `git init` and the first commit. @default false */
  skipGit?: boolean;
}
