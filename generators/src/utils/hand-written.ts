/**
 * The hand-written configuration files generators write (environment.yaml, tenant.yaml, platform/defaults.yaml):
 * first the editor modeline naming the file's published JSON Schema (so VS Code with the Red Hat YAML extension
 * completes and checks keys), then a comment, then the value — built as an object and emitted by the engine's
 * one emitter (utils/yaml.ts), never from a template.
 */
import { schemaModeline } from '@eleventh/cli';
import { toYaml } from './yaml';

/** A hand-written file copied from elsewhere (platform/defaults.yaml): its first line made the modeline for its path. */
export { withModeline } from '@eleventh/cli';

/** Comment lines: each line is written after `#`, so start it with a space. */
export interface HandWrittenComments {
  /** Above the content, below the modeline. */
  readonly top: string;
  /** Above a top-level key, by key. */
  readonly keys?: Readonly<Record<string, string>>;
}

/** The text of the hand-written file at `path` (repository-relative) holding `value`. */
export function handWrittenYaml(path: string, value: object, comments: HandWrittenComments): string {
  const entries = Object.entries(value);
  for (const key of Object.keys(comments.keys ?? {})) {
    if (!(key in value)) throw new Error(`${path}: no top-level key '${key}' to comment`);
  }
  const first = `${schemaModeline(path).slice(1)}\n${comments.top}`;
  if (entries.length === 0) return toYaml({}, first);
  // Each commented key starts a part of its own, written under its comment; the first part carries the modeline.
  const parts: { comment: string; value: Record<string, unknown> }[] = [];
  for (const [key, v] of entries) {
    const comment = comments.keys?.[key];
    if (parts.length === 0) parts.push({ comment: comment === undefined ? first : `${first}\n${comment}`, value: {} });
    else if (comment !== undefined) parts.push({ comment, value: {} });
    parts[parts.length - 1].value[key] = v;
  }
  return parts.map((p) => toYaml(p.value, p.comment)).join('');
}
