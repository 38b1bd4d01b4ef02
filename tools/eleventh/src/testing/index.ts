/**
 * `@eleventh/cli/testing`: the fixtures other packages' specs use — a temporary copy of the example
 * organisation in a real git repository, and the real `eleventh` command run against it.
 */
export { createExampleRepo, createRecipedRepo, hasKubectl, runEleventh, CLI, type CliResult, type ExampleRepo } from './example-repo';
export { REPO_ROOT } from './fixture';
export { ajvFindings, strictAjv } from '../config/ajv-testing';
export { loadConfig } from '../config/load';
export { MODELINE_PREFIX, SCHEMAS_IN_REPO, schemaOfFile } from '../config/schema-files';
export { freePort, hasTool, missingOciTools, pushLocalNodeBase, skopeoDigest, startRegistry, type LocalRegistry } from './oci';
