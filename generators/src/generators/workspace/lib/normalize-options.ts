/** Defaults and checks for the workspace generator: everything is decided before the first write. */
import type { Tree } from '@nx/devkit';
import { GIT_URL_EXPECTED, gitUrlProblem, REGISTRY_EXPECTED, registryProblem } from '@eleventh/platform';
import { GeneratorError, nameProblem } from '../../../utils';
import type { WorkspaceGeneratorSchema } from '../schema';
import { eleventhVersion } from './versions';

export interface NormalizedWorkspaceOptions {
  readonly name: string;
  readonly registry: string;
  readonly gitUrl: string;
  readonly platformTeam: string;
  readonly appsTeam: string;
  readonly vendor: boolean;
  readonly skipFormat: boolean;
  /** Version of the Eleventh packages the repository depends on. */
  readonly eleventhVersion: string;
  /** The example namespace and service. */
  readonly exampleNamespace: 'apps';
  readonly exampleService: 'hello-api';
}

/** Files whose presence means a workspace is already here: the generator never runs twice. */
export const WORKSPACE_MARKERS = ['nx.json', 'package.json', 'environments'] as const;

const TEAM = /^@?[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)?$/;

function checkTeam(key: string, team: string): string {
  if (!TEAM.test(team)) {
    throw new GeneratorError('CODEOWNERS', `--${key} ${JSON.stringify(team)} is not a team`, 'a team or group, e.g. acme/platform-team');
  }
  return team.replace(/^@/, '');
}

/** `--registry` and `--gitUrl` by the engine's rules (@eleventh/platform refs): what environment.yaml may say. */
function checkReference(flag: string, value: string, problem: (v: string) => string | undefined, what: string, expected: string): string {
  const why = problem(value);
  if (why !== undefined) throw new GeneratorError('environments/staging/environment.yaml', `--${flag} '${value}' is not ${what}: it ${why}`, expected);
  return value;
}

export function normalizeOptions(tree: Tree, options: WorkspaceGeneratorSchema): NormalizedWorkspaceOptions {
  const existing = WORKSPACE_MARKERS.find((path) => tree.exists(path));
  if (existing) {
    throw new GeneratorError(existing, 'a workspace already exists here', 'an empty directory (`eleventh new DIR`)');
  }
  const problem = nameProblem('service', options.name);
  if (problem) throw new GeneratorError('package.json', problem.replace(/^service name/, 'repository name'));
  const name = options.name;
  return {
    name,
    registry: checkReference('registry', options.registry ?? `registry.example.com/${name}`, registryProblem, 'a registry reference', REGISTRY_EXPECTED),
    gitUrl: checkReference('gitUrl', options.gitUrl ?? `https://git.example.com/${name}.git`, gitUrlProblem, 'a git URL Flux can pull', GIT_URL_EXPECTED),
    platformTeam: checkTeam('platformTeam', options.platformTeam ?? 'platform-team'),
    appsTeam: checkTeam('appsTeam', options.appsTeam ?? 'app-developers'),
    vendor: options.vendor ?? false,
    skipFormat: options.skipFormat ?? false,
    eleventhVersion: eleventhVersion(),
    exampleNamespace: 'apps',
    exampleService: 'hello-api',
  };
}
