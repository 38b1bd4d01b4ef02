/**
 * `checkObject`: everything wrong with one object — its schema (`validate()`), fields its schema does
 * not know (at any depth), and names. Returns every finding, prefixed `Kind namespace/name: `.
 */
import type { KubeObject } from '../types';
import { describeObject } from './describe';
import { findUnknownFields, unknownFieldMessage } from './unknown-fields';
import { checkNames } from './name-checks';

function schemaErrors(obj: KubeObject): string[] {
  try {
    obj.validate();
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}

/** All findings for `obj`; empty when it is fine. `json`: `obj` as plain JSON, when the caller already has it. */
export function checkObject(obj: KubeObject, json?: unknown): string[] {
  const id = describeObject(obj);
  const messages = [
    ...schemaErrors(obj),
    ...findUnknownFields(obj, json).map(unknownFieldMessage),
    ...checkNames(obj),
  ];
  return messages.map((m) => `${id}: ${m}`);
}

/** All findings for a list of objects, in order. */
export function checkObjects(objects: readonly KubeObject[]): string[] {
  return objects.flatMap((o) => checkObject(o));
}
