'use strict';
/**
 * The Nx plugin entry (`"plugins": ["@eleventh/nx/plugin"]` in nx.json): plain CommonJS with no imports
 * beyond Node's own, so Nx loads it without registering a TypeScript transpiler — that alone cost ~2 s on
 * every graph build. Every `services/<name>/deploy.ts` makes `services/<name>` a service project with
 * build/test/image targets (image: `eleventh images --service <name>`); the service's class (the template it was made from) is told by the build file
 * or lockfile in its root, and chooses the build and test commands.
 * Keep in step with src/plugin/create-nodes.ts (the typed twin the generators and tests import).
 */
const fs = require('node:fs');
const path = require('node:path');

const SERVICE_GLOB = 'services/*/deploy.ts';

/**
 * Service classes other than node, by the file in the service root that marks them (first match wins;
 * none: node). Commands run in the service root.
 */
const SERVICE_CLASSES = [
  { name: 'java', marker: 'pom.xml', build: 'mvn -B -q -DskipTests package', test: 'mvn -B -q test' },
  { name: 'python', marker: 'requirements.lock', build: 'python3 -m compileall -q app', test: 'python3 -m unittest discover -s tests -v' },
  { name: 'go', marker: 'go.mod', build: 'go build -o /dev/null ./...', test: 'go test ./...' },
  { name: 'web', marker: 'nginx.conf', build: 'test -f nginx.conf -a -f public/index.html', test: 'node --test test/' },
];

/**
 * What the `image` target is cached on: the image inputs of the pin — the service's production files but its
 * deploy.ts, what it depends on (^production), the locked packages and the base images. `eleventh images`
 * itself asks the registry, so a cache miss on a pin the registry has builds nothing.
 */
const IMAGE_INPUTS = ['production', '!{projectRoot}/deploy.ts', '^production', '{workspaceRoot}/package-lock.json', '{workspaceRoot}/platform/images.yaml'];

/** The node class: typecheck (deploy.ts included) and the vitest specs. */
function nodeClass(root) {
  return { name: 'node', build: 'tsc -p tsconfig.json --noEmit', test: `vitest run --root ../.. ${root}` };
}

/** The class of the service at `root` (repository-relative) in the workspace at `workspaceRoot`. */
function serviceClass(root, workspaceRoot) {
  const found = SERVICE_CLASSES.find((c) => fs.existsSync(path.join(workspaceRoot, root, c.marker)));
  return found || nodeClass(root);
}

function serviceProject(deployFile, options, workspaceRoot) {
  const root = path.posix.dirname(deployFile);
  const name = path.posix.basename(root);
  const registry = (options && options.registry) || 'registry.example.com';
  const cls = serviceClass(root, workspaceRoot || process.cwd());
  const described = (what, command) => ({ description: `${what} (${cls.name} service): ${command}` });
  return {
    projects: {
      [root]: {
        name,
        root,
        projectType: 'application',
        sourceRoot: cls.name === 'node' ? `${root}/src` : root,
        tags: ['type:service', `template:${cls.name}`],
        targets: {
          build: { command: cls.build, options: { cwd: root }, inputs: ['production', '^production'], cache: true, metadata: described('Build', cls.build) },
          test: { command: cls.test, options: { cwd: root }, inputs: ['default', '^production'], cache: true, metadata: described('Test', cls.test) },
          image: {
            command: `eleventh images --service ${name}`,
            options: { cwd: root },
            inputs: IMAGE_INPUTS,
            outputs: [],
            cache: true,
            metadata: { description: `Build ${name}'s image (${registry}/${name}:<pin>) if the registry lacks its pin; \`-- --push\` pushes it (eleventh images)` },
          },
        },
      },
    },
  };
}

const createNodes = [
  SERVICE_GLOB,
  (files, options, context) => files.map((file) => [file, serviceProject(file, options, context && context.workspaceRoot)]),
];

module.exports = { createNodes, serviceProject, serviceClass, SERVICE_CLASSES, SERVICE_GLOB, IMAGE_INPUTS };
