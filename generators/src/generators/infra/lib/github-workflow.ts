/**
 * .github/workflows/infra.yml as an object: pull request → plan ops; merge to main → apply ops and plan
 * apps; tag apps-v* → plan and apply apps in the protected environment `apps`.
 */
export const TERRAFORM_VERSION = '1.9.8';

type Step = Record<string, unknown>;

function tf(cluster: string, ...args: string[]): Step {
  return { name: `terraform ${args[0]} (${cluster})`, run: `terraform -chdir=clusters/${cluster} ${args.join(' ')}` };
}

function setup(): Step[] {
  return [
    { uses: 'actions/checkout@v4' },
    { uses: 'hashicorp/setup-terraform@v3', with: { terraform_version: TERRAFORM_VERSION } },
    // Cloud credentials: e.g. google-github-actions/auth with workload identity, configured per environment.
  ];
}

export function githubWorkflow(): Record<string, unknown> {
  const init = (cluster: string) => tf(cluster, 'init', '-input=false');
  return {
    name: 'infra',
    on: { pull_request: { branches: ['main'] }, push: { branches: ['main'], tags: ['apps-v*'] } },
    permissions: { contents: 'read', 'id-token': 'write' },
    env: { TF_IN_AUTOMATION: 'true' },
    jobs: {
      'plan-ops': {
        if: "github.event_name == 'pull_request'",
        'runs-on': 'ubuntu-latest',
        steps: [...setup(), init('ops'), tf('ops', 'plan', '-input=false', '-lock=false')],
      },
      'apply-ops': {
        if: "github.event_name == 'push' && github.ref == 'refs/heads/main'",
        'runs-on': 'ubuntu-latest',
        environment: 'ops',
        concurrency: { group: 'terraform-ops', 'cancel-in-progress': false },
        steps: [...setup(), init('ops'), tf('ops', 'apply', '-input=false', '-auto-approve'), init('apps'), tf('apps', 'plan', '-input=false', '-lock=false')],
      },
      'apply-apps': {
        if: "startsWith(github.ref, 'refs/tags/apps-v')",
        'runs-on': 'ubuntu-latest',
        // Protected: required reviewers under Settings → Environments.
        environment: 'apps',
        concurrency: { group: 'terraform-apps', 'cancel-in-progress': false },
        steps: [...setup(), init('apps'), tf('apps', 'plan', '-input=false', '-out=tfplan'), tf('apps', 'apply', '-input=false', 'tfplan')],
      },
    },
  };
}
