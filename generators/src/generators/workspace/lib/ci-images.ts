/**
 * The image steps both pipelines share (GitHub and GitLab): where images are built, how the job logs in to
 * the registry, and the commands, in their order. Shell scripts are kept here as lines, never as YAML.
 *
 * - Pull/merge requests build the images of what the change touched (`nx affected -t image`: parallel, cached
 *   on the image inputs) and push nothing.
 * - main pushes the image of every pin some registry lacks (`eleventh images --push`), then records the
 *   digests in the recipe and refuses a pin whose image is missing (`recipe --require-images`), then checks
 *   every pinned image against its registry (`verify --images`). `images --push` and not `nx affected -t image
 *   --push` on main: a recipe needs every pin's image, not only those of what this push changed — the first
 *   push of a repository, a registry newly named in environment.yaml, a run that failed after building, a tag
 *   removed by a retention policy, or an Nx cache hit that pushed nothing are all missing images Nx would not
 *   rebuild. It asks the registry for every pin (one manifest HEAD each) and builds only what is missing, so
 *   a second run builds nothing.
 */

/** Debian 12 with Node 20: buildah comes from Debian (1.28, the version the image specs run), as root. */
export const CI_IMAGE = 'node:20-bookworm';

export const IMAGE_COMMANDS = {
  build: 'npx nx affected -t image',
  push: 'npx eleventh images --push',
  recipe: 'npx eleventh recipe --require-images --commit --push',
  verify: 'npx eleventh verify --images',
} as const;

/** The host part of an environment's `registry` (`registry.example.com/acme` → `registry.example.com`). */
export function registryHost(registry: string): string {
  return registry.split('/')[0] as string;
}

/**
 * Installs from Debian what the image builds need and the job lacks: buildah, and the toolchains of the
 * service classes the repository has (`go build` and `mvn package` run on the host; python for its build
 * target). Run after the checkout, as root.
 */
export function toolchainsScript(): string {
  return [
    'pkgs=""',
    'command -v buildah >/dev/null || pkgs="buildah"',
    'if ls services/*/go.mod >/dev/null 2>&1 && ! command -v go >/dev/null; then pkgs="$pkgs golang-go"; fi',
    'if ls services/*/pom.xml >/dev/null 2>&1 && ! command -v mvn >/dev/null; then pkgs="$pkgs maven default-jdk-headless"; fi',
    'if ls services/*/requirements.lock >/dev/null 2>&1 && ! command -v python3 >/dev/null; then pkgs="$pkgs python3"; fi',
    'if [ -n "$pkgs" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $pkgs; fi',
    '',
  ].join('\n');
}

const AUTHFILE = [
  'authfile="${DOCKER_CONFIG:-$HOME/.docker}/config.json"',
  'mkdir -p "$(dirname "$authfile")"',
];
const LOGIN = 'printf \'%s\' "$REGISTRY_PASSWORD" | buildah login --authfile "$authfile" --username "$REGISTRY_USERNAME" --password-stdin "$REGISTRY_HOST"';

/**
 * Logs in to `$REGISTRY_HOST` with `$REGISTRY_USERNAME`/`$REGISTRY_PASSWORD`, writing the standard Docker
 * credential file (`$DOCKER_CONFIG/config.json`, default `~/.docker/config.json`), which buildah, podman and
 * eleventh's registry client read. `required` (main): no password or a refused login fails the job. Otherwise
 * (pull requests, where a fork gets no secrets) it says so and the build goes on without the registry.
 */
export function loginScript(required: boolean): string {
  if (required) {
    return [
      ': "${REGISTRY_PASSWORD:?no credentials for the registry $REGISTRY_HOST (expected REGISTRY_USERNAME and REGISTRY_PASSWORD)}"',
      ...AUTHFILE,
      LOGIN,
      '',
    ].join('\n');
  }
  return [
    'if [ -z "$REGISTRY_PASSWORD" ]; then',
    '  echo "no credentials for the registry $REGISTRY_HOST: the images are built without asking it"',
    'else',
    ...AUTHFILE.map((line) => `  ${line}`),
    `  ${LOGIN} || echo "warning: could not log in to $REGISTRY_HOST: the images are built without asking it"`,
    'fi',
    '',
  ].join('\n');
}
