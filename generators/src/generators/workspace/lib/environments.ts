/**
 * The four environments of a new repository as data: staging is the root and follows main; ops-staging
 * is its ops shadow (follows main too); preprod is promoted from staging, prod from preprod. Each file
 * states only its differences from the environment it extends.
 */
import type { NormalizedWorkspaceOptions } from './normalize-options';

export interface EnvironmentSpec {
  readonly name: string;
  /** Comment written above the file's content. */
  readonly comment: string;
  readonly doc: Readonly<Record<string, unknown>>;
}

export function environmentSpecs(o: NormalizedWorkspaceOptions): EnvironmentSpec[] {
  return [
    {
      name: 'staging',
      comment: ' staging: the root environment. It follows main: `eleventh recipe` updates it on every change.\n Every other environment states only its differences from the one it extends.',
      doc: {
        registry: o.registry,
        cluster: { name: 'staging', git: { url: o.gitUrl, branch: 'main' } },
        profiles: [],
        defaults: {},
      },
    },
    {
      name: 'ops-staging',
      comment: ' ops-staging: the ops shadow of staging (Kubestack ops/apps pair): platform changes land here first.\n It follows main like staging and differs only in its cluster.',
      doc: { extends: 'staging', cluster: { name: 'ops-staging' } },
    },
    {
      name: 'preprod',
      comment: ' preprod: promoted from staging by tags preprod-v* (`eleventh promote --to preprod --tag …`).',
      doc: { extends: 'staging', cluster: { name: 'preprod' }, promotion: { from: 'staging', tags: 'preprod-v*' } },
    },
    {
      name: 'prod',
      comment: ' prod: promoted from preprod by tags prod-v*, behind the protected CI environment `prod`.',
      doc: {
        extends: 'preprod',
        cluster: { name: 'prod' },
        promotion: { from: 'preprod', tags: 'prod-v*' },
        defaults: { replicas: 3 },
      },
    },
  ];
}

/** The example namespace's tenant.yaml: the root states the team, the others no differences. */
export function tenantDoc(o: NormalizedWorkspaceOptions, env: EnvironmentSpec): { comment: string; doc: object } {
  const ns = o.exampleNamespace;
  if (env.doc.extends === undefined) {
    return {
      comment: ` Namespace ${ns} in ${env.name}, the root environment: quota and network come from platform/defaults.yaml.\n Every other environment's tenant.yaml states only its differences from the one it extends.`,
      doc: { team: o.appsTeam },
    };
  }
  return {
    comment: ` Namespace ${ns} in ${env.name}: no differences from ${String(env.doc.extends)}.\n State only what differs here (team, quota, network, defaults); see environments/README.md.`,
    doc: {},
  };
}

/** The environments project: its `recipe` target runs `eleventh recipe` whenever anything relevant changed. */
export function environmentsProject(): Record<string, unknown> {
  return {
    name: 'environments',
    $schema: '../node_modules/nx/schemas/project-schema.json',
    projectType: 'application',
    tags: ['type:environments'],
    // Every service and library feeds the recipe, so any change to them makes this project affected.
    implicitDependencies: ['*'],
    targets: {
      recipe: {
        command: 'eleventh recipe',
        options: { cwd: '{workspaceRoot}' },
        inputs: [
          '{workspaceRoot}/services/**/*',
          '{workspaceRoot}/platform/**/*',
          '{workspaceRoot}/package-lock.json',
          '{projectRoot}/**/environment.yaml',
          '{projectRoot}/**/tenant.yaml',
          '{projectRoot}/**/overrides.yaml',
        ],
        cache: false,
      },
    },
  };
}
