/**
 * Name and reference rules for environment, namespace and service folders and for the values
 * environment.yaml writes (registry, git URL, branches, tag patterns). The one implementation is
 * @eleventh/platform's (platform/src/names.ts and refs.ts: the generators use it too); tools/ may only
 * type-import the platform, so these call the installed package's functions, loaded on first use.
 */
import type * as Platform from '@eleventh/platform';
import { installedRules } from '../load/kit';

/** Why a name cannot be used for its kind ({problem, expected}), or undefined. */
export const nameProblem: typeof Platform.nameProblem = (kind, name) => installedRules().nameProblem(kind, name);

/** Why a `team` is not an identity-provider group name, or undefined. */
export const groupProblem: typeof Platform.groupProblem = (team) => installedRules().groupProblem(team);

export const registryProblem: typeof Platform.registryProblem = (value) => installedRules().registryProblem(value);
export const gitUrlProblem: typeof Platform.gitUrlProblem = (value) => installedRules().gitUrlProblem(value);
export const branchProblem: typeof Platform.branchProblem = (value) => installedRules().branchProblem(value);
export const tagPatternProblem: typeof Platform.tagPatternProblem = (value) => installedRules().tagPatternProblem(value);

/** Secrets by reference (platform/src/secrets.ts): the schema formats of `secrets:` and `secretStore`. */
export const storePathProblem: typeof Platform.storePathProblem = (value) => installedRules().storePathProblem(value);
export const secretPropertyProblem: typeof Platform.secretPropertyProblem = (value) => installedRules().secretPropertyProblem(value);
export const secretVersionProblem: typeof Platform.secretVersionProblem = (value) => installedRules().secretVersionProblem(value);
export const sealedValueProblem: typeof Platform.sealedValueProblem = (value) => installedRules().sealedValueProblem(value);
export const mountPathProblem: typeof Platform.mountPathProblem = (value) => installedRules().mountPathProblem(value);
export const storeServerProblem: typeof Platform.storeServerProblem = (value) => installedRules().storeServerProblem(value);
export const vaultRoleProblem: typeof Platform.vaultRoleProblem = (value) => installedRules().vaultRoleProblem(value);
export const vaultPathProblem: typeof Platform.vaultPathProblem = (value) => installedRules().vaultPathProblem(value);
/** Does a key (`DB_PASSWORD`, `apiKey`) look like a credential; is a `values` literal at this path one. */
export const looksLikeCredential: typeof Platform.looksLikeCredential = (key) => installedRules().looksLikeCredential(key);
export const isCredentialLiteral: typeof Platform.isCredentialLiteral = (path, value) => installedRules().isCredentialLiteral(path, value);
