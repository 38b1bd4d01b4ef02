/**
 * Registry credentials from the standard Docker credential file: `$DOCKER_CONFIG/config.json`, else
 * `~/.docker/config.json`. `auths.<host>.auth` (base64 `user:password`), `username`/`password`,
 * `identitytoken`, and the credential helpers (`credHelpers.<host>`, `credsStore`), which are run as
 * `docker-credential-<name> get` exactly as the docker CLI runs them. Nothing is cached on disk.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { RegistryError } from './errors';

export interface Credentials {
  readonly username?: string;
  readonly password?: string;
  /** An OAuth2 refresh token (`identitytoken`), exchanged at the token endpoint. */
  readonly identityToken?: string;
}

interface AuthEntry {
  readonly auth?: string;
  readonly username?: string;
  readonly password?: string;
  readonly identitytoken?: string;
}

interface DockerConfig {
  readonly auths?: Record<string, AuthEntry>;
  readonly credHelpers?: Record<string, string>;
  readonly credsStore?: string;
}

export function dockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.DOCKER_CONFIG ?? join(homedir(), '.docker'), 'config.json');
}

function readConfig(path: string): DockerConfig {
  if (!existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as DockerConfig;
  } catch (e) {
    throw new RegistryError(`${path}: is not a Docker credential file: ${(e as Error).message} (expected JSON with 'auths')`);
  }
}

/** The keys docker itself writes for a host: `host`, `https://host`, `http://host`, with or without `/v1/`. */
function entryFor(auths: Record<string, AuthEntry>, host: string): AuthEntry | undefined {
  for (const [key, entry] of Object.entries(auths)) {
    const bare = key.replace(/^https?:\/\//, '').replace(/\/.*$/, '').toLowerCase();
    if (bare === host) return entry;
  }
  return undefined;
}

function fromEntry(path: string, host: string, entry: AuthEntry): Credentials {
  if (entry.identitytoken) return { identityToken: entry.identitytoken };
  if (entry.auth) {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw new RegistryError(`${path}: auths.${host}.auth is not base64 of 'user:password'`);
    return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  if (entry.username !== undefined) return { username: entry.username, password: entry.password ?? '' };
  return {};
}

function fromHelper(helper: string, host: string): Credentials | undefined {
  const run = spawnSync(`docker-credential-${helper}`, ['get'], { input: host, encoding: 'utf8', timeout: 30_000 });
  if (run.error) throw new RegistryError(`docker-credential-${helper}: cannot run it (${run.error.message}) (expected the credential helper named in the Docker config on PATH)`);
  if (run.status !== 0) {
    if (/credentials not found/i.test(run.stdout + run.stderr)) return undefined;
    throw new RegistryError(`docker-credential-${helper} get ${host}: ${(run.stderr || run.stdout).trim().split('\n')[0]}`);
  }
  const out = JSON.parse(run.stdout) as { Username?: string; Secret?: string };
  if (out.Username === '<token>') return { identityToken: out.Secret };
  return { username: out.Username, password: out.Secret };
}

/** What the Docker credential file holds for `host` (`host[:port]`), or nothing (anonymous). */
export function credentialsFor(host: string, env: NodeJS.ProcessEnv = process.env): Credentials | undefined {
  const path = dockerConfigPath(env);
  const config = readConfig(path);
  const helper = config.credHelpers?.[host] ?? config.credsStore;
  const entry = config.auths ? entryFor(config.auths, host) : undefined;
  if (config.credHelpers?.[host]) return fromHelper(config.credHelpers[host], host);
  if (entry && (entry.auth || entry.identitytoken || entry.username !== undefined)) return fromEntry(path, host, entry);
  if (helper) return fromHelper(helper, host);
  return undefined;
}
