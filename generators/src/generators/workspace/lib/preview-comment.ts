/**
 * The pull-request comment both pipelines keep up to date: `eleventh preview --format md` starts with a
 * marker line; the job finds its earlier comment by that marker and edits it, so a pull request carries
 * ONE preview comment however often it is pushed. The scripts are JavaScript run by the CI (GitHub:
 * actions/github-script; GitLab: node against the notes API), kept here as lines, not YAML templates.
 */
export const PREVIEW_MARKER = '<!-- eleventh-preview -->';

/** What is posted when the preview printed nothing (it failed on bad input: see the job log). */
const FALLBACK = 'eleventh preview failed before it could print: see the job log';

const readBody = (file: string): string[] => [
  "const fs = require('fs');",
  `const marker = ${JSON.stringify(PREVIEW_MARKER)};`,
  `const file = ${file};`,
  "let body = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';",
  `if (!body.includes(marker)) body = marker + '\\n' + (body.trim() || ${JSON.stringify(FALLBACK)});`,
];

/** actions/github-script: create or update the one comment on the pull request. */
export function githubCommentScript(): string {
  return [
    ...readBody("process.env.PREVIEW_FILE"),
    'const { owner, repo } = context.repo;',
    'const issue_number = context.issue.number;',
    'const comments = await github.paginate(github.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });',
    'const mine = comments.find((c) => (c.body || "").includes(marker));',
    'if (mine) await github.rest.issues.updateComment({ owner, repo, comment_id: mine.id, body });',
    'else await github.rest.issues.createComment({ owner, repo, issue_number, body });',
    '',
  ].join('\n');
}

/**
 * node: create or update the one note on the merge request through the notes API. CI_JOB_TOKEN cannot
 * write notes: ELEVENTH_PREVIEW_TOKEN is a project access token (role Reporter, scope `api`).
 */
export function gitlabNoteScript(): string {
  return [
    ...readBody('process.env.PREVIEW_FILE'),
    'const env = process.env;',
    'const api = `${env.CI_API_V4_URL}/projects/${env.CI_PROJECT_ID}/merge_requests/${env.CI_MERGE_REQUEST_IID}/notes`;',
    "const headers = { 'PRIVATE-TOKEN': env.ELEVENTH_PREVIEW_TOKEN || '', 'Content-Type': 'application/json' };",
    '(async () => {',
    '  for (let page = 1; ; page++) {',
    '    const res = await fetch(`${api}?per_page=100&page=${page}&sort=asc`, { headers });',
    '    if (!res.ok) throw new Error(`notes API: ${res.status} ${await res.text()}`);',
    '    const notes = await res.json();',
    '    const mine = notes.find((n) => (n.body || "").includes(marker));',
    '    if (mine || notes.length < 100) {',
    "      const put = await fetch(mine ? `${api}/${mine.id}` : api, { method: mine ? 'PUT' : 'POST', headers, body: JSON.stringify({ body }) });",
    '      if (!put.ok) throw new Error(`notes API: ${put.status} ${await put.text()}`);',
    '      return;',
    '    }',
    '  }',
    '})().catch((err) => { console.error(err.message); process.exit(1); });',
    '',
  ].join('\n');
}
