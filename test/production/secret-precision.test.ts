/**
 * secret-in-env reports what is a leaked secret, and only that: placeholders, values marked as
 * test or development ones, identifiers and keys public by design are not; a value's random look
 * alone is an info. And invalid-env: [env] tables and arrays, and names Fly.io sets itself.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from '../../server/src/index.js';
import { detectSecret } from '../../server/src/lint/secrets.js';

function secretFindings(body: string) {
  return lintText(`app = "shop-staging"\n${body}`, { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === 'secret-in-env');
}

describe('secret-in-env: not a leaked secret', () => {
  it.each([
    ['AWS_SECRET_ACCESS_KEY', 'your-access-key'],
    ['API_KEY', 'YOUR_API_KEY'],
    ['DB_PASSWORD', 'changeme'],
    ['DB_PASSWORD', 'notused'],
    ['DB_PASSWORD', 'xxx'],
    ['DB_PASSWORD', 'xxxxxxxxxxxx'],
    ['API_TOKEN', '<token>'],
    ['API_TOKEN', '${API_TOKEN}'],
    ['API_TOKEN', 'insert-token-here'],
    ['JWT_SECRET', 'dev-secret-do-not-use'],
    ['SECRET_KEY', 'django-insecure-8f2k3m9x7q1v5b4n6c0z'],
    ['STRIPE_SECRET_KEY', 'sk_test_51HxQ2rTz8kL9mN3pQ7vW2yX'],
    ['DATABASE_URL', 'postgres://postgres:postgres@localhost:5432/app'],
    ['MOCK_API_TOKEN', 'mock-token'],
    // Identifiers: the other half of a key pair is the secret.
    ['S3_ACCESS_KEY', 'GK31c2f218a2e44f485b94239e'],
    ['AWS_ACCESS_KEY_ID', 'AKIAIOSFODNN7EXAMPLE'],
    ['STORAGE_KEY', 'AKIAJ7QWERTY12345678'],
    ['PASSWORD_MIN_LENGTH', '12'],
    // Public by design.
    ['STRIPE_PUBLISHABLE_KEY', 'pk_live_51HxQ2rTz8kL9mN3pQ7vW2yX'],
    ['STRIPE_KEY', 'pk_live_51HxQ2rTz8kL9mN3pQ7vW2yX'],
    ['NEXT_PUBLIC_API_KEY', 'a8f3k2m9x7q1v5b4'],
    ['VITE_SUPABASE_ANON_KEY', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiJ9.Zq9xK2mP7vL4nR8tWb'],
    ['REACT_APP_FIREBASE_API_KEY', 'AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUv'],
    ['PUBLIC_SENTRY_DSN', 'https://272ecef41e6748cc8b2e955f3a23d67a@o1253953.ingest.sentry.io/6421667'],
    ['SENTRY_DSN', 'https://272ecef41e6748cc8b2e955f3a23d67a@o1253953.ingest.sentry.io/6421667'],
    ['ALGOLIA_SEARCH_API_KEY', '54cb86f54a675d0bd897ce1e074b922c'],
    ['ALGOLIA_SEARCH_ONLY_KEY', '54cb86f54a675d0bd897ce1e074b922c'],
    ['FIREBASE_API_KEY', 'AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUv'],
    // Shapes under names that do not say secret: digests, ids, versions.
    ['REPLICATE_MODEL_VERSION', 'db21e45d3f7023abc2a46ee38a23973f6dce16bb082a930b0c49861f96d1e5bf'],
    ['GIT_SHA', '1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b'],
    ['TENANT_ID', '3f2504e0-4f89-11d3-9a0c-0305e82c3301'],
  ])('%s = %s', (name, value) => {
    expect(detectSecret(name, value)?.severity === 'error' ? 'error' : 'no error').toBe('no error');
    expect(secretFindings(`[env]\n${name} = "${value}"\n`).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('a Google API key is public in a frontend build, a secret on the server', () => {
    const key = 'AIzaSyA1b2C3d4E5f6G7h8I9j0KlMnOpQrStUv';
    expect(secretFindings(`[build.args]\nGOOGLE_API_KEY = "${key}"\n`)).toEqual([]);
    expect(secretFindings(`[env]\nGEMINI_API_KEY = "${key}"\n`).map((f) => f.severity)).toEqual(['error']);
  });

  it.each([
    ['a comment on the line', 'API_TOKEN = "q8v3k2m9zz" # dummy value for the test suite\n'],
    ['a comment above', '# Development defaults, overridden by fly secrets in production\nAPI_TOKEN = "q8v3k2m9zz"\n'],
    ['a comment above the table', '# local development only\n[env]\nAPI_TOKEN = "q8v3k2m9zz"\n'],
  ])('a value %s marks as not real', (_name, body) => {
    expect(secretFindings(body.startsWith('#') && body.includes('[env]') ? body : `[env]\n${body}`)).toEqual([]);
  });

  it('a long random value under a name that does not say secret is an info, not an error', () => {
    const [finding, ...rest] = secretFindings('[env]\nBUILD_FINGERPRINT = "Zq9xK2mP7vL4nR8tWbQ3sY6uE1aD"\n');
    expect(rest).toEqual([]);
    expect(finding!.severity).toBe('info');
    expect(finding!.message).toContain('if it is a credential');
  });
});

describe('secret-in-env: still reported', () => {
  it.each([
    ['STRIPE_SECRET_KEY', 'sk_live_51HxQ2rTz8kL9mN3pQ7vW2yX'],
    ['NEXT_PUBLIC_STRIPE_KEY', 'sk_live_51HxQ2rTz8kL9mN3pQ7vW2yX'],
    ['GH', 'ghp_abcdefghijklmnopqrstuvwxyz0123456789'],
    ['GH', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnop'],
    ['SLACK', 'xoxb-123456789012-abcdefghijkl'],
    ['AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzZq9xK2mP7'],
    ['SIGNING', '-----BEGIN RSA PRIVATE KEY-----\\nMIIEowIBAAKCAQEA'],
    ['REDIS_URL', 'redis://default:Zq9xK2mP7vL4@fly-shop.upstash.io:6379'],
    ['SENTRY_DSN', 'https://public:Zq9xK2mP7vL4nR8t@sentry.io/1'],
    ['DB_PASSWORD', 'restarters_preview'],
    ['NATS_PASSWORD', 'sys'],
    ['S3_SECRET_KEY', 'Zq9xK2mP7vL4nR8tWbQ3'],
  ])('%s = %s is an error', (name, value) => {
    expect(secretFindings(`[env]\n${name} = "${value}"\n`).map((f) => f.severity)).toEqual(['error']);
  });

  it('advises a build secret for [build.args], which fly secrets cannot reach', () => {
    const [finding] = secretFindings('[build.args]\nNPM_TOKEN = "npm_a8f3k2m9x7q1v5b4n6c0zq8w"\n');
    expect(finding!.message).toContain('fly deploy --build-secret NPM_TOKEN=…');
    expect(finding!.message).toContain('RUN --mount=type=secret,id=NPM_TOKEN');
    expect(finding!.message).not.toContain('fly secrets set');
    expect(finding!.suggestions![0]!.desc).toBe('Remove NPM_TOKEN (then pass it as a build secret)');
  });
});

describe('invalid-env', () => {
  function envFindings(body: string) {
    return lintText(`app = "shop-staging"\nprimary_region = "ams"\n[env]\n${body}`, { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === 'invalid-env');
  }

  it('a from_secret table reaches the app as Go prints it, unless a secret overrides it', () => {
    const [finding, ...rest] = envFindings('DATABASE_URL = { from_secret = "DATABASE_URL" }\n');
    expect(rest).toEqual([]);
    expect(finding!.severity).toBe('warning');
    expect(finding!.message).toBe('[env] DATABASE_URL is a table, and fly.toml has no way to refer to a secret: flyctl passes it on as Go prints it, so the app gets the text "map[from_secret:DATABASE_URL]" unless a secret named DATABASE_URL overrides it. Set it with `fly secrets set DATABASE_URL=…` and remove it here');
  });

  it.each([
    ['ALLOWED = ["a", 1]\n', 'the app gets the text "[a 1]"'],
    ['[env.sub]\na = "b"\n', 'the app gets the text "map[a:b]"'],
  ])('%j: the text the app gets', (body, text) => {
    expect(envFindings(body).map((f) => f.message)).toEqual([expect.stringContaining(text)]);
  });

  it('names Fly.io sets in every Machine, with a suggestion to remove them; other FLY_ names are left alone', () => {
    const findings = envFindings('FLY_REGION = "ams"\nFLY_PROCESS_GROUP = "web"\nFLY_SCALE_TO_ZERO = "1h"\nFLY_PRIMARY_REGION = "ord"\nPORT = "8080"\n');
    expect(findings.map((f) => f.message.split(' is ')[0])).toEqual(['[env] FLY_REGION', '[env] FLY_PROCESS_GROUP']);
    expect(findings[0]!.suggestions?.[0]?.desc).toBe('Remove FLY_REGION');
  });

  it('strings, numbers and booleans are fine', () => {
    expect(envFindings('PORT = 8080\nDEBUG = false\nNAME = "x"\n')).toEqual([]);
  });
});
