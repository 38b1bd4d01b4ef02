/** What release notes report: per moved service the commits behind the move, and the manifest-only changes. */
import type { Direction } from './segment';

/** One image input a commit changed: the service's own files, a library it imports, or a locked package. */
export type InputChange =
  | { readonly kind: 'own' }
  | { readonly kind: 'library'; readonly name: string }
  | { readonly kind: 'package'; readonly name: string; readonly from?: string; readonly to?: string };

export interface NoteCommit {
  readonly sha: string;
  readonly subject: string;
  readonly author: string;
  readonly inputs: readonly InputChange[];
}

/** A service whose pin changed. `commits`: newest first; for a backward move, the commits it undoes. */
export interface ServiceNotes {
  readonly service: string;
  readonly from: string;
  readonly to: string;
  readonly direction: Direction;
  readonly commits: readonly NoteCommit[];
}

/** One manifest input a commit changed. */
export type ManifestChange =
  | { readonly kind: 'kit'; readonly path: string }
  | { readonly kind: 'deploy'; readonly service: string; readonly path: string }
  | { readonly kind: 'config'; readonly path: string };

export interface ManifestCommit {
  readonly sha: string;
  readonly subject: string;
  readonly author: string;
  readonly changes: readonly ManifestChange[];
}

/** A service whose pin stayed but whose manifests changed (a new digest). */
export interface Rerender {
  readonly service: string;
  readonly from: string;
  readonly to: string;
}

export interface ManifestNotes {
  /** Commits between the old and the new manifest sources, newest first. */
  readonly commits: readonly ManifestCommit[];
  readonly rerendered: readonly Rerender[];
}

/** `own`, `lib runtime`, `npm zod 3.23.7→3.23.8`. */
export function describeInput(i: InputChange): string {
  if (i.kind === 'own') return 'own';
  if (i.kind === 'library') return `lib ${i.name}`;
  return `npm ${i.name} ${i.from ?? '(none)'}→${i.to ?? '(none)'}`;
}

/** `kit platform/kit/x.ts`, `deploy payments-api`, `config environments/prod/environment.yaml`. */
export function describeManifest(c: ManifestChange): string {
  return c.kind === 'deploy' ? `deploy ${c.service}` : `${c.kind} ${c.path}`;
}

/** `3608abab9511 subject [own, lib runtime]`. */
export function describeNoteCommit(c: NoteCommit | ManifestCommit): string {
  const tags = 'inputs' in c ? c.inputs.map(describeInput) : [...new Set(c.changes.map(describeManifest))];
  return `${c.sha.slice(0, 12)} ${c.subject}${tags.length > 0 ? ` [${tags.join(', ')}]` : ''}`;
}
