/**
 * What runs after each image is pushed: a list of steps, each given the pushed image (its registry client,
 * repository, pin, digest, inputs and base) and returning fields to add to that image's record in the
 * command's output (e.g. `{sbomDigest}`). `eleventh images --push` runs AFTER_PUSH in order, once per
 * registry an image is pushed to; a step that throws fails the command like a failed push.
 */
import type { GraphInputs, ServiceInputs } from '../pins/inputs';
import type { RegistryClient } from './registry/client';
import { buildSbom } from './sbom/build';
import { sbomInputFor } from './sbom/input';
import { pushSbom } from './sbom/push';

export interface PushedImage {
  readonly root: string;
  /** The run's Nx graph (the SBOM lists the service's libraries from it). */
  readonly graph: GraphInputs;
  readonly service: ServiceInputs;
  readonly pin: string;
  /** The pin's inputs identity (the recipe's `inputs`). */
  readonly inputs: string;
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

/**
 * The CycloneDX SBOM of the pin, built from the same locked inputs as the image and pushed beside it (an OCI
 * artifact whose subject is the image, tagged `<pin>.sbom`), so `recipe --images` records its digest and
 * `verify --images` checks it.
 */
export const pushImageSbom: AfterPushStep = async (image) => {
  const sbom = buildSbom(sbomInputFor(image.root, image.graph, image.service, { commit: image.pin, inputs: image.inputs }, image.base));
  return { sbomDigest: await pushSbom(image.client, image.repository, image.pin, image.digest, sbom) };
};

/** The steps `eleventh images --push` runs after each push, in order. */
export const AFTER_PUSH: readonly AfterPushStep[] = [pushImageSbom];
