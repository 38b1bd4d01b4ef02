import { defineConfig } from 'vitest/config';

/**
 * Two projects. `unit`: in-memory trees, pure functions, small temporary folders — no git repositories,
 * no Nx graph, no npm, no child CLI (`npm run test:fast`, about half a minute). `integration`: specs
 * named `*.int.spec.ts` (real git repositories with real commits, the real Nx graph, `nx g`, spawned
 * CLIs) and `*.e2e.spec.ts` (real installs, real Nx runs, browsers, Maven/Go) — `npm run test:int`.
 * `npm test` runs both, and is what .ci/run runs.
 */
const SPECS = '{tools,platform,generators,services}/**';
const SLOW = [`${SPECS}/*.int.spec.ts`, `${SPECS}/*.e2e.spec.ts`];

export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', '**/files/**', 'tools/bench/**'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on CI's 2 cores. The integration specs
    // mostly wait on the git, Nx and CLI processes they spawn, so two workers overlap that waiting.
    maxWorkers: Number(process.env.ELEVENTH_TEST_WORKERS) || 2,
    // The default reporter for people; the JSON file is what .ci/run turns into `N passed, M failed`.
    reporters: ['default', 'json'],
    outputFile: { json: 'tmp/vitest-results.json' },
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: [`${SPECS}/*.spec.ts`], exclude: ['**/node_modules/**', '**/files/**', 'tools/bench/**', ...SLOW] },
      },
      // The example repository and its reciped copy are built once per run and copied by each spec that starts
      // from them (tools/eleventh/src/testing/example-template.ts).
      { extends: true, test: { name: 'integration', include: SLOW, globalSetup: ['tools/eleventh/src/testing/example-templates.setup.ts'] } },
    ],
  },
});
