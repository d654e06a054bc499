/**
 * Does an `[env]` / `[build.args]` entry hold a secret? By its name (`*PASSWORD*`, `*TOKEN*` …)
 * and by its value (credentials in URLs, known token prefixes, long random strings), while
 * leaving alone the settings that merely talk about secrets (`PASSWORD_MIN_LENGTH`,
 * `TOKEN_EXPIRY`), booleans, numbers and placeholders.
 */
import { matchesSecretPattern } from './secret-patterns.js';

// SENTRY_DSN is not here: a DSN only lets a client send events, and Sentry documents it as safe
// to publish (an old DSN with a secret part is a URL with a password, caught as such).
const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY|CLIENT_?SECRET|CREDENTIALS?|AUTH_?KEY|SIGNING_?KEY|ENCRYPTION_?KEY|MASTER_?KEY|SERVICE_ROLE_?KEY|WEBHOOK_SECRET|SESSION_KEY|COOKIE_SECRET|JWT)/i;
/** Names that describe a secret's policy, not the secret itself. */
const SETTING_NAME = /(_|^)(MIN|MAX|LENGTH|LEN|EXPIRY|EXPIRES|EXPIRATION|TTL|TIMEOUT|LIFETIME|AGE|ROUNDS|COST|ENABLED|DISABLED|REQUIRED|REQUIRE|HEADER|HEADER_NAME|PARAM|FIELD|URL|URI|ENDPOINT|HOST|PATH|FILE|DIR|DIRECTORY|FOLDER|ALGORITHM|ALG|ISSUER|AUDIENCE|TYPE|NAME|ID|DURATION|SECONDS|MINUTES|HOURS|DAYS|COUNT|LIMIT|PREFIX|STRATEGY|PROVIDER|MODE|VERSION|SIZE|ENV|REGION|USER|USERNAME|HASHER|HASHING|SCHEME|POLICY|STORE|BACKEND|MANAGER|SOURCE)(_|$)|(PASSWORD|TOKEN|SECRET|KEY)LESS/i;
/**
 * An access key is the identifier half of a key pair (`S3_ACCESS_KEY` beside `S3_SECRET_KEY`,
 * AWS's `AKIA…`): the secret half is what must not leak, and it is reported by its own name.
 */
const ACCESS_KEY_ID = /ACCESS_?KEY/i;
/** Values that stand in for a secret rather than being one. */
const PLACEHOLDER = /^(|changeme|change[-_ .]?(me|it|this)|replace[-_ .]?(me|this)|todo|tbd|fixme|xxx+|\*+|\.{3}|\u2026|redacted|hidden|secret|password|passwd|pass|token|key|api[-_]?key|placeholder|example|sample|dummy|fake|mock|test|testing|none|null|nil|undefined|false|true|yes|no|on|off|0|1|not[-_ ]?used|unused|not[-_ ]?set|unset|empty|n\/?a|default|-)$|^<.*>$|^\[.*\]$|^\(.*\)$|^\$\{?[A-Za-z_][A-Za-z0-9_]*\}?$|^\$\(.*\)$|^\{\{.*\}\}$|^%.*%$|^your[-_ .]|^(?:insert|put|enter|add)[-_ .].*[-_ .]here$|[-_ .]here$/i;
/** One character over and over: `xxxxxxxx`, `00000000`. */
const REPEATED = /^(.)\1+$/;
/** A word in the value that says it is not a real credential: a mock, a test, a development default. */
const NOT_REAL_VALUE = /(?:^|[^a-z0-9])(mock|mocked|fake|dummy|test|testing|tests|example|sample|placeholder|dev|development|local|localhost|demo|insecure|changeme|replaceme|notused|unused)(?:$|[^a-z0-9])/i;
/** The same, said by a comment on the entry's line or just above it. */
const NOT_REAL_NOTE = /\b(mock|fake|dummy|tests?|testing|example|sample|placeholder|dev|development|local(?:host)?|demo|insecure|not (?:a )?(?:real )?secret|non-?secret|not sensitive|public(?:ly)? (?:key|by design|on purpose|anyway)|publishable|safe to (?:commit|share|expose|publish))\b/i;
/**
 * Known formats of secret tokens and keys, by their prefix. Not here: publishable keys (`pk_live_`),
 * AWS access key ids (`AKIA…`, an identifier), and Google API keys (`AIza…`, below).
 */
const KNOWN_PREFIX = /^(sk_live_|rk_live_|ghp_|gho_|ghs_|ghu_|ghr_|github_pat_|glpat-|xox[abpors]-|SG\.[A-Za-z0-9_-]{16}|sk-[A-Za-z0-9_-]{20}|sk-ant-|sk-proj-|hf_[A-Za-z0-9]{20}|npm_[A-Za-z0-9]{20}|FlyV1 |fm[12]_|shpat_|shpss_|dop_v1_|-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----)/;
/** Everything a value may start with to be masked (secret-mask.ts): the formats above and identifiers alike. */
const ANY_KEY_PREFIX = new RegExp(`${KNOWN_PREFIX.source}|^(pk_live_|AKIA[0-9A-Z]{12}|ASIA[0-9A-Z]{12}|AIza[0-9A-Za-z_-]{20}|-----BEGIN)`);
/**
 * A Google API key. In a browser (a frontend build, a Firebase web config, a Maps page) it is
 * public by design and restricted by referrer; on a server (Gemini, say) it is a secret.
 */
