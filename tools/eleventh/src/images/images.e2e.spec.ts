/**
 * `eleventh images` end to end, with a real registry and real builders: the example services are built from
 * their pins' assembled contexts and pushed with the pin as tag; a second run builds nothing; the same pin
 * builds to the same digest (again, and with podman as with buildah); a README, spec or deploy.ts change
 * keeps every digest, a one-line source change moves exactly that service's; a floating base and an absent
 * builder are refused. Prints the build and push times it measures.
 */
import { mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { git } from '../git/run';
import { runEleventh } from '../testing/example-repo';
import { hasTool, missingOciTools, skopeoDigest } from '../testing/oci';
import type { ImageRecord } from './run';
import { createImagesWorld, deleteImage, setYaml, type ImagesWorld } from './images-fixture';

const missing = missingOciTools(['docker-registry', 'buildah', 'skopeo']);
if (missing.length) console.warn(`images.e2e: ${missing.join(', ')} missing: the image build cases are skipped (CI installs them)`);
const SERVICES = ['customer-api', 'fraud-scorer', 'ledger-worker', 'notification-worker', 'payments-api', 'risk-report'];

function records(res: { status: number; stdout: string; stderr: string }): ImageRecord[] {
  if (res.status !== 0) throw new Error(`eleventh images exited ${res.status}:\n${res.stderr}`);
  return (JSON.parse(res.stdout) as { images: ImageRecord[] }).images;
}

const digests = (list: readonly ImageRecord[]): Record<string, string | undefined> => Object.fromEntries(list.map((r) => [r.service, r.digest]));

describe.skipIf(missing.length > 0)('eleventh images (real registry, real builders)', () => {
  let world: ImagesWorld;
  let first: ImageRecord[];
  beforeAll(async () => {
    world = await createImagesWorld();
  }, 180_000);
  afterAll(async () => world?.stop());

  it('builds and pushes every example service with its pin as tag, and prints image → digest', () => {
    const started = Date.now();
    first = records(world.images(['--push', '--json']));
    const seconds = (Date.now() - started) / 1000;
    expect(first.map((r) => r.service)).toEqual(SERVICES);
    for (const r of first) {
      expect(r, r.service).toMatchObject({ built: true, pushed: true, image: `${world.registry.host}/acme/${r.service}:${r.pin}` });
      expect(skopeoDigest(r.image)).toBe(r.digest);
    }
    console.info(`images.e2e: 6 example services built and pushed in ${seconds.toFixed(1)} s (command total); per service: ${first.map((r) => `${r.service} build ${r.buildSeconds} s + push ${r.pushSeconds} s`).join(', ')}`);
    for (const r of first) expect(r.extra?.sbomDigest, `${r.service}: the SBOM pushed beside it`).toMatch(/^sha256:[0-9a-f]{64}$/);
    // Run again as text: everything is there already, so it pushes nothing and prints image → digest.
    const text = world.images(['--push']);
    expect(text.stdout.trim().split('\n')).toEqual(first.map((r) => `${r.image} → ${r.digest}`));
  }, 300_000);

  it('a second run builds nothing and reports the same digests', () => {
    const again = records(world.images(['--push', '--json']));
    expect(again.every((r) => !r.built && !r.pushed)).toBe(true);
    expect(digests(again)).toEqual(digests(first));
  }, 120_000);

  it('what images --push pushed, recipe --require-images records (image and SBOM digests) and verify --images accepts', () => {
    const recipe = runEleventh(world.repo.root, ['recipe', '--require-images']);
    expect(recipe.status, recipe.stderr).toBe(0);
    const staging = parse(readFileSync(join(world.repo.root, 'environments/staging/recipe.yaml'), 'utf8')) as { services: Record<string, { imageDigest?: string; sbomDigest?: string }> };
    for (const r of first) expect(staging.services[r.service], r.service).toMatchObject({ imageDigest: r.digest, sbomDigest: r.extra!.sbomDigest });
    const verify = runEleventh(world.repo.root, ['verify', '--images']);
    expect(verify.status, `${verify.stdout}\n${verify.stderr}`).toBe(0);
    git(['checkout', '--quiet', '--', 'environments'], { cwd: world.repo.root });
  }, 180_000);

  it('the same pin builds to the same digest: again from fresh storage with buildah, and with podman', async () => {
    const r = first.find((x) => x.service === 'payments-api')!;
    const repository = 'acme/payments-api';
    await deleteImage(world.registry.host, repository, r.digest!);
    const rebuilt = records(world.images(['--push', '--json', '--service', 'payments-api'], { ELEVENTH_OCI_ROOT: join(world.scratch, 'oci-again') }));
    expect(rebuilt).toMatchObject([{ service: 'payments-api', built: true, pushed: true, digest: r.digest }]);
    if (!hasTool('podman')) return void console.warn('images.e2e: podman is not on PATH: skipped building the same pin with podman');
    await deleteImage(world.registry.host, repository, r.digest!);
    const podman = records(world.images(['--push', '--json', '--service', 'payments-api', '--builder', 'podman']));
    expect(podman).toMatchObject([{ service: 'payments-api', built: true, pushed: true, digest: r.digest }]);
  }, 300_000);

  it('a README, spec or deploy.ts change keeps every pin and digest: nothing is built', () => {
    const deploy = readFileSync(join(world.repo.root, 'services/payments-api/deploy.ts'), 'utf8');
    world.commit({
      'services/payments-api/README.md': '# payments-api\n\nDocumented again.\n',
      'services/payments-api/src/payment.spec.ts': `${readFileSync(join(world.repo.root, 'services/payments-api/src/payment.spec.ts'), 'utf8')}// one more line\n`,
      'services/payments-api/deploy.ts': `${deploy}// tuned\n`,
    }, 'docs, specs and the manifest only');
    const after = records(world.images(['--push', '--json']));
    expect(after.every((r) => !r.built)).toBe(true);
    expect(digests(after)).toEqual(digests(first));
  }, 120_000);

  it('an absent builder is refused with exit 2, naming it', () => {
    world.commit({ 'services/fraud-scorer/src/score.ts': `${readFileSync(join(world.repo.root, 'services/fraud-scorer/src/score.ts'), 'utf8')}export const SCORE_VERSION = 2;\n` }, 'fraud-scorer: one line');
    const bin = join(world.scratch, 'bin');
    mkdirSync(bin, { recursive: true });
    for (const tool of ['git', 'sh']) symlinkSync(`/usr/bin/${tool}`, join(bin, tool));
    const res = world.images(['--push', '--builder', 'buildah', '--quiet'], { PATH: bin });
    expect(res.status, res.stderr).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr.trim()).toBe("images: the builder 'buildah' is not on PATH (expected buildah installed, or --builder docker|podman|buildah naming one that is)");
  }, 120_000);

  it('a one-line source change moves exactly that service: built, pushed, a different digest', () => {
    const started = Date.now();
    const after = records(world.images(['--push', '--json']));
    const seconds = (Date.now() - started) / 1000;
    const moved = after.filter((r) => r.built);
    expect(moved.map((r) => r.service)).toEqual(['fraud-scorer']);
    expect(moved[0]!.digest).not.toBe(digests(first)['fraud-scorer']);
    expect(skopeoDigest(moved[0]!.image)).toBe(moved[0]!.digest);
    expect(digests(after.filter((r) => !r.built))).toEqual(Object.fromEntries(Object.entries(digests(first)).filter(([s]) => s !== 'fraud-scorer')));
    console.info(`images.e2e: after a one-line change, fraud-scorer built in ${moved[0]!.buildSeconds} s and pushed in ${moved[0]!.pushSeconds} s (command total ${seconds.toFixed(1)} s, pins included)`);
  }, 180_000);

  it('refuses a floating base at its line, building nothing', () => {
    setYaml(world.repo.root, 'platform/images.yaml', ['bases', 'node'], 'docker.io/library/node:22-slim');
    world.commit({}, 'images: a floating base');
    const res = world.images(['--push']);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toContain("platform/images.yaml:8: bases.node 'docker.io/library/node:22-slim' is a floating base (a tag without a digest: the same pin could build a different image) (expected docker.io/library/node:22-slim@sha256:<64 hex>, or 'node' in allowFloating to accept it)");
  }, 120_000);
});
