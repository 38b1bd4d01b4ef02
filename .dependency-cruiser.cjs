/**
 * The import direction of this repository, enforced (`npm run lint:deps`; CI runs it through the spec
 * tools/boundaries/boundaries.int.spec.ts). The flow is services/*\/deploy.ts → platform/ →
 * tools/eleventh → environments/, with generators/ on top: it may use the platform and the CLI, nothing
 * uses it. Each rule's comment is what `lint:deps` prints when it is broken.
 */
const ENTRIES = '^(platform/src/index\\.ts|tools/eleventh/src/index\\.ts|tools/eleventh/src/testing/index\\.ts)$';

module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'an import cycle (expected the folders to import one way: services → platform → tools, generators on top)',
      from: { path: '^(tools|platform|generators|services)/' },
      to: { circular: true },
    },
    {
      name: 'resolvable',
      severity: 'error',
      comment: "an import that does not resolve (expected an existing file, or a package entry its package.json \"exports\" declares: '@eleventh/cli/src/…' is not one)",
      from: { path: '^(tools|platform|generators|services)/' },
      to: { couldNotResolve: true },
    },
    {
      name: 'platform-imports-only-itself',
      severity: 'error',
      comment: 'platform/ imports tools/, generators/ or services/ (expected only node builtins, kubernetes-models* and platform/ itself)',
      from: { path: '^platform/' },
      to: { path: '^(tools|generators|services)/' },
    },
    {
      name: 'tools-type-imports-platform',
      severity: 'error',
      comment: 'tools/ imports a value from platform/ (expected `import type`: the engine loads the kit of the repository it renders at run time, tools/eleventh/src/load/kit.ts)',
      from: { path: '^tools/' },
      to: { path: '^platform/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'nothing-imports-generators',
      severity: 'error',
      comment: 'imports generators/ (expected nothing to: @eleventh/nx is the top of the stack; `eleventh new` finds it at run time through its package.json "eleventh.commands")',
      from: { path: '^(tools|platform|services)/' },
      to: { path: '^generators/' },
    },
    {
      name: 'generators-use-package-entries',
      severity: 'error',
      comment: "generators/ reaches into another package's files (expected its entry: '@eleventh/cli', '@eleventh/cli/testing' or '@eleventh/platform')",
      from: { path: '^generators/' },
      to: { path: '^(tools|platform)/', pathNot: ENTRIES },
    },
    {
      name: 'generators-not-services',
      severity: 'error',
      comment: 'generators/ imports services/ (expected the example services to be data, not code the generators use)',
      from: { path: '^generators/' },
      to: { path: '^services/' },
    },
    {
      name: 'services-use-platform-entry',
      severity: 'error',
      comment: "a service imports tools/, generators/ or the platform's files (expected '@eleventh/platform' only)",
      from: { path: '^services/' },
      to: { path: '^(tools/|generators/|platform/)', pathNot: '^platform/src/index\\.ts$' },
    },
    {
      name: 'services-use-shared-libraries',
      severity: 'error',
      comment: 'a service imports another service (expected only its own files and the shared libraries, services/shared/*)',
      from: { path: '^services/([^/]+)/' },
      to: { path: '^services/', pathNot: ['^services/$1/', '^services/shared/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '/files/', '/files-registry/', '^tools/bench/out/', '\\.d\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['require', 'node', 'default'],
      extensions: ['.ts', '.js', '.cjs', '.mjs', '.json'],
    },
    moduleSystems: ['cjs', 'es6'],
  },
};
