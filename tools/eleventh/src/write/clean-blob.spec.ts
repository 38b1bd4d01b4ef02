/**
 * WriteScope.cleanBlob: a caller that knows a file on disk is committed and unmodified (its git blob id)
 * spares the planner reading it. The planner must trust it only for a matching blob id of a generated file
 * name, and read everything else as before.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENERATED_HEADER } from '../model';
import { planWrites } from './index';

const gen = (body: string) => `${GENERATED_HEADER}\n${body}\n`;
const blob = (content: string) => createHash('sha1').update(`blob ${Buffer.byteLength(content)}\0`).update(content).digest('hex');
const DIR = 'environments/staging';
const FILE = `${DIR}/payments/api/deployment.yaml`;
let root: string;

function put(rel: string, content: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), content);
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'eleventh-clean-blob-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('planWrites with known blob ids', () => {
  it('takes a file whose known blob id is the desired content’s as unchanged, without reading it', () => {
    put(FILE, 'not what the blob id says: proves the file was not read\n');
    const want = gen('kind: Deployment');
    const plan = planWrites(root, new Map([[FILE, want]]), { dirs: [DIR], cleanBlob: (rel) => (rel === FILE ? blob(want) : undefined) });
    expect(plan).toMatchObject({ create: [], update: [], unchanged: 1 });
  });

  it('reads and compares a file whose blob id differs or is unknown', () => {
    put(FILE, gen('kind: Deployment'));
    const want = gen('kind: Deployment\nspec: {}');
    expect(planWrites(root, new Map([[FILE, want]]), { dirs: [DIR], cleanBlob: () => blob(gen('kind: Deployment')) }).update).toEqual([FILE]);
    expect(planWrites(root, new Map([[FILE, gen('kind: Deployment')]]), { dirs: [DIR], cleanBlob: () => undefined })).toMatchObject({ update: [], unchanged: 1 });
  });

  it('never trusts a blob id for a hand-written file name', () => {
    const rel = `${DIR}/payments/tenant.yaml`;
    put(rel, 'team: pay\n');
    const want = gen('kind: Namespace');
    expect(() => planWrites(root, new Map([[rel, want]]), { dirs: [DIR], cleanBlob: () => blob(want) })).toThrow(/hand-written/);
  });
});
