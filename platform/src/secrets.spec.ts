import { describe, expect, it } from 'vitest';
import { isCredentialLiteral, keySegments, looksLikeCredential, mountPathProblem, sealedValueProblem, storePathProblem, storeServerProblem, vaultRoleOf, vaultRoleProblem } from './secrets';

describe('looksLikeCredential: credential words as whole segments, unless a qualifier ends the key', () => {
  it.each(['PASSWORD', 'DB_PASSWORD', 'db_passwd', 'DB_PWD', 'TOKEN', 'GITHUB_TOKEN', 'SECRET', 'JWT_SECRET', 'SESSION_SECRET', 'API_KEY', 'STRIPE_API_KEY', 'APIKEY', 'apiKey', 'PRIVATE_KEY', 'SSH_PRIVATE_KEY', 'CREDENTIALS', 'GOOGLE_APPLICATION_CREDENTIALS_JSON', 'AWS_SECRET_ACCESS_KEY', 'ACCESS_KEY', 'KEYCLOAK_CLIENT_SECRET', 'SECRET_KEY_BASE', 'passphrase', 'Signing-Key', 'x.accessToken'])('%s is a credential', (key) => {
    expect(looksLikeCredential(key)).toBe(true);
  });

  it.each(['LOG_LEVEL', 'SECRET_NAME', 'DB_PASSWORD_FILE', 'TOKEN_TTL_SECONDS', 'API_KEY_HEADER', 'PASSWORD_MIN_LENGTH', 'AWS_ACCESS_KEY_ID', 'OAUTH_TOKEN_URL', 'TOKEN_ENDPOINT', 'PASSWORDLESS', 'TOKENIZER_MODEL', 'SECRETS_DIR', 'SECRET_STORE', 'CACHE_KEY', 'KEY', 'AUDIT_LOG', 'privateKeyPath', 'tokenRequired'])('%s is not', (key) => {
    expect(looksLikeCredential(key)).toBe(false);
  });

  it('splits keys on case and separators', () => {
    expect(keySegments('apiKeyHeader')).toEqual(['api', 'key', 'header']);
    expect(keySegments('HTTPSProxy_URL')).toEqual(['https', 'proxy', 'url']);
  });
});

describe('isCredentialLiteral: values paths', () => {
  it.each<[string[], unknown, boolean]>([
    [['db', 'password'], 'hunter2', true],
    [['credentials', 'user'], 'app', true],
    [['apiKeys', '0'], 'sk_live_x', true],
    [['tokens', 'ttlSeconds'], 60, false],
    [['auth', 'tokenRequired'], true, false],
    [['db', 'password'], '', false],
    [['passwordPolicy', 'minLength'], 12, false],
    [['db', 'host'], 'db.local', false],
  ])('%j = %j → %s', (path, value, expected) => {
    expect(isCredentialLiteral(path, value)).toBe(expected);
  });
});

describe('the store and reference rules', () => {
  it('mount paths', () => {
    expect(mountPathProblem('/etc/secrets/db/password')).toBeUndefined();
    expect(mountPathProblem('/etc/password')).toContain("would hide the image's folder '/etc'");
    expect(mountPathProblem('/proc/x/y')).toBe('is inside /proc');
    expect(mountPathProblem('/etc/eleventh/x')).toBe('is inside /etc/eleventh');
    expect(mountPathProblem('/etc/secrets/')).toBe("starts or ends with '/'");
  });

  it('store paths, servers, roles, ciphertexts', () => {
    expect(storePathProblem('payments/db')).toBeUndefined();
    expect(storePathProblem('/payments/db')).toBe("starts or ends with '/'");
    expect(storePathProblem('payments/../risk')).toBe("has a '.' or '..' part");
    expect(storeServerProblem('https://vault.example.com:8200')).toBeUndefined();
    expect(storeServerProblem('vault.example.com')).toBe('is not a URL');
    expect(storeServerProblem('https://vault.example.com/?x=1')).toBe('has a query or fragment');
    expect(vaultRoleProblem('eleventh-{namespace}')).toBeUndefined();
    expect(vaultRoleOf('{environment}-{namespace}', 'payments', 'prod')).toBe('prod-payments');
    expect(sealedValueProblem('hunter 2')).toBe('is not base64 (is it the plaintext?)');
  });
});
