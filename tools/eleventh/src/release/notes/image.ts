/**
 * The commits behind each pin move: every commit in old..new that changed one of the service's image
 * inputs as pins/ defines them (its own production files, those of every project its runtime code
 * imports per the Nx graph, the locked versions of the packages it imports). One `git log` over the
 * union of the moved services' project roots and package-lock.json; one cat-file process for lockfiles.
 */
import { PathClassifier, pathspecs } from '../../pins/classify';
import type { GraphInputs, ServiceInputs } from '../../pins/inputs';
import { LOCKFILE, LockfileReader } from '../../pins/lockfile';
import { isImageInputFile } from '../../pins/production';
import type { InputChange, NoteCommit, ServiceNotes } from './model';
import type { LoggedCommit, Segment } from './segment';

export interface MoveRequest {
  readonly service: string;
  readonly from: string;
  readonly to: string;
}

/** package name → locked version before and after, for lockfile commits. */
type LockDelta = Map<string, { from?: string; to?: string }>;

async function lockDeltas(root: string, commits: readonly LoggedCommit[], names: ReadonlySet<string>): Promise<Map<string, LockDelta>> {
  const out = new Map<string, LockDelta>();
  const touched = commits.filter((c) => c.paths.includes(LOCKFILE));
  if (touched.length === 0 || names.size === 0) return out;
  const reader = new LockfileReader(root);
  try {
    for (const c of touched) {
      const [after, before] = await Promise.all([reader.at(c.sha), reader.at(`${c.sha}^1`)]);
      const delta: LockDelta = new Map();
      for (const name of names) {
        if (after.get(name) !== before.get(name)) delta.set(name, { ...(before.has(name) ? { from: before.get(name) } : {}), ...(after.has(name) ? { to: after.get(name) } : {}) });
      }
      out.set(c.sha, delta);
    }
  } finally {
    reader.close();
  }
  return out;
}

/** A service the graph no longer knows (removed since): its own folder, deploy.ts excluded. */
function ownFallback(service: string, path: string): boolean {
  const root = `services/${service}/`;
  return path.startsWith(root) && isImageInputFile(path.slice(root.length), true);
}

class Attribution {
  private readonly classifier: PathClassifier;
  private readonly byName: ReadonlyMap<string, ServiceInputs>;

  constructor(private readonly graph: GraphInputs, services: readonly ServiceInputs[], private readonly locks: ReadonlyMap<string, LockDelta>) {
    this.classifier = new PathClassifier(graph, services);
    this.byName = new Map(services.map((s) => [s.name, s]));
  }

  /** The image inputs of `service` that `commit` changed (empty: none). */
  inputsOf(service: string, commit: LoggedCommit): InputChange[] {
    const inputs = this.byName.get(service);
    const out = new Map<string, InputChange>();
    for (const path of commit.paths) {
      if (path === LOCKFILE) {
        for (const ext of inputs?.externals ?? []) {
          const d = this.locks.get(commit.sha)?.get(ext.name);
          if (d) out.set(`npm:${ext.name}`, { kind: 'package', name: ext.name, ...d });
        }
      } else if (!inputs) {
        if (ownFallback(service, path)) out.set('own', { kind: 'own' });
      } else if (this.classifier.servicesOf(path).includes(service)) {
        const owner = this.classifier.owner(path)!;
        out.set(owner.name === service ? 'own' : `lib:${owner.name}`, owner.name === service ? { kind: 'own' } : { kind: 'library', name: owner.name });
      }
    }
    return [...out.values()];
  }
}

/** For each move, the commits behind it (see Segment for what "between" means). */
export async function imageNotes(root: string, segment: Segment, graph: GraphInputs, moves: readonly MoveRequest[]): Promise<ServiceNotes[]> {
  if (moves.length === 0) return [];
  const names = new Set(moves.map((m) => m.service));
  const services = graph.services.filter((s) => names.has(s.name));
  const unknown = [...names].filter((n) => !services.some((s) => s.name === n)).map((n) => `services/${n}`);
  const externals = new Set(services.flatMap((s) => s.externals.map((e) => e.name)));
  const roots = [...new PathClassifier(graph, services).roots(), ...unknown];
  const specs = roots.some((r) => r === '.') ? [] : pathspecs(externals.size > 0 ? [...roots, LOCKFILE] : roots);
  const log = segment.log(specs);
  const attribution = new Attribution(graph, services, await lockDeltas(root, log, externals));
  return moves.map((m): ServiceNotes => {
    const range = { from: m.from, to: m.to };
    const direction = segment.direction(range);
    const commits: NoteCommit[] = [];
    if (direction !== 'unrelated') {
      for (const c of log) {
        if (!segment.contains(range, c.sha)) continue;
        const inputs = attribution.inputsOf(m.service, c);
        if (inputs.length > 0) commits.push({ sha: c.sha, subject: c.subject, author: c.author, inputs });
      }
    }
    return { service: m.service, from: m.from, to: m.to, direction, commits };
  });
}
