import { CI_IMAGE, IMAGE_COMMANDS, loginScript, registryHost, toolchainsScript } from './ci-images';
import { gitlabNoteScript } from './preview-comment';

/**
 * .gitlab-ci.yml as an object, the same flow as the GitHub workflow. GIT_DEPTH 0 fetches full history.
 * Pushing back needs a project access token with write_repository in the CI variable ELEVENTH_PUSH_TOKEN.
 * prod runs only by hand, in the protected environment `prod` (protect it and its tags with approvers).
 * Merge requests: `eleventh preview` posted as one note, with a project access token (scope `api`) in
 * ELEVENTH_PREVIEW_TOKEN, and the images of what changed built (nothing pushed).
 * Images: the jobs that build them run in Debian 12 (buildah from Debian) on a privileged runner; they log in
 * with REGISTRY_USERNAME/REGISTRY_PASSWORD, which default to GitLab's own CI_REGISTRY_USER/CI_REGISTRY_PASSWORD
 * (the job token) and are overridden by CI/CD variables of the same names for another registry.
 */
export interface GitlabPipelineOptions {
  /** The environments' `registry` (`host/path`): the host the image jobs log in to. */
  readonly registry: string;
}
const ZERO_SHA = '0000000000000000000000000000000000000000';

const BEFORE = [
  'npm install --no-audit --no-fund',
  'git config user.name "eleventh-bot"',
  'git config user.email "eleventh-bot@noreply.invalid"',
  'git remote set-url origin "https://oauth2:${ELEVENTH_PUSH_TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git"',
  'git fetch origin main --tags',
  'git checkout -B main origin/main',
];

/** The variables of a job that logs in to the registry; CI/CD variables of the same names win. */
function registryVariables(registry: string): Record<string, string> {
  return { REGISTRY_HOST: registryHost(registry), REGISTRY_USERNAME: '$CI_REGISTRY_USER', REGISTRY_PASSWORD: '$CI_REGISTRY_PASSWORD' };
}

/** Merge request: the images of what the change touched, against its diff base; nothing pushed. */
function imagesJob(registry: string): Record<string, unknown> {
  return {
    stage: 'preview',
    image: CI_IMAGE,
    rules: [{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }],
    variables: registryVariables(registry),
    before_script: ['npm install --no-audit --no-fund', toolchainsScript()],
    script: [loginScript(false), `${IMAGE_COMMANDS.build} --base="$CI_MERGE_REQUEST_DIFF_BASE_SHA" --head=HEAD`],
  };
}

/** main: test, build, push the missing images, then the recipe with their digests, then verify them. */
function recipeJob(registry: string): Record<string, unknown> {
  return {
    stage: 'recipe',
    image: CI_IMAGE,
    resource_group: 'eleventh-main',
    rules: [{ if: '$CI_COMMIT_BRANCH == "main" && $CI_PIPELINE_SOURCE == "push"' }],
    variables: registryVariables(registry),
    before_script: [...BEFORE, toolchainsScript()],
    script: [
      `export NX_BASE="$CI_COMMIT_BEFORE_SHA"; if [ "$NX_BASE" = "${ZERO_SHA}" ]; then export NX_BASE="$(git rev-list --max-parents=0 HEAD | tail -n 1)"; fi`,
      'export NX_HEAD="$(git rev-parse HEAD)"',
      'npx nx affected -t test build',
      loginScript(true),
      IMAGE_COMMANDS.push,
      IMAGE_COMMANDS.recipe,
      IMAGE_COMMANDS.verify,
      // The release matrix (tmp/report/index.html and its Markdown twin), kept with every main build.
      'npx eleventh report && npx eleventh report --format md',
    ],
    artifacts: { name: 'release-matrix', paths: ['tmp/report/'], expose_as: 'release matrix', when: 'always' },
  };
}

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

export function gitlabPipeline(o: GitlabPipelineOptions): Record<string, unknown> {
  return {
    default: { image: 'node:20', before_script: BEFORE },
    variables: { GIT_DEPTH: '0', NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    stages: ['preview', 'recipe', 'promote'],
    preview: previewJob(),
    images: imagesJob(o.registry),
    recipe: recipeJob(o.registry),
    'promote-preprod': promoteJob('preprod', 'preprod-v'),
    'promote-prod': promoteJob('prod', 'prod-v'),
  };
}
