/**
 * The build context of a service's image: exactly what its pin's image inputs make, and nothing else —
 * node: the esbuild bundle `main.js`; go: the binary `service`; java: `app.jar`; python and web: their
 * input files as they lie in the service folder — plus the service's own Dockerfile, all as committed at
 * the pin. Every file gets a fixed mode (0644, 0755 for the binary and folders) and the pin's commit time
 * as its mtime, so the context is byte-for-byte a function of the pin.
 */
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ServiceInputs } from '../pins/inputs';
import { BUNDLE_FILE, bundleNodeService } from './bundle';
import { ImageBuildError } from './errors';
import { buildGo, buildJava } from './host-build';
import { checkoutInputs, type PinSource, type SourceOptions } from './source';
import { undoOnSignal } from '../signal-cleanup';

export interface BuildContext {
  readonly dir: string;
  /** Context-relative files, sorted. */
  readonly files: readonly string[];
  /** SOURCE_DATE_EPOCH: the pin's committer time. */
  readonly epoch: number;
  cleanup(): void;
}

export const DOCKERFILE = 'Dockerfile';

type Artefacts = Map<string, { content: Buffer; mode: number }>;

function ownFiles(service: ServiceInputs): string[] {
  return service.files.filter((f) => f.startsWith(`${service.root}/`)).map((f) => f.slice(service.root.length + 1));
}

async function artefacts(o: SourceOptions, source: PinSource): Promise<Artefacts> {
  const out: Artefacts = new Map();
  const cwd = join(source.dir, o.service.root);
  switch (o.service.template) {
    case 'node':
      out.set(BUNDLE_FILE, { content: await bundleNodeService({ root: o.root, service: o.service, source, pin: o.pin }), mode: 0o644 });
      break;
    case 'go':
      out.set('service', { content: buildGo({ service: o.service.name, cwd }), mode: 0o755 });
      break;
    case 'java':
      out.set('app.jar', { content: buildJava({ service: o.service.name, cwd }), mode: 0o644 });
      break;
    default:
      for (const rel of ownFiles(o.service)) out.set(rel, { content: (await source.read(`${o.service.root}/${rel}`)) as Buffer, mode: 0o644 });
  }
  return out;
}

function fixTimes(dir: string, epoch: number): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      fixTimes(path, epoch);
      chmodSync(path, 0o755);
    }
    utimesSync(path, epoch, epoch);
  }
}

/** Assemble the context of `o.service` at its pin in a new temporary folder (`cleanup()` removes it). */
export async function assembleContext(o: SourceOptions): Promise<BuildContext> {
  const dockerfile = `${o.service.root}/${DOCKERFILE}`;
  if (!o.service.files.includes(dockerfile)) throw new ImageBuildError(o.service.name, `has no ${dockerfile} among its image inputs`, 'a Dockerfile in the service folder (nx g @eleventh/nx:service writes one)');
  const source = await checkoutInputs(o);
  const dir = mkdtempSync(join(tmpdir(), `eleventh-context-${o.service.name}-`));
  const done = undoOnSignal(() => rmSync(dir, { recursive: true, force: true })); // signal-cleanup.ts
  try {
    const files = await artefacts(o, source);
    files.set(DOCKERFILE, { content: (await source.read(dockerfile)) as Buffer, mode: 0o644 });
    for (const [rel, { content, mode }] of files) {
      const path = join(dir, rel);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
      chmodSync(path, mode);
    }
    fixTimes(dir, source.epoch);
    chmodSync(dir, 0o755);
    utimesSync(dir, source.epoch, source.epoch);
    const cleanup = (): void => {
      rmSync(dir, { recursive: true, force: true });
      done();
    };
    return { dir, files: [...files.keys()].sort(), epoch: source.epoch, cleanup };
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    done();
    throw err;
  } finally {
    source.close();
  }
}
