/**
 * The images chain on a real registry with images built by buildah: `recipe --images` records each pushed
 * image's digest (the one skopeo sees) and its SBOM's; workloads reference image@digest and kustomize takes
 * them; render --check and verify re-derive them; verify --images catches a missing tag, a forged digest, a
 * missing or forged SBOM; recipe --require-images refuses with nothing written.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git } from '../git/run';
import { loadGraphInputs } from '../pins/graph';
import type { GraphInputs } from '../pins/inputs';
import { readRecipe } from '../recipe/recipe';
import { hasKubectl, runEleventh, type ExampleRepo } from '../testing/example-repo';
import { missingOciTools, pushLocalNodeBase, skopeoDigest, startRegistry, type LocalRegistry } from '../testing/oci';
import { Spec, Validation } from '@cyclonedx/cyclonedx-library';
import { commitAll, createRegistryRepo, pushImagesOf, scratchDir, setRegistry, type Pushed } from './chain-fixture';
import { RegistryClient } from './registry/client';
import { buildSbom } from './sbom/build';
import { readSbom } from './sbom/find';
import { sbomInputFor } from './sbom/input';
import { sbomTag } from './sbom/model';
import { pushSbom } from './sbom/push';

const missing = missingOciTools();
if (missing.length) console.warn(`chain.e2e: ${missing.join(', ')} missing: the images chain cases are skipped (CI installs them)`);
const kubectl = hasKubectl();
if (!kubectl) console.warn('chain.e2e: kubectl missing: the kustomize check of image@digest manifests is skipped');

const SVC = 'payments-api';

/** skopeo cannot inspect an artifact (no image config): the sha256 of the raw manifest it fetches is its digest. */
const rawDigest = (ref: string): string => `sha256:${createHash('sha256').update(execFileSync('skopeo', ['inspect', '--raw', '--tls-verify=false', `docker://${ref}`])).digest('hex')}`;

