/** What `eleventh diff` reports: per environment pair, services added, removed, moved, and config differences. */
export interface ServiceRef {
  readonly service: string;
  readonly namespace: string;
  readonly commit: string;
}

export interface ServiceMove {
  readonly service: string;
  readonly from: string;
  readonly to: string;
  /** forward: `to` descends from `from`; backward: a rollback; unrelated: neither. */
  readonly direction: 'forward' | 'backward' | 'unrelated';
  /** `git log --format=%s` between the pins (newest first), limited to the service's folder. */
  readonly commits: readonly string[];
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
  /** e.g. `staging` → `prod`, or `v1:prod` → `v2:prod`. */
  readonly a: string;
  readonly b: string;
  readonly added: readonly ServiceRef[];
  readonly removed: readonly ServiceRef[];
  readonly moved: readonly ServiceMove[];
  readonly config: readonly ConfigChange[];
}
