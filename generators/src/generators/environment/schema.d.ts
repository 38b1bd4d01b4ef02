/** How the environment gets its releases. */
export type ReleaseMode = 'follows-main' | 'promoted' | 'mirror';

export interface EnvironmentGeneratorSchema {
  /** The environment (DNS-1123 label). */
  name: string;
  /** An existing environment; omitted only for the root. */
  extends?: string;
  /** @default mirror when extending a promoted environment, else follows-main */
  mode?: ReleaseMode;
  /** Mirror this promoted environment (implies mode mirror). */
  mirrorOf?: string;
  /** Ops shadow of this environment (implies extends). */
  opsFor?: string;
  /** Promote from this environment (implies mode promoted). @default extends, with mode promoted */
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
