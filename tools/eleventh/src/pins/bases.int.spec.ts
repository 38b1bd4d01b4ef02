/**
 * The base image and the Dockerfile are image inputs (real git, real Nx graph): platform/images.yaml's
 * `bases.<class>` moves the pins of exactly the services of that class, a service's Dockerfile moves only
 * that service, and a floating base is refused with its file:line unless its class is in allowFloating.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { commitFiles, serviceFiles, type FixtureRepo } from '../testing/fixture';
import { computePins } from './compute';
import { commits, pinsRepo } from './pins-fixture';

const digest = (c: string): string => `sha256:${c.repeat(64)}`;
const NODE_A = `docker.io/library/node:22-slim@${digest('a')}`;
const NODE_B = `docker.io/library/node:22-slim@${digest('b')}`;
const GO_A = `gcr.io/distroless/static-debian12:nonroot@${digest('c')}`;
const images = (value: object): string => `# yaml-language-server: $schema=../node_modules/@eleventh/cli/schemas/images.schema.json\n${stringify(value)}`;

/** A go service beside the node ones: its go.mod makes it the go class. */
const GO_SERVICE = {
  ...serviceFiles({ name: 'gosvc' }),
  'services/gosvc/go.mod': 'module gosvc\n\ngo 1.19\n',
  'services/gosvc/main.go': 'package main\n\nfunc main() {}\n',
};

describe('base images and Dockerfiles as image inputs (real git, real Nx graph)', () => {
  let repo: FixtureRepo;
  beforeEach(() => {
    repo = pinsRepo({ files: GO_SERVICE });
  });
  afterEach(() => repo.cleanup());

  const pins = async (): Promise<Record<string, string>> => commits(await computePins({ root: repo.root, previous: new Map() }));

  it('tells each service its template class', async () => {
    const result = await computePins({ root: repo.root, previous: new Map() });
    expect(Object.fromEntries(result.services.map((s) => [s.name, s.template]))).toEqual({ api: 'node', billing: 'node', cron: 'node', gosvc: 'go', worker: 'node' });
    expect(result.bases).toBeUndefined();
  });

  it('bases.node moves exactly the node services; bases.go exactly the go service; other edits of the file move nothing', async () => {
    const initial = repo.initial;
    const first = commitFiles(repo.root, { 'platform/images.yaml': images({ bases: { node: NODE_A } }) }, 'images: node base');
    expect(await pins()).toEqual({ api: first, billing: first, cron: first, worker: first, gosvc: initial });

    const go = commitFiles(repo.root, { 'platform/images.yaml': images({ bases: { node: NODE_A, go: GO_A } }) }, 'images: go base');
    expect(await pins()).toEqual({ api: first, billing: first, cron: first, worker: first, gosvc: go });

    commitFiles(repo.root, { 'platform/images.yaml': `${images({ bases: { node: NODE_A, go: GO_A } })}# reviewed 2026-02\n` }, 'images: a comment');
    expect(await pins()).toEqual({ api: first, billing: first, cron: first, worker: first, gosvc: go });

    const bump = commitFiles(repo.root, { 'platform/images.yaml': images({ bases: { node: NODE_B, go: GO_A } }) }, 'images: node bump');
    const result = await computePins({ root: repo.root, previous: new Map() });
    expect(commits(result)).toEqual({ api: bump, billing: bump, cron: bump, worker: bump, gosvc: go });
    expect(result.bases?.bases.get('node')).toBe(NODE_B);
  });

  it('a base change moves the pins a previous run recorded (the identity includes the base)', async () => {
    commitFiles(repo.root, { 'platform/images.yaml': images({ bases: { node: NODE_A } }) }, 'images');
    const before = await computePins({ root: repo.root, previous: new Map() });
    const bump = commitFiles(repo.root, { 'platform/images.yaml': images({ bases: { node: NODE_B } }) }, 'images: bump');
    const after = await computePins({ root: repo.root, previous: before.pins });
    expect(after.changed).toEqual(['api', 'billing', 'cron', 'worker']);
    expect(after.pins.get('api')?.commit).toBe(bump);
    expect(after.pins.get('gosvc')).toEqual(before.pins.get('gosvc'));
  });

  it("a service's Dockerfile moves only that service", async () => {
    const c = commitFiles(repo.root, { 'services/billing/Dockerfile': 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\nCOPY main.js /app/\n' }, 'billing: Dockerfile');
    const initial = repo.initial;
    expect(await pins()).toEqual({ api: initial, billing: c, cron: initial, worker: initial, gosvc: initial });
  });

  it('refuses a floating base at its line, and accepts it when its class is in allowFloating', async () => {
    const floating = commitFiles(repo.root, { 'platform/images.yaml': images({ bases: { go: GO_A, node: 'docker.io/library/node:22-slim' } }) }, 'images: floating');
    await expect(pins()).rejects.toThrow(
      "platform/images.yaml:4: bases.node 'docker.io/library/node:22-slim' is a floating base (a tag without a digest: the same pin could build a different image) (expected docker.io/library/node:22-slim@sha256:<64 hex>, or 'node' in allowFloating to accept it)",
    );
    const allowed = commitFiles(repo.root, { 'platform/images.yaml': images({ bases: { node: 'docker.io/library/node:22-slim' }, allowFloating: ['node'] }) }, 'images: allow');
    // allowing it changes no base: the node pins stay where the base was set; dropping go's base moves gosvc
    expect(await pins()).toMatchObject({ api: floating, gosvc: allowed });
  });

  it('refuses an unknown class and a reference without a registry host, each at its line', async () => {
    commitFiles(repo.root, { 'platform/images.yaml': images({ bases: { node: 'node:22-slim', rust: NODE_A } }) }, 'images: bad');
    const error = await pins().then(() => undefined, (e: Error) => e.message);
    expect(error?.split('\n')).toEqual([
      "platform/images.yaml:3: 'bases.node' must be an image reference: it has no registry host (expected host/path:tag@sha256:<64 hex>, e.g. docker.io/library/node:22-slim@sha256:…, got 'node:22-slim')",
      "platform/images.yaml:4: unknown key 'rust' in 'bases' (expected one of: node, java, python, go, web)",
    ]);
  });
});
