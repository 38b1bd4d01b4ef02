export { ExternalSecret, ClusterSecretStore, EXTERNAL_SECRETS_API, type IExternalSecret, type IClusterSecretStore } from './eso-models';
export { SealedSecret, SEALED_SECRETS_API, type ISealedSecret } from './sealed-secret';
export { renderExternalSecret, renderSealedSecret, renderSecretsObject, type SecretsObjectProps } from './external-secret';
export { renderSecretStores, checkVaultStore, type SecretStoreConfig, type VaultStoreConfig, type SealedStoreConfig, type SecretStoresContext } from './secret-store';
export { secretEnvVars, secretFiles, secretsChecksum, SECRET_FILE_MODE, type SecretFiles } from './consume';
export { checkSecretFields, checkSecretsInContext, SECRET_FIELDS, type SecretsContext } from './check';
export { mergedSecrets } from './merge';
export { secretsObjectName, secretStoreName, SECRETS_SERVICE_ACCOUNT, REFRESH_INTERVAL } from './names';
