/**
 * What runs after each image is pushed: a list of steps, each given the pushed image (its registry client,
 * repository, pin, digest, inputs and base) and returning fields to add to that image's record in the
 * command's output (e.g. `{sbomDigest}`). `eleventh images --push` runs AFTER_PUSH in order, once per
 * registry an image is pushed to; a step that throws fails the command like a failed push.
 */
import type { ServiceInputs } from '../pins/inputs';
import type { RegistryClient } from './registry/client';

export interface PushedImage {
  readonly service: ServiceInputs;
  readonly pin: string;
  /** `host/repository:pin` */
  readonly ref: string;
  readonly repository: string;
  readonly client: RegistryClient;
  /** The pushed manifest's digest, as the registry reports it. */
  readonly digest: string;
  /** The base image it was built on (platform/images.yaml). */
  readonly base: string;
}

export type AfterPushStep = (image: PushedImage) => Promise<Readonly<Record<string, string>> | void>;

/** The steps `eleventh images --push` runs after each push, in order. */
export const AFTER_PUSH: readonly AfterPushStep[] = [];
