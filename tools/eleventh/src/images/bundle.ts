/**
 * The image of a node service is one file: the esbuild bundle of its production entry (`main` of its
 * package.json, else `src/main.ts`), built from its image inputs as committed at the pin (source.ts) and
 * the installed external packages, which must be the versions the pin's package-lock.json locks. The
 * bundle may read nothing else: every file esbuild read is checked to be an input or a locked package.
 */
import { existsSync, realpathSync, symlinkSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Metafile, Plugin } from 'esbuild';
import type { ServiceInputs } from '../pins/inputs';
import { ImageBuildError } from './errors';
import { checkLockedPackages } from './locked';
import type { PinSource } from './source';
import { workspaceAliases, type Aliases } from './aliases';

/** What Node's built-in `require` is bundled for: the oldest Node LTS the bases carry. */
export const BUNDLE_TARGET = 'node20';
export const BUNDLE_FILE = 'main.js';

const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];

/** The service's production entry, repository-relative: package.json `main`, else src/main.ts. */
export async function nodeEntry(service: ServiceInputs, source: PinSource): Promise<string> {
  const pkgPath = `${service.root}/package.json`;
  let entry = `${service.root}/src/main.ts`;
  if (service.files.includes(pkgPath)) {
    const main = (JSON.parse(((await source.read(pkgPath)) ?? Buffer.from('{}')).toString('utf8')) as { main?: unknown }).main;
    if (typeof main === 'string') entry = `${service.root}/${main.replace(/^\.\//, '')}`;
  }
  if (!service.files.includes(entry)) {
    throw new ImageBuildError(service.name, `its production entry ${entry} is not one of its image inputs`, `${service.root}/src/main.ts, or "main" in ${pkgPath} naming a production file`);
  }
  return entry;
}

/** Resolve workspace libraries (tsconfig.base.json `paths` at the pin) to their files among the inputs. */
function aliasPlugin(service: ServiceInputs, dir: string, aliases: Aliases): Plugin {
  const inputs = new Set(service.files);
  return {
    name: 'eleventh-workspace-libraries',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        const target = aliases.resolve(args.path);
        if (target === undefined) return undefined;
        const found = EXTENSIONS.map((ext) => `${target}${ext}`).find((file) => inputs.has(file));
        if (found) return { path: join(dir, found) };
        return { errors: [{ text: `'${args.path}' maps to ${target} (tsconfig.base.json paths), which is not one of ${service.name}'s image inputs` }] };
      });
    },
  };
}

/** Every file the bundle read must be an extracted input or a package under the (linked) node_modules. */
function checkReads(service: ServiceInputs, dir: string, metafile: Metafile): string[] {
  const packages: string[] = [];
  const inputs = new Set(service.files);
  const linked = join(dir, 'node_modules');
  for (const key of Object.keys(metafile.inputs)) {
    if (/^\([a-z-]+\):/.test(key)) continue; // esbuild's own namespaces, e.g. (disabled):fs
    const abs = resolve(dir, key);
    if (abs.startsWith(`${linked}${sep}`)) packages.push(relative(linked, abs));
    else if (!abs.startsWith(`${dir}${sep}`) || !inputs.has(relative(dir, abs).split(sep).join('/'))) throw new ImageBuildError(service.name, `the bundle would read ${abs}, which is neither one of its image inputs nor a locked package`, 'imports of its own files, its libraries (tsconfig.base.json paths) and npm packages only');
  }
  return packages;
}

export interface BundleOptions {
  readonly root: string;
  readonly service: ServiceInputs;
  readonly source: PinSource;
  readonly pin: string;
}

/** The bundle's bytes (deterministic: the same inputs and esbuild version give the same file). */
export async function bundleNodeService(o: BundleOptions): Promise<Buffer> {
  const esbuild = await import('esbuild');
  const nodeModulesDir = join(o.root, 'node_modules');
  const nodeModules = existsSync(nodeModulesDir) ? realpathSync(nodeModulesDir) : nodeModulesDir;
  // Packages are read through a link inside the checkout, with symlinks kept: the paths esbuild writes into
  // the bundle's comments are then `node_modules/…` wherever the workspace and the checkout lie.
  if (existsSync(nodeModules)) symlinkSync(nodeModules, join(o.source.dir, 'node_modules'), 'dir');
  const entry = await nodeEntry(o.service, o.source);
  const aliases = workspaceAliases((await o.source.read('tsconfig.base.json'))?.toString('utf8'));
  let result;
  try {
    result = await esbuild.build({
      absWorkingDir: o.source.dir,
      entryPoints: [join(o.source.dir, entry)],
      outfile: join(o.source.dir, '.bundle', BUNDLE_FILE),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: BUNDLE_TARGET,
      write: false,
      metafile: true,
      logLevel: 'silent',
      charset: 'utf8',
      // No tsconfig.json is read: the inputs alone decide the bundle (libraries come through aliasPlugin).
      tsconfigRaw: {},
      preserveSymlinks: true,
      plugins: [aliasPlugin(o.service, o.source.dir, aliases)],
    });
  } catch (err) {
    const first = (err as { errors?: Array<{ text: string; location?: { file: string; line: number } | null }> }).errors?.[0];
    const where = first?.location ? `${first.location.file}:${first.location.line}: ` : '';
    throw new ImageBuildError(o.service.name, `esbuild cannot bundle ${entry}: ${where}${first?.text ?? String(err)}`);
  }
  const packages = checkReads(o.service, o.source.dir, result.metafile);
  const lock = (await o.source.read('package-lock.json'))?.toString('utf8');
  checkLockedPackages({ service: o.service.name, pin: o.pin, nodeModules, files: packages, lock });
  return Buffer.from(result.outputFiles[0]!.contents);
}
