/**
 * The files of a fixture workspace, as `path → content` (objects serialised with JSON.stringify, never
 * string-templated). Pure: `fixture.ts` writes them and makes the first commit.
 */

export interface FixtureService {
  /** Folder name under `services/` and the service name. */
  readonly name: string;
  /** @default 'team-a' */
  readonly namespace?: string;
  /** @default 'http' */
  readonly type?: 'http' | 'worker' | 'cron';
  /** Modules `src/main.ts` imports: lib aliases (`@acme/runtime`) or npm packages (`zod`, `ms`). @default [] */
  readonly imports?: readonly string[];
}

export interface FixtureLib {
  /** Folder name under `services/shared/`; the Nx project name and the `@acme/<name>` alias. */
  readonly name: string;
  /** Modules its `src/index.ts` imports. @default [] */
  readonly imports?: readonly string[];
}

/** Locked versions and integrities, as in the real lockfile of this repository. */
export const LOCKED: Readonly<Record<string, { version: string; integrity: string }>> = {
  zod: {
    version: '3.23.8',
    integrity: 'sha512-XBx9AXhXktjUqnepgTiE5flcKIYWi/rme0Eaj+5Y0lftuGBq+jyRu/md4WnuxqgP1ubdpNCsYEYPxrzVHD8d6g==',
  },
  ms: {
    version: '2.1.3',
    integrity: 'sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==',
  },
};

export type FileMap = Record<string, string>;

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** An identifier safe to bind an import to. */
function binding(spec: string, i: number): string {
  return `m${i}_${spec.replace(/[^A-Za-z0-9]/g, '_')}`;
}

/** A module that imports each of `imports` and uses it, so the import is a real dependency. */
export function moduleSource(imports: readonly string[], exported: string): string {
  const lines = imports.map((spec, i) => `import * as ${binding(spec, i)} from '${spec}';`);
  const used = imports.map((spec, i) => binding(spec, i)).join(', ');
  lines.push(`export const ${exported} = [${used}].length;`, '');
  return lines.join('\n');
}

export function lockfile(versions: Readonly<Record<string, { version: string; integrity: string }>>): string {
  const packages: Record<string, unknown> = {
    '': { name: 'fixture', version: '0.0.0', dependencies: dependencyRanges(versions) },
  };
  for (const [name, locked] of Object.entries(versions).sort(([a], [b]) => a.localeCompare(b))) {
    packages[`node_modules/${name}`] = {
      version: locked.version,
      resolved: `https://registry.npmjs.org/${name}/-/${name}-${locked.version}.tgz`,
      integrity: locked.integrity,
      license: 'MIT',
    };
  }
  return json({ name: 'fixture', version: '0.0.0', lockfileVersion: 3, requires: true, packages });
}

function dependencyRanges(versions: Readonly<Record<string, { version: string }>>): Record<string, string> {
  return Object.fromEntries(Object.entries(versions).map(([name, v]) => [name, v.version]));
}

/** Root files: package.json, lockfile, nx.json, tsconfig.base.json, .gitignore. */
export function workspaceFiles(libs: readonly FixtureLib[], withPlatform: boolean): FileMap {
  const paths: Record<string, string[]> = {};
  for (const lib of libs) paths[`@acme/${lib.name}`] = [`services/shared/${lib.name}/src/index.ts`];
  if (withPlatform) paths['@eleventh/platform'] = ['platform/src/index.ts'];
  return {
    '.gitignore': ['node_modules', '.nx/', 'dist/', 'tmp/', ''].join('\n'),
    'package.json': json({
      name: 'fixture',
      version: '0.0.0',
      private: true,
      dependencies: dependencyRanges(LOCKED),
    }),
    'package-lock.json': lockfile(LOCKED),
    'nx.json': json({
      analytics: false,
      pluginsConfig: { '@nx/js': { analyzeSourceFiles: true } },
      plugins: ['@eleventh/nx/plugin'],
    }),
    'tsconfig.base.json': json({
      compilerOptions: {
        target: 'ES2022',
        module: 'commonjs',
        moduleResolution: 'node',
        strict: true,
        esModuleInterop: true,
        skipLibCheck: true,
        baseUrl: '.',
        paths,
      },
    }),
  };
}

/** A shared library: project.json, src/index.ts, a spec and a README (neither is an image input). */
export function libFiles(lib: FixtureLib): FileMap {
  const root = `services/shared/${lib.name}`;
  return {
    [`${root}/project.json`]: json({ name: lib.name, root, sourceRoot: `${root}/src`, projectType: 'library' }),
    [`${root}/src/index.ts`]: moduleSource(lib.imports ?? [], 'size'),
    [`${root}/src/index.spec.ts`]: specSource('./index'),
    [`${root}/README.md`]: `# ${lib.name}\n`,
  };
}

function specSource(module: string): string {
  return [
    "import { it, expect } from 'vitest';",
    `import * as m from '${module}';`,
    "it('loads', () => expect(m).toBeTruthy());",
    '',
  ].join('\n');
}

/** A service: deploy.ts, src/main.ts, a spec, a Dockerfile and a README. */
export function serviceFiles(service: FixtureService): FileMap {
  const root = `services/${service.name}`;
  const spec = {
    name: service.name,
    namespace: service.namespace ?? 'team-a',
    type: service.type ?? 'http',
  };
  return {
    [`${root}/deploy.ts`]: [
      "import { defineService } from '@eleventh/platform';",
      `export default defineService(${JSON.stringify(spec)});`,
      '',
    ].join('\n'),
    [`${root}/src/main.ts`]: moduleSource(service.imports ?? [], 'main'),
    [`${root}/src/main.spec.ts`]: specSource('./main'),
    [`${root}/Dockerfile`]: ['FROM node:20-alpine', 'COPY dist /app', 'CMD ["node", "/app/main.js"]', ''].join('\n'),
    [`${root}/README.md`]: `# ${service.name}\n`,
  };
}
