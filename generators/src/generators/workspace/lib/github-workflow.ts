import { githubCommentScript } from './preview-comment';

/**
 * .github/workflows/eleventh.yml as an object. Pull request: `eleventh preview` posted as one comment.
 * Push to main: test, build and recipe on what is affected
 * (full history, so pins can be computed), then commit the recipe and keep the report page as an artifact. Tag preprod-v*: promote to preprod.
 * Tag prod-v*: promote to prod behind the protected environment `prod` (required reviewers).
 */
const NX_ENV = { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
const BOT = 'git config user.name "eleventh-bot" && git config user.email "eleventh-bot@users.noreply.github.com"';

type Step = Record<string, unknown>;

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

export function githubWorkflow(): Record<string, unknown> {
  return {
    name: 'eleventh',
    on: { pull_request: { branches: ['main'] }, push: { branches: ['main'], tags: ['preprod-v*', 'prod-v*'] } },
    permissions: { contents: 'write' },
    jobs: {
      preview: previewJob(),
      recipe: {
        if: "github.ref == 'refs/heads/main'",
        'runs-on': 'ubuntu-latest',
        concurrency: { group: 'eleventh-main', 'cancel-in-progress': false },
        steps: [
          ...setupSteps(),
          // NX_BASE/NX_HEAD: the last commit this workflow succeeded on, and this one.
          { uses: 'nrwl/nx-set-shas@v4' },
          { run: 'npx nx affected -t test build recipe', env: NX_ENV },
          { run: 'npx eleventh recipe --commit --push', env: NX_ENV },
          // The release matrix (tmp/report/index.html and its Markdown twin), kept with every main build.
          { run: 'npx eleventh report && npx eleventh report --format md', env: NX_ENV },
          { uses: 'actions/upload-artifact@v4', with: { name: 'release-matrix', path: 'tmp/report/' } },
        ],
      },
      'promote-preprod': promoteJob('preprod', 'preprod-v'),
      'promote-prod': promoteJob('prod', 'prod-v'),
    },
  };
}
