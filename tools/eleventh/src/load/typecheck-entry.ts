/**
 * The kit entry a type-check reads. A deploy.ts imports a few names from `@eleventh/platform` (usually
 * `defineService` and a type or two), yet the kit's index re-exports everything, the GitOps bootstrap and the
 * add-ons too: the compiler would parse ~420 files, about 2 MB, a third of it Argo CD's and Flux's models,
 * that no deploy.ts uses. The type-check first builds its program with a narrower index: the index's own
 * re-export statements, only those that export a name the checked files import (and every `export *`).
 *
 * The narrower index gives the same answer whenever it finds no error. The modules it leaves out are ones
 * no checked file reaches, and a module that nothing imports changes no type of the ones that are imported.
 * (A kit module that augmented a global type would, which is why the kit imports no such declarations.)
 * When it finds any error, or when a file uses the kit in any way other than named imports, the caller
 * checks with the whole index: every reported error is the whole kit's.
 */
import type * as TS from 'typescript';

export const KIT_SPECIFIER = '@eleventh/platform';

/** How often the specifier is written in `text`, in any quotes (comments count: they only make the answer "whole"). */
function mentions(text: string): number {
  let n = 0;
  for (let at = text.indexOf(KIT_SPECIFIER); at >= 0; at = text.indexOf(KIT_SPECIFIER, at + 1)) {
    const before = text[at - 1];
    if (before === "'" || before === '"' || before === '`') n++;
  }
  return n;
}

/**
 * The names that `sources` import from the kit, or undefined when any of them uses it otherwise: a default or
 * namespace import, a re-export, `import x = require(...)`, a dynamic import or `require`, an import type, a
 * `declare module` augmentation. Each written mention of the specifier must be one named import declaration.
 */
export function kitNamesImported(ts: typeof TS, sources: ReadonlyArray<{ readonly fileName: string; readonly text: string }>): Set<string> | undefined {
  const names = new Set<string>();
  for (const { fileName, text } of sources) {
    const written = mentions(text);
    if (written === 0) continue;
    const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
    let understood = 0;
    for (const statement of source.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== KIT_SPECIFIER) continue;
      const clause = statement.importClause;
      if (clause?.name) return undefined;
      const bindings = clause?.namedBindings;
      if (bindings && !ts.isNamedImports(bindings)) return undefined;
      for (const element of bindings?.elements ?? []) names.add((element.propertyName ?? element.name).text);
      understood++;
    }
    if (understood !== written) return undefined;
  }
  return names;
}

/**
 * The index `text` cut down to what `names` need: its `export … from` statements that export one of them, and
 * every `export * from`. Undefined when the index holds anything else (a declaration, an import, a local
 * export), which a cut-down copy could not keep exactly.
 */
export function narrowKitIndex(ts: typeof TS, fileName: string, text: string, names: ReadonlySet<string>): string | undefined {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const kept: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier) return undefined;
    const clause = statement.exportClause;
    const needed = !clause || (ts.isNamespaceExport(clause) ? names.has(clause.name.text) : clause.elements.some((e) => names.has(e.name.text)));
    if (needed) kept.push(text.slice(statement.getStart(source), statement.end));
  }
  return `${kept.join('\n')}\n`;
}