describe.skipIf(missing.length > 0)('images chain on a real registry', () => {
  let registry: LocalRegistry;
  let repo: ExampleRepo;
  let scratch: ReturnType<typeof scratchDir>;
  let pushed: Map<string, Pushed>;
  let graph: GraphInputs;
  let base: string;
  let reciped: string;
  let promoted = '';
  let afterCopy = '';
  const resetTo = (commit: string) => {
    git(['reset', '--quiet', '--hard', commit], { cwd: repo.root });
    git(['clean', '--quiet', '-fd', '--', 'environments'], { cwd: repo.root });
  };
  /** One line added to the service's source: its pin moves to a new commit nobody built. */
  const changeService = (name: string) => {
    const file = join(repo.root, 'services', name, 'src', 'main.ts');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n// ${Date.now()}\n`);
    commitAll(repo.root, `${name}: a change`);
  };
  const run = (...args: string[]) => runEleventh(repo.root, args);
  const recipeText = (env: string) => readFileSync(join(repo.root, 'environments', env, 'recipe.yaml'), 'utf8');
  const lineOf = (env: string, name: string) => recipeText(env).split('\n').indexOf(`  ${name}:`) + 1;

  beforeAll(async () => {
    registry = await startRegistry();
    scratch = scratchDir();
    base = pushLocalNodeBase(registry.host, scratch.dir);
    repo = createRegistryRepo(`${registry.host}/acme`);
    graph = await loadGraphInputs(repo.root);
    pushed = await pushImagesOf(repo.root, 'staging', scratch.dir, { base, graph });
    const res = run('recipe', '--images');
    if (res.status !== 0) throw new Error(`recipe --images failed:\n${res.stderr}`);
    reciped = commitAll(repo.root, 'recipe --images');
  }, 300_000);
  afterAll(async () => {
    await registry?.stop();
    repo?.cleanup();
    scratch?.cleanup();
  });

  it("records each image's digest as skopeo inspect sees it, and its SBOM's", () => {
    for (const env of ['staging', 'ops-staging']) {
      const recipe = readRecipe(repo.root, env)!;
      for (const [name, e] of Object.entries(recipe.services)) {
        expect(e.imageDigest).toBe(skopeoDigest(e.image));
        expect(e.imageDigest).toBe(pushed.get(name)!.imageDigest);
        expect(e.sbomDigest).toBe(pushed.get(name)!.sbomDigest);
      }
    }
    expect(recipeText('staging')).toMatch(new RegExp(`  ${SVC}:\\n(    .*\\n){4}    inputs: .*\\n    imageDigest: sha256:[0-9a-f]{64}\\n    sbomDigest: sha256:[0-9a-f]{64}\\n    manifest: `));
  });

  it('renders workloads that reference image@digest, which kustomize accepts, and render --check and verify re-derive', () => {
    const e = readRecipe(repo.root, 'staging')!.services[SVC]!;
    const deployment = readFileSync(join(repo.root, 'environments/staging/payments', SVC, 'deployment.yaml'), 'utf8');
    expect(deployment).toContain(`image: ${e.image}@${e.imageDigest}`);
    if (kubectl) expect(execFileSync('kubectl', ['kustomize', join(repo.root, 'environments/staging')], { encoding: 'utf8', maxBuffer: 64 << 20 })).toContain(`${e.image}@${e.imageDigest}`);
    expect(run('render', '--check').status).toBe(0);
    const verify = run('verify');
    expect(verify.stdout).toBe('');
    expect(verify.status).toBe(0);
  });

  it('keeps the digests while the pins stay (recipe without --images asks no registry and changes nothing)', () => {
    const res = run('recipe');
    expect(res.status).toBe(0);
    expect(git(['status', '--porcelain'], { cwd: repo.root }).stdout).toBe('');
  });

  it('verify --images is clean once every environment carries its digests (promotion copies them)', () => {
    expect(run('promote', '--to', 'preprod', '--from', '--commit').status).toBe(0);
    expect(run('promote', '--to', 'prod', '--from', '--commit').status).toBe(0);
    for (const env of ['preprod', 'prod']) expect(readRecipe(repo.root, env)!.services[SVC]!.imageDigest).toBe(pushed.get(SVC)!.imageDigest);
    const before = registry.requests().length;
    const res = run('verify', '--images');
    expect(res.stdout).toBe('');
    expect(res.status).toBe(0);
    promoted = git(['rev-parse', 'HEAD'], { cwd: repo.root }).stdout.trim();
    // staging, preprod and prod pin the same images: each manifest, tag and referrer list is asked once per run
    // (blobs, the SBOM documents, are read again: the run does not hold them). The token endpoint is not /v2/.
    const asked = registry.requests().slice(before).filter((r) => r.includes('/v2/') && !r.includes('/blobs/sha256:') && r !== 'GET /v2/');
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.filter((r, i) => asked.indexOf(r) !== i)).toEqual([]);
  });

  it('verify --images catches a forged digest that the recipe and manifests agree on (nothing else can)', () => {
    const forged = `sha256:${'f'.repeat(64)}`;
    const file = join(repo.root, 'environments/staging/recipe.yaml');
    writeFileSync(file, recipeText('staging').replace(pushed.get(SVC)!.imageDigest, forged));
    expect(run('render', '--env', 'staging').status).toBe(0);
    expect(readFileSync(join(repo.root, 'environments/staging/payments', SVC, 'deployment.yaml'), 'utf8')).toContain(`@${forged}`);
    expect(run('render', '--check').status).toBe(0);
    expect(run('verify').status).toBe(0);
    const res = run('verify', '--images', '--env', 'staging');
    expect(res.status).toBe(1);
    const at = `environments/staging/recipe.yaml:${lineOf('staging', SVC)}: ${SVC}:`;
    expect(res.stdout.split('\n').filter(Boolean)).toEqual([
      `${at} ${pushed.get(SVC)!.image} is ${pushed.get(SVC)!.imageDigest}, but the recipe records ${forged}, which the registry does not have (a forged or deleted digest) (expected the recorded digest) [images/digest-mismatch]`,
      `${at} the SBOM ${pushed.get(SVC)!.sbomDigest!.slice(0, 19)}… describes ${pushed.get(SVC)!.imageDigest} (expected its subject to be the image ${forged}) [images/sbom-subject]`,
    ]);
    resetTo(promoted);
  });

  it('a digest hand-copied into a promoted recipe is a finding of verify alone', () => {
    const file = join(repo.root, 'environments/prod/recipe.yaml');
    writeFileSync(file, recipeText('prod').replace(pushed.get(SVC)!.imageDigest, `sha256:${'e'.repeat(64)}`));
    expect(run('render', '--env', 'prod').status).toBe(0);
    const res = run('verify', '--env', 'prod');
    expect(res.status).toBe(1);
    expect(res.stdout).toContain(`${SVC}: imageDigest or sbomDigest differ from preprod's recipe at`);
    resetTo(promoted);
  });

  it('recipe --require-images refuses a pin whose image was not pushed (exit 1, nothing written); verify --images names the missing tag', () => {
    changeService(SVC);
    const before = recipeText('staging');
    const refused = run('recipe', '--require-images');
    expect(refused.status).toBe(1);
    expect(git(['status', '--porcelain'], { cwd: repo.root }).stdout).toBe('');
    expect(recipeText('staging')).toBe(before);
    const pin = git(['rev-parse', 'HEAD'], { cwd: repo.root }).stdout.trim();
    for (const env of ['ops-staging', 'staging']) expect(refused.stderr).toMatch(new RegExp(`environments/${env}/recipe.yaml:\\d+: ${SVC}: ${registry.host}/acme/${SVC}:${pin} is not in its registry .*\\[images/missing\\]`));
    expect(refused.stderr).toContain('eleventh: recipe --require-images: 2 image(s) not in their registries, nothing written');
    expect(run('recipe').status).toBe(0);
    expect(readRecipe(repo.root, 'staging')!.services[SVC]!.imageDigest).toBeUndefined();
    const res = run('verify', '--images', '--env', 'staging');
    expect(res.status).toBe(1);
    expect(res.stdout).toBe(`environments/staging/recipe.yaml:${lineOf('staging', SVC)}: ${SVC}: ${registry.host}/acme/${SVC}:${pin} is not in its registry (expected the image of the pin pushed: eleventh images --push) [images/missing]\n`);
    resetTo(promoted);
  });

  describe('promotion into another registry', () => {
    let second: LocalRegistry;
    beforeAll(async () => {
      second = await startRegistry();
    });
    afterAll(async () => second?.stop());

    it('copies every image and its SBOM by digest, records the digests, and verify --images agrees', () => {
      setRegistry(repo.root, 'preprod', `${second.host}/acme`);
      commitAll(repo.root, 'preprod pulls from its own registry');
      const res = run('promote', '--to', 'preprod', '--from', '--commit');
      expect(res.stderr).toContain(`eleventh: copied ${registry.host}/acme/${SVC}:`);
      expect(res.status).toBe(0);
      const recipe = readRecipe(repo.root, 'preprod')!;
      for (const [name, e] of Object.entries(recipe.services)) {
        expect(e.image.startsWith(`${second.host}/acme/${name}:`)).toBe(true);
        expect(e.imageDigest).toBe(pushed.get(name)!.imageDigest);
        expect(skopeoDigest(e.image)).toBe(e.imageDigest);
        expect(rawDigest(`${second.host}/acme/${name}:${sbomTag(e.commit)}`)).toBe(e.sbomDigest);
      }
      expect(readFileSync(join(repo.root, 'environments/preprod/payments', SVC, 'deployment.yaml'), 'utf8')).toContain(`image: ${second.host}/acme/${SVC}:${recipe.services[SVC]!.commit}@${pushed.get(SVC)!.imageDigest}`);
      const verify = run('verify', '--images');
      expect(verify.stdout).toBe('');
      expect(run('promote', '--to', 'preprod', '--from').status).toBe(0);
      afterCopy = git(['rev-parse', 'HEAD'], { cwd: repo.root }).stdout.trim();
    });

    it('refuses (exit 2, nothing written) when the source records no digest for an image', () => {
      changeService(SVC);
      expect(run('recipe', '--commit').status).toBe(0);
      const before = recipeText('preprod');
      const res = run('promote', '--to', 'preprod', '--from');
      expect(res.status).toBe(2);
      expect(res.stderr).toContain(`environments/preprod/recipe.yaml: ${SVC}: cannot copy ${registry.host}/acme/${SVC}:`);
      expect(res.stderr).toContain("staging's recipe records no imageDigest for it (expected `eleventh recipe --images` to have recorded it: images cross registries only by digest)");
      expect(recipeText('preprod')).toBe(before);
      expect(git(['status', '--porcelain'], { cwd: repo.root }).stdout).toBe('');
      resetTo(afterCopy);
    });

    it('refuses when the source registry lacks the recorded image', () => {
      const forged = `sha256:${'d'.repeat(64)}`;
      writeFileSync(join(repo.root, 'environments/staging/recipe.yaml'), recipeText('staging').replace(pushed.get(SVC)!.imageDigest, forged));
      expect(run('render', '--env', 'staging').status).toBe(0);
      commitAll(repo.root, 'a digest nobody pushed');
      const res = run('promote', '--to', 'preprod', '--from');
      expect(res.status).toBe(2);
      expect(res.stderr).toContain(`${SVC}: cannot copy ${registry.host}/acme/${SVC}:${pushed.get(SVC)!.image.split(':').pop()}@${forged} to ${second.host}/acme/${SVC}:`);
      expect(res.stderr).toContain(`no such manifest in the source registry (expected the image there to copy it by digest)`);
      resetTo(afterCopy);
    });
  });

  describe('SBOMs', () => {
    const OTHER = 'risk-report';
    it('verify --images catches an SBOM pushed again with other components, and one recorded by hand', async () => {
      const e = readRecipe(repo.root, 'staging')!.services[OTHER]!;
      const [host, ...rest] = e.image.split('/');
      const repository = rest.join('/').replace(/:[^:]+$/, '');
      const sbom = buildSbom({ service: OTHER, pin: e.commit, time: '2026-01-01T00:00:00Z', packages: [{ name: 'left-pad', version: '1.3.0', integrity: 'sha512-AAAA' }], libraries: [] });
      const forged = await pushSbom(new RegistryClient(host!), repository, e.commit, e.imageDigest!, sbom);
      let res = run('verify', '--images', '--env', 'staging');
      expect(res.stdout).toBe(`environments/staging/recipe.yaml:${lineOf('staging', OTHER)}: ${OTHER}: the SBOM of ${e.image} in its registry is ${forged}, but the recipe records ${e.sbomDigest} (expected the recorded SBOM) [images/sbom-digest-mismatch]\n`);
      writeFileSync(join(repo.root, 'environments/staging/recipe.yaml'), recipeText('staging').replace(e.sbomDigest!, forged));
      expect(run('verify', '--env', 'staging').status).toBe(0);
      res = run('verify', '--images', '--env', 'staging');
      expect(res.status).toBe(1);
      expect(res.stdout).toContain(`${OTHER}: the SBOM ${forged.slice(0, 19)}… lacks `);
      expect(res.stdout).toContain(`lists pkg:npm/left-pad@1.3.0, which the pin's locked inputs do not have (or not so) [images/sbom-components]`);
      resetTo(afterCopy);
      const del = await new RegistryClient(host!).request('DELETE', `/v2/${repository}/manifests/${e.sbomDigest}`, `repository:${repository}:pull,push`);
      expect(del.status).toBe(202);
      res = run('verify', '--images', '--env', 'staging');
      expect(res.stdout).toContain(`environments/staging/recipe.yaml:${lineOf('staging', OTHER)}: ${OTHER}: the recorded SBOM ${e.sbomDigest} is not in ${host}/${repository} (expected the SBOM the recipe records) [images/sbom-missing]`);
    });

    it('the pushed SBOM is the one buildSbom makes from the pin, valid CycloneDX 1.6, the same bytes when built again', async () => {
      const e = readRecipe(repo.root, 'staging')!.services[SVC]!;
      const [host, ...rest] = e.image.split('/');
      const repository = rest.join('/').replace(/:[^:]+$/, '');
      const stored = await readSbom(new RegistryClient(host!), repository, e.sbomDigest!);
      const again = buildSbom(sbomInputFor(repo.root, graph, graph.services.find((s) => s.name === SVC)!, { commit: e.commit, inputs: e.inputs }, base));
      expect(JSON.stringify(stored!.bom, null, 2) + '\n').toBe(again.toString('utf8'));
      expect(stored!.subject).toBe(e.imageDigest);
      expect(await new Validation.JsonStrictValidator(Spec.Version.v1dot6).validate(again.toString('utf8'))).toBeNull();
      const bom = stored!.bom as { components: Array<{ purl?: string }> };
      expect(bom.components.some((c) => c.purl?.startsWith('pkg:oci/node@sha256%3A'))).toBe(true);
    });
  });
});
