/**
 * .gitlab-ci.yml as an object, the same flow as the GitHub workflow. GIT_DEPTH 0 fetches full history.
 * Pushing back needs a project access token with write_repository in the CI variable ELEVENTH_PUSH_TOKEN.
 * prod runs only by hand, in the protected environment `prod` (protect it and its tags with approvers).
 */
const ZERO_SHA = '0000000000000000000000000000000000000000';

const BEFORE = [
  'npm install --no-audit --no-fund',
  'git config user.name "eleventh-bot"',
  'git config user.email "eleventh-bot@noreply.invalid"',
  'git remote set-url origin "https://oauth2:${ELEVENTH_PUSH_TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git"',
  'git fetch origin main --tags',
  'git checkout -B main origin/main',
];

function promoteJob(env: 'preprod' | 'prod', prefix: string): Record<string, unknown> {
  const manual = env === 'prod';
  return {
    stage: 'promote',
    resource_group: 'eleventh-main',
    environment: { name: env, deployment_tier: env === 'prod' ? 'production' : 'staging' },
    rules: [{ if: `$CI_COMMIT_TAG =~ /^${prefix}/`, ...(manual ? { when: 'manual' } : {}) }],
    ...(manual ? { allow_failure: false } : {}),
    script: [`npx eleventh promote --to ${env} --tag "$CI_COMMIT_TAG" --commit --push`],
  };
}

export function gitlabPipeline(): Record<string, unknown> {
  return {
    default: { image: 'node:20', before_script: BEFORE },
    variables: { GIT_DEPTH: '0', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    stages: ['recipe', 'promote'],
    recipe: {
      stage: 'recipe',
      resource_group: 'eleventh-main',
      rules: [{ if: '$CI_COMMIT_BRANCH == "main" && $CI_PIPELINE_SOURCE == "push"' }],
      script: [
        `export NX_BASE="$CI_COMMIT_BEFORE_SHA"; if [ "$NX_BASE" = "${ZERO_SHA}" ]; then export NX_BASE="$(git rev-list --max-parents=0 HEAD | tail -n 1)"; fi`,
        'export NX_HEAD="$(git rev-parse HEAD)"',
        'npx nx affected -t test build recipe',
        'npx eleventh recipe --commit --push',
        // The release matrix (tmp/report/index.html and its Markdown twin), kept with every main build.
        'npx eleventh report && npx eleventh report --format md',
      ],
      artifacts: { name: 'release-matrix', paths: ['tmp/report/'], expose_as: 'release matrix', when: 'always' },
    },
    'promote-preprod': promoteJob('preprod', 'preprod-v'),
    'promote-prod': promoteJob('prod', 'prod-v'),
  };
}
