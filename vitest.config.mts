import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{tools,platform,generators,services}/**/*.spec.ts'],
    exclude: ['**/node_modules/**', '**/files/**', 'tools/bench/**'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
    pool: 'forks',
    // The default reporter for people; the JSON file is what .ci/run turns into `N passed, M failed`.
    reporters: ['default', 'json'],
    outputFile: { json: 'tmp/vitest-results.json' },
  },
});
