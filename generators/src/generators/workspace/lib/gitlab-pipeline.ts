import { gitlabNoteScript } from './preview-comment';

/**
 * .gitlab-ci.yml as an object, the same flow as the GitHub workflow. GIT_DEPTH 0 fetches full history.
 * Pushing back needs a project access token with write_repository in the CI variable ELEVENTH_PUSH_TOKEN.
 * prod runs only by hand, in the protected environment `prod` (protect it and its tags with approvers).
 * Merge requests: `eleventh preview` posted as one note, with a project access token (scope `api`) in
 * ELEVENTH_PREVIEW_TOKEN.
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

/**
 * What the merge request would change once merged, as one note kept up to date. It compares with the
 * merge request's diff base (the merge-base with its target branch) and writes outside the work tree it
 * previews; the note is posted even when the preview exits 1 (policies), and the job then fails.
 */
function previewJob(): Record<string, unknown> {
  return {
    stage: 'preview',
    rules: [{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }],
    before_script: ['npm install --no-audit --no-fund'],
    // expand: false — GitLab would otherwise expand the script's own `${…}` as CI variables.
    variables: { PREVIEW_FILE: '/tmp/eleventh-preview.md', PREVIEW_NOTE_JS: { value: gitlabNoteScript(), expand: false } },
    script: [
      'status=0; npx eleventh preview --base "$CI_MERGE_REQUEST_DIFF_BASE_SHA" --format md > "$PREVIEW_FILE" || status=$?',
      'node -e "$PREVIEW_NOTE_JS"',
      'exit "$status"',
    ],
  };
}

export function gitlabPipeline(): Record<string, unknown> {
  return {
    default: { image: 'node:20', before_script: BEFORE },
    variables: { GIT_DEPTH: '0', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    stages: ['preview', 'recipe', 'promote'],
    preview: previewJob(),
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
