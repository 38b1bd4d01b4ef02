/** .gitlab-ci.yml as an object: the same flow as the GitHub workflow. */
import { TERRAFORM_VERSION } from './github-workflow';

const tf = (cluster: string, ...args: string[]) => `terraform -chdir=clusters/${cluster} ${args.join(' ')}`;
const init = (cluster: string) => tf(cluster, 'init', '-input=false');

export function gitlabPipeline(): Record<string, unknown> {
  return {
    default: { image: { name: `hashicorp/terraform:${TERRAFORM_VERSION}`, entrypoint: [''] } },
    variables: { TF_IN_AUTOMATION: 'true' },
    stages: ['plan', 'apply'],
    'plan-ops': {
      stage: 'plan',
      rules: [{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }],
      script: [init('ops'), tf('ops', 'plan', '-input=false', '-lock=false')],
    },
    'apply-ops': {
      stage: 'apply',
      resource_group: 'terraform-ops',
      environment: { name: 'ops' },
      rules: [{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE == "push"' }],
      script: [init('ops'), tf('ops', 'apply', '-input=false', '-auto-approve')],
    },
    'plan-apps': {
      stage: 'plan',
      rules: [{ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_PIPELINE_SOURCE == "push"' }, { if: '$CI_COMMIT_TAG =~ /^apps-v/' }],
      script: [init('apps'), tf('apps', 'plan', '-input=false', '-lock=false', '-out=tfplan')],
      artifacts: { paths: ['clusters/apps/tfplan'], expire_in: '1 week' },
    },
    'apply-apps': {
      stage: 'apply',
      resource_group: 'terraform-apps',
      // Protect the environment `apps` and the tags apps-v* (Settings → CI/CD → Protected environments).
      environment: { name: 'apps', deployment_tier: 'production' },
      rules: [{ if: '$CI_COMMIT_TAG =~ /^apps-v/' }],
      needs: ['plan-apps'],
      script: [init('apps'), tf('apps', 'apply', '-input=false', 'tfplan')],
    },
  };
}
