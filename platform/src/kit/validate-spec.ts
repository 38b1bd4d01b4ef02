/**
 * Construction checks for `defineService`: every rule is a named function, all run, the first
 * finding is thrown (a spec is small; the message names the key and quotes the bad value). They hold at run
 * time whatever the types said (a `deploy.ts` may cast, or skip the engine's type-check).
 */
import { KitError, show } from '../errors';
import { didYouMean } from '../suggest';
import type { ServiceSpec } from './types';
import { assertDnsLabel } from './names';
import { checkCronSchedule } from './cron';
import { checkSecretFields } from './secrets/check';

/** The service types the kit knows. */
export const SERVICE_TYPES = ['http', 'worker', 'cron'] as const;

/** Every key `defineService` takes (ServiceSpec); anything else is a typo or a misunderstanding. */
export const SPEC_KEYS: ReadonlyArray<keyof ServiceSpec> = ['name', 'namespace', 'type', 'port', 'schedule', 'command', 'healthPath', 'allowFrom', 'secrets', 'customize'];

function checkKeys(spec: ServiceSpec): void {
  for (const key of Object.keys(spec)) {
    if (!(SPEC_KEYS as readonly string[]).includes(key)) {
      throw new KitError(`unknown option '${key}'${didYouMean(key, SPEC_KEYS)}`, `one of: ${SPEC_KEYS.join(', ')}`);
    }
  }
}

function checkNames(spec: ServiceSpec): void {
  if (spec.allowFrom !== undefined && !Array.isArray(spec.allowFrom)) {
    throw new KitError(`'allowFrom' (${show(spec.allowFrom)}) is not a list of namespaces`, "e.g. ['customer']");
  }
  assertDnsLabel('name', spec.name);
  assertDnsLabel('namespace', spec.namespace);
  (spec.allowFrom ?? []).forEach((ns, i) => assertDnsLabel(`allowFrom[${i}]`, ns));
}

function checkType(spec: ServiceSpec): void {
  if (!(SERVICE_TYPES as readonly unknown[]).includes(spec.type)) {
    throw new KitError(`'type' (${show(spec.type)}) is not a service type`, `one of: ${SERVICE_TYPES.join(', ')}`);
  }
}

function checkSchedule(spec: ServiceSpec): void {
  if (spec.type === 'cron') {
    if (spec.schedule === undefined) {
      throw new KitError(`'schedule' is required for cron services`, "a 5-field cron expression, e.g. '*/5 * * * *'");
    }
    if (typeof spec.schedule !== 'string') throw new KitError(`'schedule' (${show(spec.schedule)}) is not a string`, "a 5-field cron expression, e.g. '*/5 * * * *'");
    checkCronSchedule(spec.schedule);
  } else if (spec.schedule !== undefined) {
    throw new KitError(`'schedule' (${show(spec.schedule)}) is only for cron services`, `no 'schedule' for type '${spec.type}'`);
  }
}

function checkPort(spec: ServiceSpec): void {
  const port = spec.port;
  if (port !== undefined && typeof port !== 'number') {
    throw new KitError(`'port' (${show(port)}) is not a number`, 'an integer from 1 to 65535');
  }
  if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) {
    throw new KitError(`'port' (${show(port)}) is out of range`, 'an integer from 1 to 65535');
  }
}

function checkHealthPath(spec: ServiceSpec): void {
  const path = spec.healthPath;
  if (path !== undefined && (typeof path !== 'string' || !path.startsWith('/'))) {
    throw new KitError(`'healthPath' (${show(path)}) is not an absolute HTTP path`, "a path starting with '/', e.g. '/healthz'");
  }
}

function checkCommand(spec: ServiceSpec): void {
  const command = spec.command;
  if (command !== undefined && (!Array.isArray(command) || command.some((c) => typeof c !== 'string'))) {
    throw new KitError(`'command' (${show(command)}) is not a list of strings`, "e.g. ['node', 'dist/main.js']");
  }
}

function checkCustomize(spec: ServiceSpec): void {
  if (spec.customize !== undefined && typeof spec.customize !== 'function') {
    throw new KitError(`'customize' (${show(spec.customize)}) is not a function`, '(objects, ctx) => objects');
  }
}

function checkSecrets(spec: ServiceSpec): void {
  checkSecretFields(spec.secrets);
}

/** The construction rules, in the order they are checked. */
export const SPEC_RULES: ReadonlyArray<(spec: ServiceSpec) => void> = [
  checkKeys,
  checkNames,
  checkType,
  checkSchedule,
  checkPort,
  checkHealthPath,
  checkCommand,
  checkSecrets,
  checkCustomize,
];

/** Throw a KitError for the first rule the spec breaks. */
export function validateSpec(spec: ServiceSpec): void {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new KitError(`service spec (${show(spec)}) is not an object`, '{ name, namespace, type, … }');
  }
  for (const rule of SPEC_RULES) rule(spec);
}
