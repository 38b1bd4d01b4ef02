import { topLevel } from '../../git/run';
import { BUILDERS } from '../../images/builders';
import { runImages, type ImageRecord } from '../../images/run';
import { defineCommand } from '../declare';
import { JSON_OPTION } from '../options';
import { printJson } from '../output';

function line(r: ImageRecord): string {
  if (r.digest) return `${r.image} → ${r.digest}${r.extra?.sbomDigest ? ` (sbom ${r.extra.sbomDigest})` : ''}`;
  return `${r.image} (${r.built ? 'built, not pushed' : 'missing'})`;
}

export const imagesCommand = defineCommand({
  name: 'images',
  summary: "Build the image of every pin the registry lacks, from exactly the pin's image inputs, reproducibly; with --push push it with the pin as tag and print image → digest",
  description: `For every service (or --service) and every registry of the environments that follow main, asks the
registry for <registry>/<service>:<pin> (manifest HEAD). Only pins whose tag is missing are built, so a second
run builds nothing. The build context is assembled from git at the pin (never the work tree): node services
are bundled with esbuild into main.js (their libraries and the locked npm packages, checked against the
pin's package-lock.json), go and java compile on the host, python and web copy their files; plus the service's
Dockerfile, which starts FROM the ARG BASE_IMAGE that platform/images.yaml gives the service's class.
buildah and podman build with --timestamp = the pin's commit time, so the same pin gives the same digest.
Without --push nothing is pushed (pull requests); a registry that cannot be asked is then warned about and
its images built. Credentials: the Docker credential file (DOCKER_CONFIG or ~/.docker/config.json).
Plain HTTP only for loopback registries and --insecure-registry hosts.`,
  options: {
    push: { type: 'boolean', description: 'push each built image with its pin as tag and print image → digest' },
    'dry-run': { type: 'boolean', description: 'ask the registries and print what is missing; build and push nothing' },
    builder: { type: 'string', choices: BUILDERS, description: 'the image builder (default: the first of buildah, podman, docker on PATH)' },
    service: { type: 'string', multiple: true, value: 'S', description: 'only these services (repeatable or comma-separated)' },
    'insecure-registry': { type: 'string', multiple: true, value: 'H', description: 'speak plain HTTP to this registry host[:port] (loopback registries always are)' },
    json: JSON_OPTION,
  },
  examples: ['eleventh images --push', 'eleventh images --service payments-api --builder podman', 'npx nx affected -t image -- --push'],
  async run({ options }, io) {
    const root = topLevel(io.cwd);
    const records = await runImages({ root, services: options.service, push: options.push, dryRun: options['dry-run'], builder: options.builder, insecure: options['insecure-registry'], log: io.err });
    const built = new Set(records.filter((r) => r.built).map((r) => r.service)).size;
    const pushed = records.filter((r) => r.pushed).length;
    const missing = records.filter((r) => r.missing && !r.built).length;
    io.err(`eleventh: images: ${built} built, ${pushed} pushed, ${records.filter((r) => !r.missing).length} already in the registry${missing > 0 ? `, ${missing} missing` : ''}`);
    if (options.json) printJson(io, { images: records });
    else for (const r of records) io.out(line(r));
    return 0;
  },
});
