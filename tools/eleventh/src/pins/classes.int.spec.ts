/**
 * Pins of non-Node services (the java, python, go and web templates) on a real repository and the real Nx
 * graph: their image inputs are their production files plus their own lockfile or build file (pom.xml,
 * requirements.lock, go.mod/go.sum), never the workspace's package-lock.json; tests, READMEs and deploy.ts
 * do not count.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitFiles, serviceFiles, type FixtureRepo } from '../testing/fixture';
import { computePins } from './compute';
import { commits, pinsRepo } from './pins-fixture';

const deploy = (name: string): string => serviceFiles({ name })[`services/${name}/deploy.ts`];

/** The shape of each template class (the files that matter to pins), keyed by repository path. */
const CLASSES: Record<string, string> = {
  'services/jsvc/deploy.ts': deploy('jsvc'),
  'services/jsvc/pom.xml': '<project><artifactId>jsvc</artifactId><version>0.0.0</version></project>\n',
  'services/jsvc/src/main/java/app/Main.java': 'package app;\npublic final class Main {}\n',
  'services/jsvc/src/test/java/app/MainTest.java': 'package app;\nclass MainTest {}\n',
  'services/jsvc/README.md': '# jsvc\n',
  'services/jsvc/Dockerfile': 'ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n',
  'services/pysvc/deploy.ts': deploy('pysvc'),
  'services/pysvc/requirements.lock': '# stdlib only\n',
  'services/pysvc/app/main.py': 'print("hello")\n',
  'services/pysvc/tests/test_main.py': 'import unittest\n',
  'services/pysvc/README.md': '# pysvc\n',
  'services/gosvc/deploy.ts': deploy('gosvc'),
  'services/gosvc/go.mod': 'module gosvc\n\ngo 1.19\n',
  'services/gosvc/go.sum': '',
  'services/gosvc/main.go': 'package main\n\nfunc main() {}\n',
  'services/gosvc/main_test.go': 'package main\n',
  'services/websvc/deploy.ts': deploy('websvc'),
  'services/websvc/nginx.conf': 'server { listen 8080; }\n',
  'services/websvc/public/index.html': '<h1>web</h1>\n',
  'services/websvc/test/site.test.mjs': "import 'node:test';\n",
};

const SERVICES = ['gosvc', 'jsvc', 'pysvc', 'websvc'];

describe('pins of non-Node services (real git, real Nx graph)', () => {
  let repo: FixtureRepo;
  beforeAll(() => {
    repo = pinsRepo({ services: [], files: CLASSES });
  });
  afterAll(() => repo.cleanup());

  const pins = async (): Promise<Record<string, string>> => commits(await computePins({ root: repo.root, previous: new Map() }));

  it('pins each class to the first commit, with its lockfile among its image inputs and no npm package', async () => {
    const result = await computePins({ root: repo.root, previous: new Map() });
    expect(Object.keys(commits(result)).sort()).toEqual(SERVICES);
    const inputs = Object.fromEntries(result.services.map((s) => [s.name, s]));
    expect(inputs.jsvc.files).toEqual(['services/jsvc/Dockerfile', 'services/jsvc/pom.xml', 'services/jsvc/src/main/java/app/Main.java']);
    expect(inputs.pysvc.files).toEqual(['services/pysvc/app/main.py', 'services/pysvc/requirements.lock']);
    expect(inputs.gosvc.files).toEqual(['services/gosvc/go.mod', 'services/gosvc/go.sum', 'services/gosvc/main.go']);
    expect(inputs.websvc.files).toEqual(['services/websvc/nginx.conf', 'services/websvc/public/index.html']);
    for (const name of SERVICES) expect(inputs[name].externals, name).toEqual([]);
    for (const pin of Object.values(commits(result))) expect(pin).toBe(repo.initial);
  });

  // One repository, one commit after another: each step states which pins it moves (the rest stay).
  it('tests, READMEs, deploy.ts and the npm lockfile move no pin; each source or lockfile change moves only its own service', async () => {
    const lock = JSON.parse(readFileSync(join(repo.root, 'package-lock.json'), 'utf8'));
    lock.packages['node_modules/zod'].version = '3.24.1';
    commitFiles(
      repo.root,
      {
        'services/jsvc/src/test/java/app/MainTest.java': 'package app;\nclass MainTest { void more() {} }\n',
        'services/jsvc/README.md': '# jsvc, documented\n',
        'services/jsvc/deploy.ts': `${deploy('jsvc')}// tuned\n`,
        'services/pysvc/tests/test_main.py': 'import unittest  # more\n',
        'services/gosvc/main_test.go': 'package main\n\n// more\n',
        'services/gosvc/README.md': '# gosvc\n',
        'services/websvc/test/site.test.mjs': "import 'node:test'; // more\n",
        'package-lock.json': `${JSON.stringify(lock, null, 2)}\n`,
      },
      'tests, docs, manifests and an npm bump only',
    );
    const initial = repo.initial;
    expect(await pins()).toEqual({ gosvc: initial, jsvc: initial, pysvc: initial, websvc: initial });

    const pom = commitFiles(repo.root, { 'services/jsvc/pom.xml': CLASSES['services/jsvc/pom.xml'].replace('0.0.0', '0.0.1') }, 'jsvc: pom');
    const req = commitFiles(repo.root, { 'services/pysvc/requirements.lock': 'six==1.16.0 --hash=sha256:' + 'a'.repeat(64) + '\n' }, 'pysvc: lock');
    const sum = commitFiles(repo.root, { 'services/gosvc/go.sum': 'example.com/m v1.0.0 h1:abc=\n' }, 'gosvc: go.sum');
    expect(await pins()).toEqual({ gosvc: sum, jsvc: pom, pysvc: req, websvc: initial });

    const java = commitFiles(repo.root, { 'services/jsvc/src/main/java/app/Main.java': 'package app;\npublic final class Main { }\n' }, 'jsvc: src');
    const site = commitFiles(repo.root, { 'services/websvc/public/index.html': '<h1>web v2</h1>\n' }, 'websvc: site');
    const py = commitFiles(repo.root, { 'services/pysvc/app/main.py': 'print("hello, v2")\n' }, 'pysvc: src');
    const mod = commitFiles(repo.root, { 'services/gosvc/go.mod': 'module gosvc\n\ngo 1.21\n' }, 'gosvc: go.mod');
    expect(await pins()).toEqual({ gosvc: mod, jsvc: java, pysvc: py, websvc: site });
  });
});
