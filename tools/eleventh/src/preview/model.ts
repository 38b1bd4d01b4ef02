/** What `eleventh preview` reports; `--format json` prints exactly this (keys in this order). */

/** A folder of rendered files the preview groups changes by. */
export type UnitKind = 'service' | 'namespace' | 'layer' | 'environment';

export interface FileChange {
  readonly path: string;
  readonly status: 'added' | 'removed' | 'modified';
  readonly added: number;
  readonly removed: number;
}

export interface UnitChange {
  readonly kind: UnitKind;
  /** The service, the namespace, the layer folder (`_platform`, `_flux`, …) or the environment. */
  readonly name: string;
  /** For a service: its namespace. */
  readonly namespace?: string;
  readonly files: readonly FileChange[];
  readonly added: number;
  readonly removed: number;
  /** The unified diff: per file a `--- a/…`, `+++ b/…` header and its hunks; trimmed (see `trimmed`). */
  readonly diff: readonly string[];
  /** Diff lines left out of `diff` to keep the report small. */
  readonly trimmed: number;
}

/** Why a pin would move: the uncommitted change (its input files) or a commit on the branch. */
export type MoveReason =
  | { readonly kind: 'this-change'; readonly files: readonly string[]; readonly packages: readonly string[] }
  | { readonly kind: 'commit'; readonly sha: string; readonly subject: string; readonly inputs: readonly string[] };

export interface PinMove {
  readonly service: string;
  readonly namespace: string;
  /** Absent: a new service. */
  readonly from?: string;
  /** Absent: the service is removed. `(this change)` stands for the commit the change would become. */
  readonly to?: string;
  readonly why: readonly MoveReason[];
}

export interface EnvironmentPreview {
  readonly environment: string;
  /** The promotion source, for an environment that changes only by promote or rollback. */
  readonly promotedFrom?: string;
  readonly changes: readonly UnitChange[];
  readonly pins: readonly PinMove[];
  /** Schema and policy findings the render would fail with (empty: it renders). */
  readonly policies: readonly string[];
}

export interface PreviewResult {
  readonly base: { readonly label: string; readonly commit: string };
  readonly head: string;
  /** Uncommitted paths previewed on top of HEAD (empty: the work tree is HEAD). */
  readonly uncommitted: readonly string[];
  readonly environments: readonly EnvironmentPreview[];
  /** Units whose diff was left out entirely because the report reached its size budget. */
  readonly omitted: number;
}

/** What a pin that the uncommitted change would create is shown as. */
export const THIS_CHANGE = '(this change)';
