/**
 * Loads TypeScript from a "source root": the repository itself, or a temporary git worktree of an older
 * commit (promotion renders from the tagged sources). Inside a source root, `@eleventh/platform` resolves to
 * that root's own `platform/src/index.ts` (the kit as of that commit), and any other bare import that the
 * root cannot resolve (a worktree has no node_modules) falls back to the engine's own node_modules.
 */
import Module from 'node:module';
import { existsSync } from 'node:fs';
import { join, sep } from 'node:path';
const engineRequire = Module.createRequire(__filename);
const { installTsHook } = engineRequire('./ts-hook.js') as { installTsHook: () => void };

const KIT_PACKAGE = '@eleventh/platform';
const roots = new Set<string>();
let patched = false;
let fallingBack = false;

type ResolveFilename = (request: string, parent: NodeModule | undefined, isMain: boolean, options?: unknown) => string;

function rootOf(filename: string | undefined): string | undefined {
  if (!filename) return undefined;
  for (const root of roots) if (filename.startsWith(root + sep)) return root;
  return undefined;
}

/** Each root's own kit entry, or '' (looked up once per root: every deploy.ts of a run asks for it). */
const localKits = new Map<string, string>();
function localKitOf(root: string): string {
  let local = localKits.get(root);
  if (local === undefined) {
    local = join(root, 'platform', 'src', 'index.ts');
    if (!existsSync(local)) local = '';
    localKits.set(root, local);
  }
  return local;
}

function patchResolver(): void {
  if (patched) return;
  patched = true;
  const mod = Module as unknown as { _resolveFilename: ResolveFilename };
  const original = mod._resolveFilename;
  mod._resolveFilename = function resolve(request, parent, isMain, options) {
    const root = rootOf(parent?.filename);
    if (root && request === KIT_PACKAGE) {
      const local = localKitOf(root);
      if (local) return local;
    }
    try {
      return original.call(this, request, parent, isMain, options);
    } catch (err) {
      if (!root || fallingBack || request.startsWith('.') || request.startsWith('/')) throw err;
      // Once, not again from inside the fallback: the engine itself may live under a root (this repository),
      // and a package missing everywhere must say "Cannot find module", not overflow the stack.
      fallingBack = true;
      try {
        return engineRequire.resolve(request);
      } catch {
        throw err;
      } finally {
        fallingBack = false;
      }
    }
  };
}

/** Make files under `root` loadable with the rules above. */
export function registerSourceRoot(root: string): void {
  installTsHook();
  patchResolver();
  roots.add(root);
}

/** Values derived from a root's modules (loaded definitions), forgotten with the root. */
const derived = new Map<string, Map<string, unknown>>();

/** `make()` once per root and key while the root is registered (its modules stay in the require cache). */
export function onceFromRoot<T>(root: string, key: string, make: () => T): T {
  let values = derived.get(root);
  if (!values) derived.set(root, (values = new Map()));
  if (values.has(key)) return values.get(key) as T;
  const value = make();
  values.set(key, value);
  return value;
}

/** Forget a root (a removed worktree) and drop its modules from the require cache. */
export function unregisterSourceRoot(root: string): void {
  roots.delete(root);
  localKits.delete(root);
  rootRequires.delete(root);
  derived.delete(root);
  for (const key of Object.keys(require.cache)) if (key.startsWith(root + sep)) delete require.cache[key];
}

/** One `require` per root, made once: creating it for each of 5,000 deploy.ts files showed in the profile. */
const rootRequires = new Map<string, NodeJS.Require>();

/** `require` a file inside a registered source root. */
export function requireFromRoot<T>(root: string, file: string): T {
  registerSourceRoot(root);
  let req = rootRequires.get(root);
  if (!req) rootRequires.set(root, (req = Module.createRequire(join(root, 'package.json'))));
  return req(file) as T;
}

/** `require` a package as the engine itself resolves it (the TypeScript hook installed first). */
export function installedRequire<T>(request: string): T {
  installTsHook();
  return engineRequire(request) as T;
}
