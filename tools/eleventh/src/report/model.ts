/**
 * What `eleventh report` shows, as data: the `--format json` output, and what the HTML page and the
 * Markdown twin render. Times are ISO 8601 committer times; ages and durations are seconds relative to
 * `now` (HEAD's committer time unless `--now` is given), so the same repository gives the same bytes.
 */
import type { ChangeKind } from '../release/history';

/** One change of an environment's recipe (the same data as `eleventh history`). */
export interface ReportChange {
  readonly time: string;
  readonly kind: ChangeKind;
  readonly commit: string;
  readonly subject: string;
  readonly committer: string;
  readonly tag?: string;
  readonly tagger?: string;
  readonly rollback?: { readonly from: string; readonly to: string };
  /** Services whose pin moved (added, re-pinned or removed), sorted. */
  readonly moved: readonly string[];
  /** Add-on moves beside them: `cert-manager v1.21.1 → v1.21.2`, sorted by add-on. */
  readonly addons: readonly string[];
}

/** A service's state in one environment. */
export interface ReportCell {
  readonly pin: string;
  /** Committer time of the pin commit. */
  readonly pinTime: string;
  /** `now` − pinTime, seconds. */
  readonly age: number;
  readonly imageDigest?: string;
  /** Against the environment's comparison base: same pin, a different pin, or the base lacks it. */
  readonly state: 'same' | 'differs' | 'extra' | 'base';
  /** The newest change of this environment that moved this service (index into its timeline). */
  readonly last?: number;
}

export interface ReportService {
  readonly name: string;
  readonly namespace: string;
  readonly team: string;
  /** Environment name → cell; absent: not deployed there (`missing` when its base has it). */
  readonly cells: Readonly<Record<string, ReportCell>>;
}

export interface Duration {
  readonly count: number;
  readonly median: number;
  readonly max: number;
}

/** DORA figures from git alone (see metrics.ts for the definitions). */
export interface Dora {
  readonly deployments: number;
  /** Days from the first change to `now`. */
  readonly windowDays: number;
  /** Deployments per week over the window; null for an empty window. */
  readonly perWeek: number | null;
  /** From the first commit behind each moved pin to the change that moved it here, seconds. */
  readonly leadTime: Duration | null;
  readonly promotions: number;
  readonly rollbacks: number;
  /** rollbacks ÷ promotions; null without promotions. */
  readonly changeFailureRate: number | null;
  /** From each rollback to the next promotion, seconds; `open`: rollbacks not yet followed by one. */
  readonly timeToRestore: (Duration & { readonly open: number }) | null;
}

export interface EnvironmentReport {
  readonly name: string;
  /** The environment compared against: promotion source, mirrored environment, or the `extends` parent. */
  readonly base?: string;
  readonly followsMain: boolean;
  readonly commitUrl?: string;
  readonly services: number;
  /** The newest promotion or rollback (index into timeline). */
  readonly lastRelease?: number;
  /** Newest first. */
  readonly timeline: readonly ReportChange[];
  /** Against `base`: what the base has and this lacks, what this has and the base lacks, different pins. */
  readonly differences?: { readonly missing: readonly string[]; readonly extra: readonly string[]; readonly differ: readonly string[] };
  readonly dora: Dora;
  /** Add-on (HelmRelease) → chart version in this environment's recipe. */
  readonly addons: Readonly<Record<string, string>>;
}

export interface ReportData {
  readonly head: { readonly commit: string; readonly time: string };
  readonly now: string;
  readonly environments: readonly EnvironmentReport[];
  readonly namespaces: ReadonlyArray<{ readonly name: string; readonly team: string }>;
  /** Sorted by name. */
  readonly services: readonly ReportService[];
}
