/**
 * Every template class generates into a workspace tree: the files, the manifest, a Dockerfile on pinned base
 * images with a numeric non-root USER, and the marker the Nx plugin infers the class's build/test targets from.
 * (generate → render → the class's own test, on disk: classes.e2e.spec.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Tree } from '@nx/devkit';
import { flushChanges } from 'nx/src/generators/tree';
import { createEnvironmentsTree } from '../../utils/testing';
import { IMAGE_INPUTS, SERVICE_CLASSES, serviceProject } from '../../plugin/create-nodes';
import { namespaceGenerator } from '../namespace/generator';
import { serviceGenerator } from './generator';
import { CLASS_MARKERS, TEMPLATE_CLASSES, readImages } from '@eleventh/cli';
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

  it.each(TEMPLATES.map((t) => [t]))('%s: the Dockerfile starts from ARG BASE_IMAGE, runs nothing, runs as the kit\'s numeric user and exposes the port', async (template) => {
    const tree = await withNamespace();
    await serviceGenerator(tree, { name: 'svc', namespace: 'payments', template, port: 9090 });
    const dockerfile = tree.read('services/svc/Dockerfile', 'utf8')!;
    expect([...dockerfile.matchAll(/^ARG (.*)$/gm)].map((m) => m[1])).toEqual(['BASE_IMAGE']);
    expect([...dockerfile.matchAll(/^FROM (.*)$/gm)].map((m) => m[1])).toEqual(['${BASE_IMAGE}']);
    expect(dockerfile).not.toMatch(/^RUN /m);
    expect([...dockerfile.matchAll(/^USER (.*)$/gm)].map((m) => m[1])).toEqual(['10001:10001']);
    expect(dockerfile).toContain('\nEXPOSE 9090\n');
    // the context eleventh images assembles for the class: COPY names only what is in it
    const context: Record<string, string[]> = { node: ['main.js'], go: ['service'], java: ['app.jar'], python: ['app/'], web: ['nginx.conf', 'public/'] };
    expect([...dockerfile.matchAll(/^COPY (\S+) \S+$/gm)].map((m) => m[1])).toEqual(context[template]);
  });

  it("every class has a base pinned by digest in the platform package's platform/images.yaml, which new repositories get", () => {
    const platform = dirname(require.resolve('@eleventh/platform/package.json'));
    const images = readImages(dirname(platform));
    expect([...images!.bases.keys()].sort()).toEqual([...TEMPLATES].sort());
    for (const ref of images!.bases.values()) expect(ref).toMatch(/^[a-z0-9.-]+\.[a-z]+\/[a-z0-9./_-]+:[\w.-]+@sha256:[0-9a-f]{64}$/);
    expect(images!.allowFloating.size).toBe(0);
  });

  it("the engine tells a service's class by the plugin's marker files, in the plugin's order", () => {
    expect([...TEMPLATE_CLASSES]).toEqual([...TEMPLATES]);
    expect(CLASS_MARKERS.map(([marker, cls]) => ({ name: cls, marker }))).toEqual(SERVICE_CLASSES.map((c) => ({ name: c.name, marker: c.marker })));
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
    expect(project.targets!.image).toMatchObject({ command: 'eleventh images --service svc', cache: true, inputs: IMAGE_INPUTS });
    expect(IMAGE_INPUTS).toEqual(['production', '!{projectRoot}/deploy.ts', '^production', '{workspaceRoot}/package-lock.json', '{workspaceRoot}/platform/images.yaml']);
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
