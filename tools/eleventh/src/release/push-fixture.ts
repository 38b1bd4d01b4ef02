/** Paths the push spec needs (the real CLI and this repository's node_modules). */
export { CLI } from '../testing/example-repo';
export { REPO_ROOT as REPO_ROOT_FOR_TESTS } from '../testing/fixture';
