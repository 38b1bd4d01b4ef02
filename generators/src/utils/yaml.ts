/**
 * YAML the generators write (hand-written files they start, CI pipelines) comes out of the engine's one
 * emitter (@eleventh/cli `emitYaml`: tools/eleventh/src/yaml/emit.ts), so a file a generator wrote and one
 * the engine renders read the same: block style, lists at their key's indentation, the same quoting. Values
 * are built as objects, never as text templates. Editing a user's existing file (migrate-bootstrap's
 * kustomization.yaml) keeps using the `yaml` package's document model, which preserves their comments.
 */
import { emitYaml } from '@eleventh/cli';

/** `#` before each line of `comment` (whose lines start with a space, or are empty). */
function commentLines(comment: string): string {
  return comment.split('\n').map((line) => `#${line}`).join('\n');
}

/** The YAML document for `value`; `comment` (lines without `#`) goes first, one `#` line each. */
export function toYaml(value: unknown, comment?: string): string {
  return emitYaml(value, { header: comment === undefined ? undefined : commentLines(comment) });
}

/** One part of a top-level map, with the comment written above its keys. */
export interface YamlSection {
  readonly comment?: string;
  readonly value: Readonly<Record<string, unknown>>;
}

/**
 * A top-level map written part by part, each part's comment above its first key; parts without keys are
 * left out (their comment too), and a map with no keys at all is `{}` under the first comment.
 */
export function toYamlSections(sections: readonly YamlSection[]): string {
  const parts = sections.filter((s) => Object.values(s.value).some((v) => v !== undefined));
  if (parts.length === 0) return toYaml({}, sections[0]?.comment);
  return parts.map((s) => toYaml(s.value, s.comment)).join('');
}
