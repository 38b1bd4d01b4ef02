import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{tools,platform,generators,services}/**/*.spec.ts'],
    exclude: ['**/node_modules/**', '**/files/**', 'tools/bench/**'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
