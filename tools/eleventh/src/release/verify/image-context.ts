/** What `verify --images` needs besides the registries: entry lines, and what each pin's SBOM must list. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Registries } from '../../images/registries';
import { CachedReads } from '../../images/registry/cached-reads';
import type { SbomExpectation } from '../../images/sbom/check';
import { librariesOf, lockedIfPresent, lockedPackage } from '../../images/sbom/input';
import { LocksAtPins } from '../../images/sbom/locks';
import type { RecipeEntry } from '../../model';
import type { GraphInputs } from '../../pins/inputs';
import { serviceLines } from '../../recipe/lines';
import { recipePath } from '../../recipe/recipe';
import type { ImageCheckContext } from './image-rules';

/**
 * `pins`: every pin the run will check, so their lockfiles are looked up at once (others are looked up when asked).
 * `current`: service → its pin now. A pin that is current has HEAD's image inputs (by the pin's definition),
 * so its SBOM must list exactly them; an older pin's SBOM is checked against package-lock.json at the pin.
 */
export function imageCheckContext(root: string, registries: Registries, graph: GraphInputs, current: ReadonlyMap<string, string>, pins: Iterable<string> = []): ImageCheckContext {
  const locks = new LocksAtPins(root);
  locks.prefetch(pins);
  const services = new Map(graph.services.map((s) => [s.name, s]));
  const lines = new Map<string, ReadonlyMap<string, number>>();
  const reads = new Map<string, CachedReads>();
  return {
    reads: (host) => {
      let r = reads.get(host);
      if (!r) reads.set(host, (r = new CachedReads(registries.client(host))));
      return r;
    },
    lines: (env) => {
      let l = lines.get(env);
      if (!l) {
        try {
          l = serviceLines(readFileSync(join(root, recipePath(env)), 'utf8'));
        } catch {
          l = new Map();
        }
        lines.set(env, l);
      }
      return l;
    },
    expectation: (service: string, e: RecipeEntry): SbomExpectation => {
      const entries = locks.at(e.commit);
      const svc = services.get(service);
      const exact = svc && current.get(service) === e.commit ? { packages: svc.externals.filter((x) => x.version !== 'unlocked').map((x) => lockedPackage(entries, x.name, x.version)), libraries: librariesOf(graph, svc) } : undefined;
      return { service, pin: e.commit, ...(exact ? { exact } : {}), locked: (name, version) => lockedIfPresent(entries, name, version) };
    },
  };
}
