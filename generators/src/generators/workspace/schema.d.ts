export interface WorkspaceGeneratorSchema {
  /** Repository (and npm package) name, a DNS-1123 label. */
  name: string;
  /** Image registry prefix. @default registry.example.com/<name> */
  registry?: string;
  /** Clone URL Flux reads. @default https://git.example.com/<name>.git */
  gitUrl?: string;
  /** @default 'platform-team' */
  platformTeam?: string;
  /** @default 'app-developers' */
  appsTeam?: string;
  /** Depend on vendor/*.tgz (packed by `eleventh new`). @default false */
  vendor?: boolean;
  /** @default false */
  skipFormat?: boolean;
}
