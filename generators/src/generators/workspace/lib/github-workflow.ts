import { CI_IMAGE, IMAGE_COMMANDS, loginScript, registryHost, toolchainsScript } from './ci-images';
import { githubCommentScript } from './preview-comment';

/**
 * .github/workflows/eleventh.yml as an object. Pull request: `eleventh preview` posted as one comment, and the
 * images of what changed built (nothing pushed). Push to main: test and build what is affected (full history,
 * so pins can be computed), log in to the registry, push the image of every pin it lacks, commit the recipe
 * with the images' digests (refusing a pin whose image is missing), verify the images, keep the report page
 * as an artifact. Tag preprod-v*: promote to preprod. Tag prod-v*: promote to prod behind the protected
 * environment `prod` (required reviewers).
 */
const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const BOT = 'git config user.name "eleventh-bot" && git config user.email "eleventh-bot@users.noreply.github.com"';

type Step = Record<string, unknown>;

export interface GithubWorkflowOptions {
  /** The environments' `registry` (`host/path`): the host the image jobs log in to. */
  readonly registry: string;
}

function setupSteps(): Step[] {
  // The branch itself (not a detached commit): recipe and promote commit onto main and push it.
  const ref = 'main';
  return [
    { uses: 'actions/checkout@v4', with: { 'fetch-depth': 0, ref } },
    { uses: 'actions/setup-node@v4', with: { 'node-version': 20, cache: 'npm' } },
    { run: 'npm install --no-audit --no-fund' },
    { run: BOT },
  ];
}

/**
 * The jobs that build images run in Debian 12 as root, where buildah comes from Debian: GitHub's Ubuntu 24.04
 * runners refuse the user namespaces a rootless buildah needs. --privileged as in this repository's own
 * integration job; on a GitHub-hosted runner the job already has root on its VM through sudo.
 */
const CONTAINER = { image: CI_IMAGE, options: '--privileged' };

function containerSetup(ref: string): Step[] {
  return [
    { uses: 'actions/checkout@v4', with: { 'fetch-depth': 0, ref } },
    { name: 'git in the container', run: 'git config --global --add safe.directory "$GITHUB_WORKSPACE"' },
    { run: 'npm install --no-audit --no-fund' },
    { name: 'buildah and the service toolchains', run: toolchainsScript() },
    // NX_BASE/NX_HEAD: the last commit this workflow succeeded on (a pull request: its merge-base), and this one.
    { uses: 'nrwl/nx-set-shas@v4' },
  ];
}

/** ghcr.io takes the workflow's own token (permission packages); any other registry two repository secrets. */
function credentials(host: string): { env: Record<string, string>; packages: boolean } {
  if (host === 'ghcr.io') return { env: { REGISTRY_USERNAME: '${{ github.actor }}', REGISTRY_PASSWORD: '${{ secrets.GITHUB_TOKEN }}' }, packages: true };
  return { env: { REGISTRY_USERNAME: '${{ secrets.REGISTRY_USERNAME }}', REGISTRY_PASSWORD: '${{ secrets.REGISTRY_PASSWORD }}' }, packages: false };
}

function loginStep(host: string, required: boolean): Step {
  return { name: `log in to ${host}`, env: credentials(host).env, run: loginScript(required) };
}

/** Pull request: the images of what the change touched, built from the branch's own commits, nothing pushed. */
export function imagesJob(registry: string): Record<string, unknown> {
  const host = registryHost(registry);
  return {
    if: "github.event_name == 'pull_request'",
    'runs-on': 'ubuntu-latest',
    container: CONTAINER,
    permissions: { contents: 'read', ...(credentials(host).packages ? { packages: 'read' } : {}) },
    env: { ...NX_ENV, REGISTRY_HOST: host },
    steps: [
      ...containerSetup('${{ github.event.pull_request.head.sha }}'),
      loginStep(host, false),
      { name: 'build the images of what changed (nothing is pushed)', run: IMAGE_COMMANDS.build },
    ],
  };
}

