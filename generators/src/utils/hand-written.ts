/**
 * The hand-written configuration files generators write (environment.yaml, tenant.yaml, platform/defaults.yaml):
 * first the editor modeline naming the file's published JSON Schema (so VS Code with the Red Hat YAML extension
 * completes and checks keys), then a comment, then the value — built as an object and emitted by the yaml
 * library, never from a template.
 */
import { Document, isMap, isScalar } from 'yaml';
import { schemaModeline } from '@eleventh/cli/src/config/schema-files';

/** A hand-written file copied from elsewhere (platform/defaults.yaml): its first line made the modeline for its path. */
export { withModeline } from '@eleventh/cli/src/config/schema-files';

/** Comment lines: each line is written after `#`, so start it with a space. */
export interface HandWrittenComments {
  /** Above the content, below the modeline. */
  readonly top: string;
  /** Above a top-level key, by key. */
  readonly keys?: Readonly<Record<string, string>>;
}

/** The text of the hand-written file at `path` (repository-relative) holding `value`. */
export function handWrittenYaml(path: string, value: object, comments: HandWrittenComments): string {
  const doc = new Document(value, { aliasDuplicateObjects: false });
  const contents = doc.contents;
  // On the content node, not the document: the yaml library then writes no blank line under the comment.
  if (contents) contents.commentBefore = `${schemaModeline(path).slice(1)}\n${comments.top}`;
  for (const [key, comment] of Object.entries(comments.keys ?? {})) {
    const pair = isMap(contents) ? contents.items.find((p) => isScalar(p.key) && p.key.value === key) : undefined;
    if (!pair || !isScalar(pair.key)) throw new Error(`${path}: no top-level key '${key}' to comment`);
    pair.key.commentBefore = comment;
  }
  return doc.toString({ lineWidth: 0, singleQuote: true });
}