const GOOGLE_API_KEY = /^AIza[0-9A-Za-z_-]{20}/;
const BROWSER_GOOGLE_NAME = /FIREBASE|MAPS?(_|$)|RECAPTCHA|PLACES|YOUTUBE/i;
/**
 * Variables that a frontend framework compiles into the code it sends to browsers: public by
 * design (Next.js, Vite, SvelteKit/Astro, Create React App, Expo, Nuxt, Gatsby, Vue CLI, Angular).
 */
const BROWSER_PREFIX = /^(NEXT_PUBLIC_|VITE_|PUBLIC_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_|NUXT_ENV_|GATSBY_|VUE_APP_|NG_APP_|STORYBOOK_)/i;
/**
 * Keys that are public by design: publishable and anon keys, site keys, client ids, and search-only
 * keys (Algolia's, Meilisearch's and Typesense's search keys are meant for browsers).
 */
const PUBLIC_NAME = /(PUBLISHABLE|PUBLIC|ANON|_SITE_?KEY$|_CLIENT_ID$|SEARCH_ONLY|SEARCH_(API_)?KEY)/i;
const PRIVATE_WORD = /ADMIN|WRITE|MASTER|SECRET|PRIVATE|SERVICE_ROLE/i;
const URL_CREDENTIALS = /^[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:([^\s/@]+)@/i;

/** Whether a name says its value is a secret, or at least about one (masking reads this: it may take too much). */
export function namesSecret(name: string, extraPatterns: readonly string[] = []): boolean {
  return SECRET_NAME.test(name) || matchesSecretPattern(name, extraPatterns);
}

/** Token formats to mask, anchored at a word's start: secrets and identifiers alike. */
export const KNOWN_TOKEN = ANY_KEY_PREFIX;
/** `scheme://user:password@`: group 1 is the password. */
export const URL_WITH_PASSWORD = URL_CREDENTIALS;

/** Whether a name is public by design: compiled into browser code, or a key made to be published. */
function publicByDesign(name: string): boolean {
  return BROWSER_PREFIX.test(name) || (PUBLIC_NAME.test(name) && !PRIVATE_WORD.test(name.replace(/PUBLIC|PUBLISHABLE/gi, '')));
}

/** Whether a value stands in for a secret (`changeme`, `${TOKEN}`, `<your key>`). */
export function standsInForSecret(value: string): boolean {
  return PLACEHOLDER.test(value) || REPEATED.test(value);
}

/** Whether a value stands in for a secret or says it is not a real one. */
export function isPlaceholder(value: string): boolean {
  return standsInForSecret(value) || NOT_REAL_VALUE.test(value);
}

export interface SecretVerdict {
  reason: string;
  /** Error for a secret; info where only the value's shape speaks for it. */
  severity: 'error' | 'info';
}

export interface SecretContext {
  /** Comments on the entry's line and just above it. */
  note?: string;
  /** Where the value goes: a frontend build may hold keys that are public by design. */
  where?: 'env' | 'build' | 'file';
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

const error = (reason: string): SecretVerdict => ({ reason, severity: 'error' });

/**
 * Is the value of `name` a secret written into the file? Evidence, strongest first: a URL with a
 * password, a known token format, a name that says secret (and is not a setting about one, an
 * identifier, or public by design); a value's random look alone is only worth an info. A
 * placeholder, or a value that it or a comment marks as a mock, a test or a development default,
 * is not a leaked secret.
 */
export function detectSecret(name: string, value: unknown, extraPatterns: readonly string[] = [], context: SecretContext = {}): SecretVerdict | undefined {
  if (typeof value !== 'string') return undefined; // booleans and numbers are settings
  const trimmed = value.trim();
  if (isPlaceholder(trimmed) || (context.note && NOT_REAL_NOTE.test(context.note))) return undefined;
  const credentials = URL_CREDENTIALS.exec(trimmed);
  if (credentials) return isPlaceholder(credentials[1]!) ? undefined : error('a URL with a password in it');
  // A secret key compiled into a frontend still leaks: known formats count under any name.
  if (KNOWN_PREFIX.test(trimmed)) return error('a value in the format of an API token or private key');
  const open = publicByDesign(name);
  if (GOOGLE_API_KEY.test(trimmed)) {
    if (open || context.where === 'build' || BROWSER_GOOGLE_NAME.test(name)) return undefined;
    return error('a Google API key used on the server');
  }
  if (/^(AKIA|ASIA)[0-9A-Z]{16}$/.test(trimmed)) return undefined;
  if (open) return undefined;
  const extra = matchesSecretPattern(name, extraPatterns);
  const namedSecret = SECRET_NAME.test(name) && !SETTING_NAME.test(name) && !(ACCESS_KEY_ID.test(name) && !/SECRET/i.test(name));
  if (namedSecret || extra) {
    // Under such a name any other string is the secret itself, however short or plain
    // (`DB_PASSWORD = "hunter2"`). What is not: a file path (`/app/gcp-creds.json` says where the
    // secret is), a URL without credentials, a number, and a session cookie's name (`_shop_session`).
    const path = /^(?:\/|\.{1,2}\/|~\/)[\w.-]*(?:\/[\w.-]*)+$/.test(trimmed);
    const cookieName = /SESSION/i.test(name) && /^_|session$/i.test(trimmed);
    if (!path && !cookieName && !/^\d+$/.test(trimmed) && !/^https?:\/\/[^@]*$/i.test(trimmed)) return error(`its name "${name}" says it holds a secret`);
    return undefined;
  }
  if (looksRandom(trimmed)) return { reason: 'a long random-looking value', severity: 'info' };
  return undefined;
}

/** What may be shown of a secret value: its first two characters at most. */
export function maskSecret(value: string): string {
  return value.length > 4 ? `${value.slice(0, 2)}…` : '…';
}
