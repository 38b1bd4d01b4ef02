/** What an image's SBOM is built from: the same locked inputs its pin is computed from (pins/inputs.ts). */

/** One locked npm package the service's runtime code imports, as package-lock.json has it at the pin. */
export interface LockedPackage {
  /** `yaml`, `@scope/name`. */
  readonly name: string;
  /** The exact locked version. */
  readonly version: string;
  /** The lockfile's Subresource Integrity string (`sha512-<base64>`; several separated by spaces). */
  readonly integrity?: string;
  /** The lockfile's `resolved` URL (the tarball it was installed from). */
  readonly resolved?: string;
}

/** A library (Nx project) the service's runtime code imports; built from the repository at the pin. */
export interface SbomLibrary {
  /** The Nx project name, e.g. `shared-runtime`. */
  readonly name: string;
  /** Its folder, e.g. `services/shared/runtime`. */
  readonly root: string;
}

/** Input of buildSbom: everything is a function of the pin (no wall clock, no machine). */
export interface SbomInput {
  /** The service: `metadata.component.name`. */
  readonly service: string;
  /** The 40-hex pin: `metadata.component.version` and the image tag. */
  readonly pin: string;
  /** The pin commit's committer time, ISO 8601 UTC (`metadata.timestamp`). */
  readonly time: string;
  /** The recipe's `inputs` identity of the pin (a property of metadata.component), when known. */
  readonly inputs?: string;
  /** Locked npm packages the service's runtime code imports, any order (sorted in the output). */
  readonly packages: readonly LockedPackage[];
  /** Libraries its runtime code imports (not the service itself), any order. */
  readonly libraries: readonly SbomLibrary[];
  /** The base image, `host/path:tag@sha256:<hex>` (platform/images.yaml), when known. */
  readonly base?: string;
  /** The generating tool's version (`metadata.tools`). @default the @eleventh/cli version */
  readonly toolVersion?: string;
}

export const CYCLONEDX_MEDIA_TYPE = 'application/vnd.cyclonedx+json';
export const CYCLONEDX_SPEC = '1.6';

/** The tag an SBOM is pushed under beside its image (for registries without the referrers API). */
export function sbomTag(pin: string): string {
  return `${pin}.sbom`;
}
