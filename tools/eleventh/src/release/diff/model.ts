/**
 * What `eleventh diff` reports, per pair of recipes: services added, removed and moved (with the commits
 * behind each move: release notes), services re-rendered with the same image, the manifest-only commits
 * between the two sides' manifest sources, every service's pin and digest side by side, and the resolved
 * configuration differences.
 */
import type { ManifestCommit, Rerender, ServiceNotes } from '../notes/model';
import type { AddonMove } from '../addon-moves';

export interface ServiceRef {
  readonly service: string;
  readonly namespace: string;
  readonly commit: string;
}

/**
 * A pin move. direction forward: `to` is newer on the release line; backward: a rollback (the commits are
 * those it undoes); unrelated: not both in the history. `commits`: every commit between the pins that
 * changed one of the service's image inputs (own files, a library it imports, a locked package), newest first.
 */
export type ServiceMove = ServiceNotes;

/** One service on both sides (absent side: not there). */
export interface SideBySide {
  readonly service: string;
  readonly namespace: string;
  readonly a?: { readonly commit: string; readonly digest: string };
  readonly b?: { readonly commit: string; readonly digest: string };
}

export interface ConfigChange {
  readonly service: string;
  /** Dotted key (`replicas`, `resources.cpu`, `env.LOG_LEVEL`). */
  readonly key: string;
  /** Absent: not set on that side. */
  readonly a?: unknown;
  readonly b?: unknown;
}

export interface RecipeDiff {
  /** `environments`: two environments at HEAD; `revisions`: one environment at two refs. */
  readonly mode: 'environments' | 'revisions';
  /** e.g. `staging` → `prod`, or `v1:prod` → `v2:prod`. */
  readonly a: string;
  readonly b: string;
  readonly added: readonly ServiceRef[];
  readonly removed: readonly ServiceRef[];
  readonly moved: readonly ServiceMove[];
  /** Same pin, new manifest digest. */
  readonly rerendered: readonly Rerender[];
  /** Commits that changed a manifest input (kit, deploy.ts, configuration) between the two sides' sources. */
  readonly manifest: readonly ManifestCommit[];
  /** Every service, pins and digests side by side. */
  readonly services: readonly SideBySide[];
  readonly config: readonly ConfigChange[];
  /** Add-ons added, removed, re-versioned or with new values (release/addon-moves.ts). */
  readonly addons: readonly AddonMove[];
}
