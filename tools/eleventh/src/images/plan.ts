/**
 * Which images to build: for every service (or those asked for) and every registry its pin goes to (the
 * distinct registries of the environments that follow main), `<registry>/<service>:<pin>` is asked of the
 * registry (manifest HEAD). A pin whose tag every registry has is not built again; one that some
 * registry lacks is built once and pushed where it is missing.
 */
import type { Pin } from '../model';
import type { ServiceInputs } from '../pins/inputs';
import { RegistryError } from './registry/errors';
import { RegistryClient } from './registry/client';
import { isLoopback, parseImageRef } from './registry/reference';

export interface Destination {
  /** `host/repository:pin` */
  readonly ref: string;
  readonly host: string;
  readonly repository: string;
  /** The digest the registry holds under the pin's tag; undefined: missing (or not asked). */
  readonly digest?: string;
}

export interface PlannedImage {
  readonly service: ServiceInputs;
  readonly pin: Pin;
  readonly destinations: readonly Destination[];
  /** Some destination lacks the tag: build it. */
  readonly build: boolean;
}

export interface PlanOptions {
  readonly services: readonly ServiceInputs[];
  readonly pins: ReadonlyMap<string, Pin>;
  /** Registries (`host[/path]`) the pins go to. */
  readonly registries: readonly string[];
  readonly clients: Clients;
  /**
   * When a registry cannot be asked: true (a push) fails; false (build only, e.g. a pull request without
   * registry access) warns once and builds as if the tag were missing.
   */
  readonly strict: boolean;
  readonly warn: (line: string) => void;
}

/** One registry client per host, plain HTTP only for loopback and --insecure-registry hosts. */
export class Clients {
  private readonly byHost = new Map<string, RegistryClient>();
  constructor(private readonly insecure: readonly string[], private readonly env: NodeJS.ProcessEnv = process.env) {}

  for(host: string): RegistryClient {
    let client = this.byHost.get(host);
    if (!client) this.byHost.set(host, (client = new RegistryClient(host, { insecure: this.insecure, env: this.env })));
    return client;
  }

  plainHttp(host: string): boolean {
    return isLoopback(host) || this.insecure.includes(host);
  }
}

export async function planImages(o: PlanOptions): Promise<PlannedImage[]> {
  const unreachable = new Set<string>();
  const ask = async (host: string, repository: string, tag: string): Promise<string | undefined> => {
    if (unreachable.has(host)) return undefined;
    try {
      return await o.clients.for(host).manifestDigest(repository, tag);
    } catch (err) {
      if (o.strict || !(err instanceof RegistryError)) throw err;
      unreachable.add(host);
      o.warn(`warning: ${err.message}: its images count as missing (nothing is pushed without --push)`);
      return undefined;
    }
  };
  const planned: PlannedImage[] = [];
  for (const service of o.services) {
    const pin = o.pins.get(service.name) as Pin;
    const destinations: Destination[] = [];
    for (const registry of o.registries) {
      const ref = parseImageRef(`${registry}/${service.name}:${pin.commit}`);
      const digest = await ask(ref.host, ref.repository, pin.commit);
      destinations.push({ ref: `${ref.host}/${ref.repository}:${pin.commit}`, host: ref.host, repository: ref.repository, digest });
    }
    planned.push({ service, pin, destinations, build: destinations.some((d) => d.digest === undefined) });
  }
  return planned;
}
