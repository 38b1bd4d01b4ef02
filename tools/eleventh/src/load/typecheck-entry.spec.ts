import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { kitNamesImported, narrowKitIndex } from './typecheck-entry';

const src = (text: string, fileName = 'services/a/deploy.ts') => ({ fileName, text });
const names = (...texts: string[]) => kitNamesImported(ts, texts.map((t, i) => src(t, `f${i}.ts`)));

describe('kitNamesImported', () => {
  it('collects named and type-only imports, by their exported name', () => {
    const got = names(
      "import { defineService, type KubeObject } from '@eleventh/platform';\nexport default defineService({} as any);",
      'import type { ServiceSpec } from "@eleventh/platform";\nimport { renderDefaults as rd } from \'@eleventh/platform\';',
    );
    expect([...got!].sort()).toEqual(['KubeObject', 'ServiceSpec', 'defineService', 'renderDefaults']);
  });

  it('is empty for files that do not import the kit', () => {
    expect(names("import { Deployment } from 'kubernetes-models/apps/v1/Deployment';", 'export const a = 1;')).toEqual(new Set());
  });

  it.each([
    ['a default import', "import kit from '@eleventh/platform';"],
    ['a namespace import', "import * as kit from '@eleventh/platform';"],
    ['a default and named import', "import kit, { defineService } from '@eleventh/platform';"],
    ['a re-export', "export { defineService } from '@eleventh/platform';"],
    ['a star re-export', "export * from '@eleventh/platform';"],
    ['import = require', "import kit = require('@eleventh/platform');"],
    ['a require call', "const kit = require('@eleventh/platform');"],
    ['a dynamic import', "const kit = await import('@eleventh/platform');"],
    ['an import type', "let x: import('@eleventh/platform').KubeObject;"],
    ['a module augmentation', "import { defineService } from '@eleventh/platform';\ndeclare module '@eleventh/platform' { interface ServiceSpec { extra?: string } }"],
    ['a template-literal require', 'const kit = require(`@eleventh/platform`);'],
    ['a subpath of the kit', "import { x } from '@eleventh/platform/extra';"],
    ['a mention in a comment beside a named import', "// see '@eleventh/platform'\nimport { defineService } from '@eleventh/platform';"],
  ])('asks for the whole kit for %s', (_what, text) => {
    expect(names(text)).toBeUndefined();
  });

  it('asks for the whole kit when any one file needs it', () => {
    expect(names("import { defineService } from '@eleventh/platform';", "import * as k from '@eleventh/platform';")).toBeUndefined();
  });
});

describe('narrowKitIndex', () => {
  const index = [
    "export * from './kit/types';",
    "export { KitError } from './errors';",
    "export { defineService } from './kit/define-service';",
    "export {\n  renderExternalSecret,\n  type SecretProvider,\n} from './secrets';",
    "export * as helm from './kit/helm';",
  ].join('\n');

  it('keeps every export *, and the statements that export an imported name', () => {
    expect(narrowKitIndex(ts, 'index.ts', index, new Set(['defineService']))).toBe("export * from './kit/types';\nexport { defineService } from './kit/define-service';\n");
    expect(narrowKitIndex(ts, 'index.ts', index, new Set(['SecretProvider', 'helm']))).toBe(
      "export * from './kit/types';\nexport {\n  renderExternalSecret,\n  type SecretProvider,\n} from './secrets';\nexport * as helm from './kit/helm';\n",
    );
  });

  it.each([
    ['a declaration', "export * from './kit/types';\nexport const VERSION = '1';"],
    ['an import', "import { a } from './a';\nexport { a };"],
    ['a local export list', "const a = 1;\nexport { a };"],
    ['a default export', 'export default 1;'],
  ])('gives up on an index with %s', (_what, text) => {
    expect(narrowKitIndex(ts, 'index.ts', text, new Set(['a']))).toBeUndefined();
  });

  it("keeps all of the repository's own kit index when every name is asked for, and cuts it for defineService", () => {
    const path = join(__dirname, '..', '..', '..', '..', 'platform', 'src', 'index.ts');
    const text = readFileSync(path, 'utf8');
    const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true);
    const exported = new Set<string>();
    let statements = 0;
    for (const s of source.statements) {
      if (!ts.isExportDeclaration(s)) continue;
      statements++;
      if (s.exportClause && ts.isNamedExports(s.exportClause)) s.exportClause.elements.forEach((e) => exported.add(e.name.text));
    }
    const all = narrowKitIndex(ts, path, text, exported)!;
    expect(all.split(/\nexport /).length).toBe(statements);
    const narrow = narrowKitIndex(ts, path, text, new Set(['defineService']))!;
    expect(narrow).toContain("from './kit/define-service'");
    expect(narrow).not.toContain('bootstrap');
    expect(narrow.length).toBeLessThan(all.length / 4);
  });
});
