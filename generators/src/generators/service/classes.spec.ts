/**
 * Every template class generates into a workspace tree: the files, the manifest, a Dockerfile on pinned base
 * images with a numeric non-root USER, and the marker the Nx plugin infers the class's build/test targets from.
 * (generate → render → the class's own test, on disk: classes.e2e.spec.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Tree } from '@nx/devkit';
import { flushChanges } from 'nx/src/generators/tree';
import { createEnvironmentsTree } from '../../utils/testing';
import { serviceProject } from '../../plugin/create-nodes';
import { namespaceGenerator } from '../namespace/generator';
import { serviceGenerator } from './generator';
import { BASE_IMAGES, PINNED_IMAGE } from './lib/base-images';
import { TEMPLATES } from './lib/classes';

async function withNamespace(): Promise<Tree> {
  const tree = createEnvironmentsTree();
  await namespaceGenerator(tree, { name: 'payments', team: 'acme/payments-team' });
  return tree;
}

function serviceFiles(tree: Tree, name: string): string[] {
  const prefix = `services/${name}/`;
  return tree.listChanges().map((c) => c.path).filter((p) => p.startsWith(prefix)).map((p) => p.slice(prefix.length)).sort();
}

const temps: string[] = [];
afterAll(() => temps.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const FILES: Record<string, string[]> = {
  java: ['.gitignore', 'Dockerfile', 'README.md', 'deploy.ts', 'pom.xml', 'src/main/java/app/Main.java', 'src/main/java/app/Routes.java', 'src/test/java/app/RoutesTest.java'],
  python: ['.gitignore', 'Dockerfile', 'README.md', 'app/main.py', 'app/routes.py', 'deploy.ts', 'requirements.lock', 'tests/test_routes.py'],
  go: ['Dockerfile', 'README.md', 'deploy.ts', 'go.mod', 'go.sum', 'main.go', 'routes.go', 'routes_test.go'],
  web: ['Dockerfile', 'README.md', 'deploy.ts', 'nginx.conf', 'public/index.html', 'public/style.css', 'test/site.test.mjs'],
};

describe('service templates by class', () => {
  it.each(Object.entries(FILES))('%s writes its source, a test, its lockfile or build file, a Dockerfile, deploy.ts and a README', async (template, files) => {
    const tree = await withNamespace();
    await serviceGenerator(tree, { name: 'svc', namespace: 'payments', template: template as never });
    expect(serviceFiles(tree, 'svc')).toEqual(files);
    expect(tree.read('CODEOWNERS', 'utf8')).toContain('\n/services/svc/ @acme/payments-team\n');
  });

  it.each(TEMPLATES.map((t) => [t]))('%s: deploy.ts declares an http service on --port', async (template) => {
    const tree = await withNamespace();
    await serviceGenerator(tree, { name: 'svc', namespace: 'payments', template, port: 9090 });
    expect(tree.read('services/svc/deploy.ts', 'utf8')).toBe(
      [
        "/** svc's manifest: an http service in `payments`. */",
        "import { defineService } from '@eleventh/platform';",
        '',
        'export default defineService({',
        "  name: 'svc',",
        "  namespace: 'payments',",
        "  type: 'http',",
        '  port: 9090,',
        '});',
        '',
      ].join('\n'),
    );
  });

  it.each(TEMPLATES.map((t) => [t]))('%s: the Dockerfile starts from pinned ARG images, runs as a numeric non-root user and exposes the port', async (template) => {
    const tree = await withNamespace();
    await serviceGenerator(tree, { name: 'svc', namespace: 'payments', template, port: 9090 });
    const dockerfile = tree.read('services/svc/Dockerfile', 'utf8')!;
    const args = Object.fromEntries([...dockerfile.matchAll(/^ARG (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    const images: Record<string, string | undefined> = BASE_IMAGES[template];
    expect(args.BASE_IMAGE).toBe(images.base);
    expect(args.BUILD_IMAGE).toBe(images.build);
    for (const image of Object.values(args)) expect(image).toMatch(PINNED_IMAGE);
    const froms = [...dockerfile.matchAll(/^FROM (\S+)/gm)].map((m) => m[1]);
    expect(froms.at(-1)).toBe('${BASE_IMAGE}');
    expect(froms.every((f) => f === '${BASE_IMAGE}' || f === '${BUILD_IMAGE}')).toBe(true);
    const user = [...dockerfile.matchAll(/^USER (.*)$/gm)].map((m) => m[1]);
    expect(user).toHaveLength(1);
    expect(user[0]).toMatch(/^[1-9]\d*:[1-9]\d*$/);
    expect(dockerfile).toContain('\nEXPOSE 9090\n');
    // a clean context: it copies only this service's files (and, for node, the root npm manifests)
    for (const m of dockerfile.matchAll(/^COPY (?!--from)(.*) \S+$/gm)) {
      for (const src of m[1].split(' ')) expect(src.startsWith('services/svc/') || template === 'node', src).toBe(true);
    }
  });

  it('every base image is a name:tag@sha256 reference', () => {
    for (const images of Object.values(BASE_IMAGES)) for (const image of Object.values(images)) expect(image).toMatch(PINNED_IMAGE);
    expect('node:20-alpine').not.toMatch(PINNED_IMAGE);
    expect('node@sha256:' + 'a'.repeat(64)).not.toMatch(PINNED_IMAGE);
  });

  it.each([
    ['node', 'tsc -p tsconfig.json --noEmit', 'vitest run --root ../.. services/svc'],
    ['java', 'mvn -B -q -DskipTests package', 'mvn -B -q test'],
    ['python', 'python3 -m compileall -q app', 'python3 -m unittest discover -s tests -v'],
    ['go', 'go build -o /dev/null ./...', 'go test ./...'],
    ['web', 'test -f nginx.conf -a -f public/index.html', 'node --test test/'],
  ])('the Nx plugin infers %s build/test targets from the generated files', async (template, build, test) => {
    const tree = await withNamespace();
    await serviceGenerator(tree, { name: 'svc', namespace: 'payments', template: template as never });
    const dir = mkdtempSync(join(tmpdir(), 'eleventh-classes-'));
    temps.push(dir);
    flushChanges(dir, tree.listChanges());
    const project = serviceProject('services/svc/deploy.ts', {}, dir).projects!['services/svc'];
    expect(project.targets!.build.command).toBe(build);
    expect(project.targets!.test.command).toBe(test);
    expect(project.tags).toEqual(['type:service', `template:${template}`]);
    expect(project.targets!.image.command).toBe('eleventh pins --service svc --image');
  });

  it('the README of each class names its test and build commands and its image inputs', async () => {
    const tree = await withNamespace();
    for (const template of ['java', 'python', 'go', 'web'] as const) {
      await serviceGenerator(tree, { name: `a-${template}`, namespace: 'payments', template });
      const readme = tree.read(`services/a-${template}/README.md`, 'utf8')!;
      expect(readme).toMatch(/^# a-\w+\n/);
      expect(readme).toContain(`npx nx test a-${template}`);
      expect(readme).toContain('Image inputs (what moves its pin)');
      expect(readme).not.toMatch(/\{\{|\}\}/);
    }
  });
});
