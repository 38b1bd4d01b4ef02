/**
 * The files of one synthetic service (`services/svc-XXXX/`) and of the shared library every third
 * service imports. Content is a pure function of (index, revision), so the repository is reproducible.
 */
import type { ServiceType } from '@eleventh/platform';

export const SHARED_LIB = 'lib-a';
export const SHARED_LIB_ROOT = `services/shared/${SHARED_LIB}`;
export const SHARED_LIB_IMPORT = `@acme/${SHARED_LIB}`;

const TYPES: readonly ServiceType[] = ['http', 'worker', 'cron'];

/** `svc-0001` for index 0. */
export function serviceName(index: number): string {
  return `svc-${String(index + 1).padStart(4, '0')}`;
}

/** `ns-01` … `ns-20`: services are spread round-robin over the namespaces. */
export function namespaceName(index: number): string {
  return `ns-${String(index + 1).padStart(2, '0')}`;
}

export function serviceNamespace(index: number, namespaces: number): string {
  return namespaceName(index % namespaces);
}

export function serviceType(index: number): ServiceType {
  return TYPES[index % TYPES.length];
}

/** Every third service imports the shared library. */
export function usesSharedLib(index: number): boolean {
  return index % 3 === 0;
}

/** Every seventh service imports `zod` (an external package pinned by the lockfile). */
export function usesZod(index: number): boolean {
  return index % 7 === 0;
}

function deploySpecLines(index: number, namespaces: number): string[] {
  const type = serviceType(index);
  const lines = [
    `  name: '${serviceName(index)}',`,
    `  namespace: '${serviceNamespace(index, namespaces)}',`,
    `  type: '${type}',`,
  ];
  if (type === 'http') lines.push(`  port: ${8080 + (index % 3)},`);
  if (type === 'cron') lines.push(`  schedule: '${index % 60} * * * *',`);
  if (type === 'worker') lines.push(`  command: ['node', 'dist/main.js', '--worker'],`);
  if (type === 'http' && index % 10 === 0 && namespaces > 1) {
    lines.push(`  allowFrom: ['${serviceNamespace(index + 1, namespaces)}'],`);
  }
  return lines;
}

export function deployTs(index: number, namespaces: number): string {
  return [
    "import { defineService } from '@eleventh/platform';",
    '',
    'export default defineService({',
    ...deploySpecLines(index, namespaces),
    '});',
    '',
  ].join('\n');
}

export function mainTs(index: number, revision: number): string {
  const imports = ["import { describe } from './util';"];
  const parts = ['describe(NAME, REVISION)'];
  if (usesSharedLib(index)) {
    imports.push(`import { greet } from '${SHARED_LIB_IMPORT}';`);
    parts.push('greet(NAME)');
  }
  if (usesZod(index)) {
    imports.push("import { z } from 'zod';");
    parts.push('String(z.object({ port: z.number() }).parse({ port: 8080 }).port)');
  }
  return [
    ...imports,
    '',
    `const NAME = '${serviceName(index)}';`,
    `export const REVISION = ${revision};`,
    '',
    'export function main(): string {',
    `  return [${parts.join(', ')}].join(' ');`,
    '}',
    '',
  ].join('\n');
}

export function utilTs(index: number, revision: number): string {
  return [
    `/** Helpers of ${serviceName(index)} (revision ${revision}). */`,
    'export function describe(name: string, revision: number): string {',
    `  return \`\${name}@\${revision}+${revision}\`;`,
    '}',
    '',
  ].join('\n');
}

export function dockerfile(index: number): string {
  const name = serviceName(index);
  return [
    'FROM node:20-alpine',
    'WORKDIR /app',
    `COPY dist/services/${name}/ ./`,
    'USER node',
    'CMD ["node", "main.js"]',
    '',
  ].join('\n');
}

/** All four files of a new service. */
export function serviceFiles(index: number, namespaces: number): Array<[string, string]> {
  const root = `services/${serviceName(index)}`;
  return [
    [`${root}/deploy.ts`, deployTs(index, namespaces)],
    [`${root}/src/main.ts`, mainTs(index, 0)],
    [`${root}/src/util.ts`, utilTs(index, 0)],
    [`${root}/Dockerfile`, dockerfile(index)],
  ];
}

/** The change of `revision` (≥ 1): odd revisions touch util.ts, even ones main.ts. */
export function serviceChange(index: number, revision: number): [string, string] {
  const root = `services/${serviceName(index)}`;
  return revision % 2 === 1
    ? [`${root}/src/util.ts`, utilTs(index, revision)]
    : [`${root}/src/main.ts`, mainTs(index, revision)];
}

export function sharedLibFiles(revision: number): Array<[string, string]> {
  const project = {
    name: SHARED_LIB,
    $schema: '../../../node_modules/nx/schemas/project-schema.json',
    root: SHARED_LIB_ROOT,
    sourceRoot: `${SHARED_LIB_ROOT}/src`,
    projectType: 'library',
    tags: ['type:library'],
  };
  const index = [
    `/** Shared runtime helpers (revision ${revision}). */`,
    `export const LIB_REVISION = ${revision};`,
    '',
    'export function greet(name: string): string {',
    `  return \`hello \${name} from ${SHARED_LIB} r\${LIB_REVISION}\`;`,
    '}',
    '',
  ].join('\n');
  return [
    [`${SHARED_LIB_ROOT}/project.json`, `${JSON.stringify(project, null, 2)}\n`],
    [`${SHARED_LIB_ROOT}/src/index.ts`, index],
  ];
}
