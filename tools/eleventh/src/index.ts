/**
 * @eleventh/cli's entry: what other packages (the generators of @eleventh/nx) may use of the engine.
 * Nothing else of `src/` is an API — `exports` in package.json refuses deep imports, and the boundary
 * rules (.dependency-cruiser.cjs) refuse them inside this repository. Kept light: no command is loaded.
 */
export { git, gitText, type GitOptions, type GitResult } from './git/run';
export { ElevenError, GitError } from './errors';
export { emitYaml, type EmitOptions } from './yaml/emit';
export {
  CLUSTERS_DIR,
  findSecondOwners,
  formatSecondOwner,
  secondBootstrapOwners,
  secondOwnersIn,
  type SecondOwner,
} from './release/verify/bootstrap-rules';
export { schemaModeline, withModeline } from './config/schema-files';
export { CLASS_MARKERS, TEMPLATE_CLASSES, type TemplateClass } from './pins/template-class';
export { IMAGES_FILE, checkImages, readImages, type ImageBases } from './images/bases';
