/**
 * The synthetic history, as a lazy sequence of commits: a root commit (platform, config, shared lib),
 * one commit creating each service, one adding overrides, and commitsPerService − 1 commits per service
 * touching its src/, interleaved across services, with shared-library and lockfile commits in between.
 * Authors and dates are fixed, so the same options always give the same commit SHAs.
 */
import type { SynthCommit } from './fast-import';
import { environmentFiles, overrideFiles } from './environment-files';
import { lockfileStages, rootFiles } from './root-files';
import { serviceChange, serviceFiles, serviceName, sharedLibFiles } from './service-files';

export interface HistoryOptions {
  readonly services: number;
  readonly namespaces: number;
  /** Commits touching each service, its creation included. */
  readonly commitsPerService: number;
  /** The Eleventh checkout the root files come from. */
  readonly source: string;
}

const AUTHORS = [
  { name: 'Ada Platform', email: 'ada@example.com' },
  { name: 'Brian Payments', email: 'brian@example.com' },
  { name: 'Chen Search', email: 'chen@example.com' },
  { name: 'Dana Ledger', email: 'dana@example.com' },
];

/** 2024-01-01T00:00:00Z; each commit is one minute after the previous one. */
const EPOCH = 1_704_067_200;

type Draft = { message: string; files: Array<[string, string]>; author?: number };

/** The extra commits: shared library twice, lockfile upgrades (zod, then ms). */
function extraCommits(source: string): Draft[] {
  const [, afterZod, final] = lockfileStages(source);
  return [
    { message: 'lib-a: faster greeting', files: sharedLibFiles(1) },
    { message: 'deps: upgrade zod', files: [['package-lock.json', afterZod]] },
    { message: 'lib-a: clearer greeting', files: sharedLibFiles(2) },
    { message: 'deps: upgrade ms', files: [['package-lock.json', final]] },
  ];
}

/**
 * Services are created one after another; change r of service i comes r·lag steps after its creation,
 * so each step interleaves several services' commits. A short lag keeps the `services/` tree small for
 * most of history: git fast-import rewrites that whole tree (one entry per service) on every commit,
 * which dominates synthesis time at N=5,000.
 */
function* serviceDrafts(o: HistoryOptions, extras: Draft[]): Generator<Draft> {
  const lag = Math.max(1, Math.ceil(o.services / 20));
  const changes = o.commitsPerService - 1;
  const steps = o.services + changes * lag;
  const extraEvery = Math.max(1, Math.floor(steps / (extras.length + 1)));
  for (let t = 0; t < steps; t++) {
    if (t < o.services) yield { message: `${serviceName(t)}: new service`, files: serviceFiles(t, o.namespaces), author: t };
    if (t === o.services - 1) {
      yield { message: 'environments: service overrides', files: overrideFiles(o.services, o.namespaces), author: 0 };
    }
    for (let r = 1; r <= changes; r++) {
      const i = t - r * lag;
      if (i >= 0 && i < o.services) yield { message: `${serviceName(i)}: change ${r}`, files: [serviceChange(i, r)], author: i + r };
    }
    if ((t + 1) % extraEvery === 0 && extras.length > 0) yield { ...extras.shift()!, author: 0 };
  }
  for (const extra of extras) yield { ...extra, author: 0 };
}

function* drafts(o: HistoryOptions): Generator<Draft> {
  yield {
    message: 'platform, environments and shared library',
    files: [...rootFiles(o.source), ...environmentFiles(o.namespaces), ...sharedLibFiles(0)],
    author: 0,
  };
  yield* serviceDrafts(o, extraCommits(o.source));
}

/** The whole history, oldest first. */
export function* history(o: HistoryOptions): Generator<SynthCommit> {
  let n = 0;
  for (const d of drafts(o)) {
    yield { author: AUTHORS[(d.author ?? 0) % AUTHORS.length], time: EPOCH + 60 * n++, message: `${d.message}\n`, files: d.files };
  }
}
