export interface EnvironmentGeneratorSchema {
  /** The environment (DNS-1123 label). */
  name: string;
  /** An existing environment; omitted only for the root. */
  extends?: string;
  /** Ops shadow of this environment (implies extends). */
  opsFor?: string;
  promoteFrom?: string;
  /** @default '<name>-v*' */
  tagPattern?: string;
  /** @default name */
  clusterName?: string;
  gitUrl?: string;
  gitBranch?: string;
  registry?: string;
  skipFormat?: boolean;
}
