/**
 * The one template renderer: Handlebars files (`*.hbs`) rendered into a Tree. `nx g` passes its own Tree;
 * the plopfile passes an FsTree over the destination folder, so both write byte-identical files.
 * Templates run without HTML escaping and in strict mode: a missing field is an error, not an empty string.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import type { Tree } from '@nx/devkit';
import Handlebars from 'handlebars';
import { GeneratorError } from './errors';

/** Template data: plain values only (strings, numbers, booleans, lists and maps of them). */
export type TemplateData = Readonly<Record<string, unknown>>;

const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Render one template file with `data`. */
export function renderTemplate(templateFile: string, data: TemplateData): string {
  let template = compiled.get(templateFile);
  if (!template) {
    template = Handlebars.compile(readFileSync(templateFile, 'utf8'), { noEscape: true, strict: true });
    compiled.set(templateFile, template);
  }
  return template(data);
}

/** Every file under `dir`, as POSIX paths relative to it, sorted. */
export function listTemplateFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const full = join(at, entry.name);
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join(posix.sep));
    }
  };
  walk(dir);
  return out.sort();
}

/** A template's destination name: `__key__` replaced by `data[key]`, `.hbs` dropped. */
export function targetName(templatePath: string, data: TemplateData): string {
  const replaced = templatePath.replace(/__([a-zA-Z]+)__/g, (_, key: string) => {
    const value = data[key];
    if (typeof value !== 'string') throw new Error(`template path ${templatePath}: no string '${key}' in data`);
    return value;
  });
  return replaced.endsWith('.hbs') ? replaced.slice(0, -'.hbs'.length) : replaced;
}

/** Write a new file; refuse to overwrite one that exists. */
export function writeNewFile(tree: Tree, path: string, content: string): void {
  if (tree.exists(path)) throw new GeneratorError(path, 'already exists', 'a path no file occupies yet');
  tree.write(path, content);
}

/** Render every template under `templateDir` into `destDir` of the tree; returns the written paths. */
export function renderFiles(tree: Tree, templateDir: string, destDir: string, data: TemplateData): string[] {
  return listTemplateFiles(templateDir).map((file) => {
    const dest = posix.join(destDir, targetName(file, data));
    writeNewFile(tree, dest, renderTemplate(join(templateDir, file), data));
    return dest;
  });
}
