/**
 * The pinned base images of the service templates: `name:tag@sha256:<digest>`, so a Dockerfile's
 * `ARG BASE_IMAGE` (runtime) and `ARG BUILD_IMAGE` (build stage) name exactly one image. The tag says what
 * the image is, the digest decides which one. Bump both together in a reviewed commit; resolve a digest with
 * `docker buildx imagetools inspect <name>:<tag>` (see generators/README.md, "Base images").
 */

export interface BaseImages {
  /** The build stage's image (compilers, package managers); absent when the class has no build stage. */
  readonly build?: string;
  /** The runtime image the service's image starts from. */
  readonly base: string;
}

/** A pinned image reference: name, tag and a sha256 digest. */
export const PINNED_IMAGE = /^[a-z0-9][a-z0-9./_-]*:[A-Za-z0-9._-]+@sha256:[0-9a-f]{64}$/;

export const NODE_IMAGE = 'node:20-alpine@sha256:fb4cd12c85ee03686f6af5362a0b0d56d50c58a04632e6c0fb8363f609372293';

export const BASE_IMAGES = {
  node: { build: NODE_IMAGE, base: NODE_IMAGE },
  java: {
    build: 'maven:3.9-eclipse-temurin-17@sha256:a8746f15d5bb26b5b8bacb056cc76211553850f4c71d16aff845cfa004cbc197',
    base: 'eclipse-temurin:17-jre@sha256:c2e4377dff03f6d832095b8a4bcc7ed774c2e155c22f7d1f400b69897bed25d2',
  },
  python: { base: 'python:3.12-slim@sha256:78387bc3881b8273120a12ebe6c1ab22b018ccc2c9adf565ae1ac9b536e184ea' },
  go: {
    build: 'golang:1.22@sha256:829eff99a4b2abffe68f6a3847337bf6455d69d17e49ec1a97dac78834754bd6',
    base: 'gcr.io/distroless/static-debian12:nonroot@sha256:d093aa3e30dbadd3efe1310db061a14da60299baff8450a17fe0ccc514a16639',
  },
  web: { base: 'nginxinc/nginx-unprivileged:1.27-alpine@sha256:65e3e85dbaed8ba248841d9d58a899b6197106c23cb0ff1a132b7bfe0547e4c0' },
} as const satisfies Record<string, BaseImages>;