/** main: test, build, push the missing images, then the recipe with their digests, then verify them. */
export function recipeJob(registry: string): Record<string, unknown> {
  const host = registryHost(registry);
  return {
    if: "github.ref == 'refs/heads/main'",
    'runs-on': 'ubuntu-latest',
    container: CONTAINER,
    ...(credentials(host).packages ? { permissions: { contents: 'write', packages: 'write' } } : {}),
    concurrency: { group: 'eleventh-main', 'cancel-in-progress': false },
    env: { ...NX_ENV, REGISTRY_HOST: host },
    steps: [
      ...containerSetup('main'),
      { run: BOT },
      { run: 'npx nx affected -t test build' },
      loginStep(host, true),
      { name: 'build and push the image of every pin the registry lacks', run: IMAGE_COMMANDS.push },
      { name: 'commit the recipe with the digests of the pushed images', run: IMAGE_COMMANDS.recipe },
      { name: 'verify, and every pinned image against its registry', run: IMAGE_COMMANDS.verify },
      // The release matrix (tmp/report/index.html and its Markdown twin), kept with every main build.
      { run: 'npx eleventh report && npx eleventh report --format md' },
      { uses: 'actions/upload-artifact@v4', with: { name: 'release-matrix', path: 'tmp/report/' } },
    ],
  };
}

function promoteJob(env: 'preprod' | 'prod', prefix: string): Record<string, unknown> {
  return {
    if: `startsWith(github.ref, 'refs/tags/${prefix}')`,
    'runs-on': 'ubuntu-latest',
    // A protected environment: configure required reviewers under Settings → Environments.
    environment: env,
    concurrency: { group: 'eleventh-main', 'cancel-in-progress': false },
    steps: [
      // Promotion renders from the tag's sources but commits onto main.
      ...setupSteps(),
      { run: `npx eleventh promote --to ${env} --tag "$TAG" --commit --push`, env: { ...NX_ENV, TAG: '${{ github.ref_name }}' } },
    ],
  };
}

/**
 * What the pull request would change once merged (rendered manifests, pins, policies), as one comment kept
 * up to date. The checkout is the pull request's head commit, not GitHub's temporary merge commit, so the
 * pins it shows are the branch's own commits (full history: pins need it); preview compares it with its
 * merge-base with origin/main. It writes outside the work tree, which it previews.
 * The comment is posted even when the preview fails (exit 1: policies), and the job then fails.
 */
export function previewJob(): Record<string, unknown> {
  return {
    if: "github.event_name == 'pull_request'",
    'runs-on': 'ubuntu-latest',
    permissions: { contents: 'read', 'pull-requests': 'write' },
    steps: [
      { uses: 'actions/checkout@v4', with: { 'fetch-depth': 0, ref: '${{ github.event.pull_request.head.sha }}' } },
      { uses: 'actions/setup-node@v4', with: { 'node-version': 20, cache: 'npm' } },
      { run: 'npm install --no-audit --no-fund' },
      { name: 'eleventh preview', run: 'npx eleventh preview --format md > "$RUNNER_TEMP/preview.md"', env: NX_ENV },
      {
        name: 'comment on the pull request',
        if: 'always()',
        uses: 'actions/github-script@v7',
        env: { PREVIEW_FILE: '${{ runner.temp }}/preview.md' },
        with: { script: githubCommentScript() },
      },
    ],
  };
}

export function githubWorkflow(o: GithubWorkflowOptions): Record<string, unknown> {
  return {
    name: 'eleventh',
    on: { pull_request: { branches: ['main'] }, push: { branches: ['main'], tags: ['preprod-v*', 'prod-v*'] } },
    permissions: { contents: 'write' },
    jobs: {
      preview: previewJob(),
      images: imagesJob(o.registry),
      recipe: recipeJob(o.registry),
      'promote-preprod': promoteJob('preprod', 'preprod-v'),
      'promote-prod': promoteJob('prod', 'prod-v'),
    },
  };
}
