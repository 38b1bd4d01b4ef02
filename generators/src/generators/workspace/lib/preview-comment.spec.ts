/**
 * The comment scripts the pipelines run, executed for real: GitHub's through an AsyncFunction with the
 * `github`/`context` objects actions/github-script passes, GitLab's with node against a local HTTP server
 * that answers like the notes API. Both create the comment once and edit it afterwards.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { githubCommentScript, gitlabNoteScript, PREVIEW_MARKER } from './preview-comment';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function previewFile(text: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'eleventh-comment-'));
  dirs.push(dir);
  const file = join(dir, 'preview.md');
  if (text !== undefined) writeFileSync(file, text);
  return file;
}

interface Comment { id: number; body: string }

async function runGithub(file: string, comments: Comment[]): Promise<string[]> {
  const calls: string[] = [];
  const github = {
    paginate: async () => comments,
    rest: {
      issues: {
        listComments: () => undefined,
        updateComment: async (a: { comment_id: number; body: string }) => void calls.push(`update ${a.comment_id}: ${a.body}`),
        createComment: async (a: { issue_number: number; body: string }) => void calls.push(`create #${a.issue_number}: ${a.body}`),
      },
    },
  };
  const context = { repo: { owner: 'acme', repo: 'platform' }, issue: { number: 7 } };
  const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor;
  process.env.PREVIEW_FILE = file;
  try {
    await new AsyncFunction('require', 'github', 'context', githubCommentScript())(require, github, context);
  } finally {
    delete process.env.PREVIEW_FILE;
  }
  return calls;
}

describe('GitHub comment script', () => {
  it('creates the comment when there is none, and edits the one with the marker afterwards', async () => {
    const md = `${PREVIEW_MARKER}\n## eleventh preview\n`;
    expect(await runGithub(previewFile(md), [{ id: 1, body: 'LGTM' }])).toEqual([`create #7: ${md}`]);
    expect(await runGithub(previewFile(md), [{ id: 1, body: 'LGTM' }, { id: 2, body: `${PREVIEW_MARKER}\nold` }])).toEqual([`update 2: ${md}`]);
  });

  it('posts a pointer to the job log when the preview printed nothing', async () => {
    expect(await runGithub(previewFile(undefined), [])).toEqual([`create #7: ${PREVIEW_MARKER}\neleventh preview failed before it could print: see the job log`]);
  });
});

/** A notes API on localhost: records each request; `existing` notes are listed on page 1. */
async function withNotesApi(existing: Comment[], fn: (url: string) => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const body = (req: IncomingMessage) => new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => resolve(text));
  });
  const server = createServer(async (req, res) => {
    const text = await body(req);
    seen.push(`${req.method} ${req.url} ${req.headers['private-token']} ${text}`.trim());
    res.setHeader('Content-Type', 'application/json');
    res.end(req.method === 'GET' ? JSON.stringify(req.url!.includes('page=1&') ? existing : []) : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  try {
    await fn(`http://127.0.0.1:${port}/api/v4`);
  } finally {
    server.close();
  }
  return seen;
}

function runNode(script: string, env: Record<string, string>): Promise<number> {
  return new Promise((resolve) => spawn(process.execPath, ['-e', script], { env: { ...process.env, ...env }, stdio: 'inherit' }).on('close', (code) => resolve(code ?? -1)));
}

describe('GitLab note script', () => {
  const ciEnv = (url: string, file: string) => ({ CI_API_V4_URL: url, CI_PROJECT_ID: '42', CI_MERGE_REQUEST_IID: '7', ELEVENTH_PREVIEW_TOKEN: 'tok', PREVIEW_FILE: file });
  const notes = '/api/v4/projects/42/merge_requests/7/notes';

  it('creates the note when there is none, and edits the one with the marker afterwards', async () => {
    const md = `${PREVIEW_MARKER}\n## eleventh preview\n`;
    const file = previewFile(md);
    const created = await withNotesApi([{ id: 1, body: 'LGTM' }], async (url) => expect(await runNode(gitlabNoteScript(), ciEnv(url, file))).toBe(0));
    expect(created).toEqual([`GET ${notes}?per_page=100&page=1&sort=asc tok`, `POST ${notes} tok ${JSON.stringify({ body: md })}`]);
    const edited = await withNotesApi([{ id: 9, body: `${PREVIEW_MARKER}\nold` }], async (url) => expect(await runNode(gitlabNoteScript(), ciEnv(url, file))).toBe(0));
    expect(edited.at(-1)).toBe(`PUT ${notes}/9 tok ${JSON.stringify({ body: md })}`);
  });
});
