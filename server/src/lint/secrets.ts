/**
 * Does an `[env]` / `[build.args]` entry hold a secret? By its name (`*PASSWORD*`, `*TOKEN*` …)
 * and by its value (credentials in URLs, known token prefixes, long random strings), while
 * leaving alone the settings that merely talk about secrets (`PASSWORD_MIN_LENGTH`,
 * `TOKEN_EXPIRY`), booleans, numbers and placeholders.
 */
import { matchesSecretPattern } from './secret-patterns.js';

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CLIENT_?SECRET|CREDENTIALS?|AUTH_?KEY|SIGNING_?KEY|ENCRYPTION_?KEY|MASTER_?KEY|SENTRY_DSN|WEBHOOK_SECRET|SESSION_KEY|COOKIE_SECRET|JWT)/i;
/** Names that describe a secret's policy, not the secret itself. */
const SETTING_NAME = /(_|^)(MIN|MAX|LENGTH|LEN|EXPIRY|EXPIRES|EXPIRATION|TTL|TIMEOUT|LIFETIME|AGE|ROUNDS|COST|ENABLED|DISABLED|REQUIRED|REQUIRE|HEADER|HEADER_NAME|PARAM|FIELD|URL|URI|ENDPOINT|HOST|PATH|FILE|DIR|DIRECTORY|FOLDER|ALGORITHM|ALG|ISSUER|AUDIENCE|TYPE|NAME|ID|DURATION|SECONDS|MINUTES|HOURS|DAYS|COUNT|LIMIT|PREFIX|STRATEGY|PROVIDER|MODE|VERSION|SIZE|ENV|REGION|USER|USERNAME|HASHER|HASHING|SCHEME|POLICY|STORE|BACKEND|MANAGER|SOURCE)(_|$)|(PASSWORD|TOKEN|SECRET|KEY)LESS/i;
const PLACEHOLDER = /^(|changeme|change[-_ ]?me|todo|tbd|xxx+|\*+|redacted|secret|password|placeholder|example|dummy|test|none|null|nil|undefined|false|true|yes|no|on|off|0|1)$|^<.*>$|^\$\{?[A-Z_][A-Z0-9_]*\}?$|^\{\{.*\}\}$|^%.*%$/i;
const KNOWN_PREFIX = /^(sk_live_|rk_live_|sk_test_|pk_live_|ghp_|gho_|ghs_|ghu_|github_pat_|glpat-|xox[abpors]-|AKIA[0-9A-Z]{12}|ASIA[0-9A-Z]{12}|AIza[0-9A-Za-z_-]{20}|SG\.[A-Za-z0-9_-]{16}|sk-[A-Za-z0-9_-]{20}|sk-ant-|hf_[A-Za-z0-9]{20}|npm_[A-Za-z0-9]{20}|FlyV1 |fm[12]_|shpat_|dop_v1_|-----BEGIN)/;
const PUBLIC_NAME = /(PUBLISHABLE|PUBLIC|ANON|_ID$|_SITE_KEY$)/i;
const URL_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:([^\s/@]+)@/i;

/** Whether a name says its value is a secret, or at least about one (masking reads this: it may take too much). */
export function namesSecret(name: string, extraPatterns: readonly string[] = []): boolean {
  return SECRET_NAME.test(name) || matchesSecretPattern(name, extraPatterns);
}

/** Known token formats, anchored at a token's start. */
export const KNOWN_TOKEN = KNOWN_PREFIX;
/** `scheme://user:password@`: group 1 is the password. */
export const URL_WITH_PASSWORD = URL_CREDENTIALS;

export interface SecretVerdict {
  reason: string;
}

function entropyPerChar(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let entropy = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** A long run of mixed characters with no spaces that does not look like a path, URL, version or id. */
export function looksRandom(value: string): boolean {
  if (value.length < 24 || /\s/.test(value) || /^[a-z]+:\/\//i.test(value) || value.includes('/')) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/].filter((r) => r.test(value)).length;
  return classes >= 3 && entropyPerChar(value) >= 4;
}

export function detectSecret(name: string, value: unknown, extraPatterns: readonly string[] = []): SecretVerdict | undefined {
  if (typeof value !== 'string') return undefined; // booleans and numbers are settings
  const trimmed = value.trim();
  if (PLACEHOLDER.test(trimmed)) return undefined;
  const credentials = URL_CREDENTIALS.exec(trimmed);
  if (credentials && !PLACEHOLDER.test(credentials[1]!)) return { reason: 'a URL with a password in it' };
  if (KNOWN_PREFIX.test(trimmed)) return { reason: 'a value in the format of an API token or private key' };
  const extra = matchesSecretPattern(name, extraPatterns);
  if ((SECRET_NAME.test(name) && !SETTING_NAME.test(name)) || extra) {
    // Under such a name any other string is the secret itself, however short or plain
    // (`DB_PASSWORD = "hunter2"`). What is not: a file path (`/app/gcp-creds.json` says where the
    // secret is), a URL without credentials, a number, and a session cookie's name (`_shop_session`).
    const path = /^(?:\/|\.{1,2}\/|~\/)[\w.-]*(?:\/[\w.-]*)+$/.test(trimmed);
    const cookieName = /SESSION/i.test(name) && /^_|session$/i.test(trimmed);
    if (!path && !cookieName && !/^\d+$/.test(trimmed) && !/^https?:\/\/[^@]*$/i.test(trimmed)) return { reason: `its name "${name}" says it holds a secret` };
    return undefined;
  }
  // Publishable / anon keys are public by design (Stripe pk_, Supabase anon key).
  if (looksRandom(trimmed) && !PUBLIC_NAME.test(name)) return { reason: 'a long random-looking value' };
  return undefined;
}

/** What may be shown of a secret value: its first two characters at most. */
export function maskSecret(value: string): string {
  return value.length > 4 ? `${value.slice(0, 2)}…` : '…';
}
