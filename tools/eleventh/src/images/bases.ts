/**
 * `platform/images.yaml`: the base image of each service template class, configured once and pinned by
 * digest. It is hand-written (schema `images.schema.json`, unknown keys refused, `file:line` messages) and an
 * image input: a service's pin and inputs identity include its class's base, so changing `bases.node` moves
 * the pins of exactly the node services. A base without a digest (floating) is refused unless its class is
 * listed in `allowFloating`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, ConfigErrors, GitError } from '../errors';
import { validateSchema } from '../config/schema-validate';
import { parseYaml, readYamlFile, type YamlDoc } from '../yaml/read';
import { isTemplateClass, type TemplateClass } from '../pins/template-class';
import { parseImageRef } from './registry/reference';

export const IMAGES_FILE = 'platform/images.yaml';

export interface ImageBases {
  readonly file: string;
  /** Class → base image reference, as written. */
  readonly bases: ReadonlyMap<TemplateClass, string>;
  /** Classes whose base may float (no digest). */
  readonly allowFloating: ReadonlySet<TemplateClass>;
  /** 1-based line of `bases.<class>`. */
  lineOf(cls: TemplateClass): number | undefined;
}

/** The classes' bases of a parsed file, without checking (what a history walk compares). */
export function basesOf(value: unknown): Map<TemplateClass, string> {
  const out = new Map<TemplateClass, string>();
  const bases = typeof value === 'object' && value !== null ? (value as { bases?: unknown }).bases : undefined;
  if (typeof bases !== 'object' || bases === null) return out;
  for (const [cls, ref] of Object.entries(bases)) if (isTemplateClass(cls) && typeof ref === 'string') out.set(cls, ref);
  return out;
}

function floatingErrors(doc: YamlDoc, bases: ReadonlyMap<TemplateClass, string>, allowed: ReadonlySet<TemplateClass>): ConfigError[] {
  const errors: ConfigError[] = [];
  for (const [cls, ref] of bases) {
    if (parseImageRef(ref).digest !== undefined || allowed.has(cls)) continue;
    errors.push(new ConfigError(
      { file: doc.file, line: doc.lineOf(['bases', cls]) },
      `bases.${cls} '${ref}' is a floating base (a tag without a digest: the same pin could build a different image)`,
      `${ref.replace(/@.*$/, '')}@sha256:<64 hex>, or '${cls}' in allowFloating to accept it`,
    ));
  }
  return errors;
}

/** Check a parsed platform/images.yaml: the schema, then the floating rule. Throws ConfigErrors listing every problem. */
export function checkImages(doc: YamlDoc): ImageBases {
  const value = doc.value ?? {};
  const schema = validateSchema('images.schema.json', value).map((f) => new ConfigError({ file: doc.file, line: doc.lineOf(f.path) }, f.problem, f.expected));
  if (schema.length > 0) throw new ConfigErrors(schema.sort((a, b) => (a.at.line ?? 0) - (b.at.line ?? 0)));
  const bases = basesOf(value);
  const allowFloating = new Set(((value as { allowFloating?: TemplateClass[] }).allowFloating ?? []));
  const floating = floatingErrors(doc, bases, allowFloating);
  if (floating.length > 0) throw new ConfigErrors(floating);
  return { file: doc.file, bases, allowFloating, lineOf: (cls) => doc.lineOf(['bases', cls]) };
}

/** platform/images.yaml of the work tree, checked; undefined when the repository has none. */
export function readImages(root: string): ImageBases | undefined {
  if (!existsSync(join(root, IMAGES_FILE))) return undefined;
  return checkImages(readYamlFile(root, IMAGES_FILE));
}

/** platform/images.yaml as committed at `rev`, checked; undefined when `rev` has none. */
export function readImagesAt(root: string, rev: string): ImageBases | undefined {
  const res = spawnSync('git', ['cat-file', 'blob', `${rev}:${IMAGES_FILE}`], { cwd: root, encoding: 'utf8', maxBuffer: 4 * 1024 * 1024, env: { ...process.env, LC_ALL: 'C' } });
  if (res.status !== 0) {
    if (/does not exist|exists on disk, but not in|Not a valid object name|path .* does not exist/.test(res.stderr)) return undefined;
    throw new GitError(['cat-file', 'blob', `${rev}:${IMAGES_FILE}`], res.stderr, res.status);
  }
  return checkImages(parseYaml(res.stdout, IMAGES_FILE));
}
