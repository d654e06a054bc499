// Input generators shared by the property tests (vitest, small budget) and `npm run fuzz` (long runs).
// Plain JavaScript so that the fuzzer runs under bare Node against the built bundle.
import fc from 'fast-check';

/** Characters a parser is most likely to mishandle: lone surrogates, BOMs, controls, line breaks. */
const NASTY_CHARS = ['\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFEFF', '\u0000', '\u0001', '\u0007', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F', '\u0085', '\u2028', '\u2029', '\r', '\n', '\t', '\uFFFD', '\uFFFF'];

/** Pieces of TOML syntax the corpus mutations insert. */
export const SYNTAX_PIECES = ['[', ']', '[[', ']]', '=', '"', "'", "'''", '"""', '\r\n', '\n', '\r', '{', '}', ',', '.', '#', '\\', '\\u', '\\U', 'x = ', ' = ', '[http_service]\n', '[[services]]\n', 'a.b.c = 1\n', '1979-05-27', 'inf', 'nan', '0x', '1_000', 'true', ' ', '\t', ...NASTY_CHARS];

/** Any string, from any code point and the nasty characters above. */
export const anyString = fc.string({ unit: fc.oneof({ weight: 4, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }, { weight: 1, arbitrary: fc.constantFrom(...NASTY_CHARS, ...SYNTAX_PIECES) }), maxLength: 300 });

/** Random bytes read as a file of unknown encoding would be: UTF-8 with replacement characters, or latin1. */
export const anyBytesAsText = fc.tuple(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('utf8', 'latin1')).map(([bytes, encoding]) => new TextDecoder(encoding === 'utf8' ? 'utf-8' : 'latin1').decode(bytes));

// ---------------------------------------------------------------------------------------------
// TOML-shaped documents: every value kind, dotted and quoted keys, headers, comments, CRLF.

const FLY_KEYS = ['app', 'primary_region', 'kill_signal', 'kill_timeout', 'swap_size_mb', 'internal_port', 'auto_stop_machines', 'auto_start_machines', 'min_machines_running', 'force_https', 'processes', 'memory', 'memory_mb', 'cpus', 'cpu_kind', 'size', 'interval', 'timeout', 'grace_period', 'port', 'handlers', 'source', 'destination', 'dockerfile', 'image', 'strategy', 'release_command', 'guest_path', 'local_path', 'raw_value', 'Kill_Timeout', 'APP', 'constructor', '__proto__', 'toString'];

const bareKey = fc.oneof(fc.constantFrom(...FLY_KEYS), fc.stringMatching(/^[A-Za-z0-9_-]{1,10}$/));
const quotedKey = fc.oneof(
  fc.string({ maxLength: 8 }).map((s) => JSON.stringify(s)),
  fc.stringMatching(/^[^'\r\n]{0,8}$/).map((s) => `'${s}'`),
  fc.constantFrom('""', "''", '"a\\u00e9"', '"\\uD800"', '"tab\\there"', '"new\nline"', "'unclosed", '"unclosed'),
);
const keySegment = fc.oneof({ weight: 4, arbitrary: bareKey }, { weight: 1, arbitrary: quotedKey });
const dottedKey = fc.tuple(fc.array(keySegment, { minLength: 1, maxLength: 4 }), fc.constantFrom('.', ' . ', '.\t')).map(([segments, dot]) => segments.join(dot));

const integer = fc.oneof(
  fc.bigInt({ min: -(2n ** 64n), max: 2n ** 64n }).map(String),
  fc.integer({ min: 0, max: 0xffff }).map((n) => `0x${n.toString(16)}`),
  fc.integer({ min: 0, max: 0o777 }).map((n) => `0o${n.toString(8)}`),
  fc.integer({ min: 0, max: 255 }).map((n) => `0b${n.toString(2)}`),
  fc.constantFrom('1_000', '+99', '-0', '0x_1', '1__0', '_1', '1_', '007', '0xG', '9223372036854775808'),
);
const float = fc.oneof(
  fc.double().map((n) => (Number.isFinite(n) ? String(n) : Number.isNaN(n) ? 'nan' : n > 0 ? '+inf' : '-inf')),
  fc.constantFrom('3.14', '-0.0', '5e+22', '1e06', '6.626e-34', '224_617.445_991', '.5', '5.', '1e', 'inf', '-nan', '+nan', '1.2.3'),
);
const dateTime = fc.constantFrom('1979-05-27T07:32:00Z', '1979-05-27 07:32:00-07:00', '1979-05-27T00:32:00.999999', '1979-05-27', '07:32:00', '07:32', '1979-05-27T07:32', '2026-02-30', '1979-13-01', '24:00:00', '1979-05-27T07:32:00+25:00');
const basicString = fc.oneof(
  fc.string({ maxLength: 20 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('"\\e[1m"', '"\\x41"', '"\\u00e9\\U0001F600"', '"\\uD800"', '"\\q"', '"bad\\', '"1gb"', '"512mb"', '"30s"', '"1m30s"', '"performance"', '"shared"', '"stop"', '"suspend"', '"ams"', '"immediate"', '"bluegreen"', '"constructor"', '"__proto__"', '"5constructor"', '"1toString"', '"hasOwnProperty"'),
);
const literalString = fc.stringMatching(/^[^'\r\n]{0,20}$/).map((s) => `'${s}'`);
const multilineString = fc.constantFrom('"""\nline one\n  line two"""', '"""\\\n   continued \\\n  """', "'''\nraw \\n text\n'''", '""""quoted""""', "''''''", '"""a""b"""', '"""\r\ncrlf\r\n"""', '"""unclosed\n', "'''unclosed\n");
const scalar = fc.oneof(integer, float, fc.boolean().map(String), dateTime, basicString, literalString, multilineString);

const value = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, { weight: 5, arbitrary: scalar }, { weight: 1, arbitrary: tie('array') }, { weight: 1, arbitrary: tie('inline') }),
  array: fc
    .tuple(fc.array(tie('value'), { maxLength: 4 }), fc.boolean(), fc.constantFrom(', ', ',', ',\n  ', ', # note\n  '))
    .map(([items, trailing, separator]) => `[${items.join(separator)}${trailing && items.length ? ',' : ''}]`),
  inline: fc
    .tuple(fc.array(fc.tuple(dottedKey, tie('value')), { maxLength: 3 }), fc.constantFrom(', ', ',\n  ', ', # c\n  '), fc.boolean())
    .map(([pairs, separator, trailing]) => `{ ${pairs.map(([k, v]) => `${k} = ${v}`).join(separator)}${trailing && pairs.length ? ',' : ''} }`),
})).value;

const HEADERS = ['http_service', 'env', 'build', 'build.args', 'deploy', 'processes', 'metrics', 'checks.alive', 'experimental', 'http_service.concurrency', 'mounts', 'vm', 'services', 'services.concurrency', 'restart'];
const ARRAY_HEADERS = ['services', 'services.ports', 'mounts', 'vm', 'http_service.checks', 'services.http_checks', 'services.tcp_checks', 'statics', 'files', 'restart', 'metrics'];
const comment = fc.oneof(fc.constantFrom('# comment', '#', '# flylint-disable-line missing-swap', '# flylint-disable-next-line unknown-key, missing-swap -- reason', '# flylint-disable', '# env: production', '# flylint-disable-line no-such-rule'), fc.string({ maxLength: 12 }).map((s) => `# ${s}`));
const indent = fc.constantFrom('', '', '  ', '\t', '    ');

const line = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(indent, dottedKey, value, fc.option(comment, { nil: '' })).map(([i, k, v, c]) => `${i}${k} = ${v}${c ? ` ${c}` : ''}`) },
  { weight: 2, arbitrary: fc.tuple(fc.oneof(fc.constantFrom(...HEADERS), dottedKey), fc.option(comment, { nil: '' })).map(([h, c]) => `[${h}]${c ? ` ${c}` : ''}`) },
  { weight: 2, arbitrary: fc.oneof(fc.constantFrom(...ARRAY_HEADERS), dottedKey).map((h) => `[[${h}]]`) },
  { weight: 1, arbitrary: fc.tuple(indent, comment).map(([i, c]) => i + c) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', 'key =', '= 1', '[', '[[a]', 'a = 1 b = 2', '[a] x = 1', 'a.b = 1 # ok', '"k" . d = 2') },
);

/** A random TOML-looking document: mostly well-formed lines, some broken, mixed line endings. */
export const tomlDocument = fc
  .tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\n', '\r\n', 'mixed'), fc.boolean(), fc.boolean())
  .map(([lines, eol, bom, finalNewline]) => {
    const text = eol === 'mixed' ? lines.map((l, i) => l + (i % 2 ? '\r\n' : '\n')).join('') : lines.join(eol) + (finalNewline && lines.length ? eol : '');
    return (bom ? '\uFEFF' : '') + text;
  });

// ---------------------------------------------------------------------------------------------
// Generated fly.toml configs: plausible sections, with the shapes rules fix (legacy spellings,
// missing settings, secrets, suppressions), so that every fix gets exercised.

const section = fc.constantFrom(
  'kill_timeout = 5',
  'kill_timeout = 2.5 # seconds',
  'Kill_Timeout = 5',
  'swap_size_mb = 512',
  'primary_region = "ams"',
  'primary_region = "xyz"',
  "primary_region = 'ams' # flylint-disable-line primary-region",
  'console_command = "/bin/sh"',
  '[build]\n  dockerfile = "Dockerfile"\n  image = "nginx"',
  '[build.args]\n  NPM_TOKEN = "npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789" # build token',
  '[env]\n  PORT = "8080"\n  # the payment key\n  STRIPE_SECRET_KEY = "sk_live_51HxQ2rTz8kL9mN3pQ7vW2yX"',
  '[env]\n  DATABASE_URL = "postgres://u:Xy7pQ2vLm9Rt@db.internal:5432/shop" # flylint-disable-line secret-in-env',
  '[http_service]\n  internal_port = 8080\n  auto_stop_machines = true\n  auto_start_machines = true # on demand',
  '[http_service]\n  internal_port = 8080\n  force_https = false\n  auto_stop_machines = "stop"\n  min_machines_running = 0\n  processes = ["app"]',
  '[http_service]\n  internal_port = 3000\n  concurrency = { type = "requests",\n    # soft first\n    soft_limit = 20 }',
  '[[http_service.checks]]\n  interval = 10000\n  timeout = "2s"\n  path = "/healthz"',
  '[[services]]\n  internal_port = 5432\n  protocol = "tcp"\n  [[services.ports]]\n    port = 5432 # postgres\n    handlers = ["pg_tls"]',
  '[[services]]\n  internal_port = 8080\n  auto_stop_machines = false\n  [[services.ports]]\n    port = 80\n    handlers = ["http"]\n  [[services.ports]]\n    port = 443\n    handlers = ["tls", "http"]',
  '[services]\n  internal_port = 8080',
  '[vm]\n  memory = "1gb"\n  cpu_kind = "shared"',
  '[[vm]]\n  size = "shared-cpu-1x"\n  memory = "128mb"',
  '[[vm]]\n  cpus = 3\n  memory = 100',
  '[mounts]\n  source = "data"\n  destination = "/data"',
  '[[mounts]]\n  source = "data"\n  destination = "/data"\n  # keep a week\n  snapshot_retention = 7',
  '[processes]\n  app = "node server.js"\n  worker = "node worker.js"',
  '[deploy]\n  strategy = "canary"\n  release_command = "bin/migrate"',
  '[deploy]\n  strategy = "bluegren"',
  '[checks.alive]\n  type = "http"\n  port = 8080\n  path = "/"\n  interval = "15s"',
  '[metrics]\n  port = 9091\n  path = "/metrics"',
  '[experimental]\n  auto_rollback = true',
  '[experimental]\n  kill_timeout = 30\n  metrics_port = 9091\n  metrics_path = "/metrics" # prom',
  '[[processes]]\n  name = "web"\n  command = "bin/web"',
  '[[processes]]\n  name = "queue worker" # jobs\n  command = \'bin/worker --queue=default\'',
  '[[checks]]\n  name = "pg"\n  type = "tcp"\n  port = 5432',
  '[[services]]\n  internal_port = 8080\n  [[services.http_checks]]\n    path = "/"\n    [[services.http_checks.headers]]\n      name = "Host" # probe\n      value = "example.com"\n    [[services.http_checks.headers]]\n      name = "X-Probe"\n      value = "1"',
  // Other spellings, alone or beside the lower-case ones: one section to flyctl, merged.
  'Swap_Size_MB = 512',
  '[HTTP_Service]\n  internal_port = 8080\n  Force_Https = true\n  auto_stop_machines = true',
  '[Deploy]\n  Strategy = "rolling"',
  '[Experimental]\n  kill_timeout = 30\n  cmd = ["x"]',
  '[Build]\n  build_target = "web"',
  '[Env]\n  A = 1\n  PORT = "80"',
  'unknwon_key = 1',
  '[htttp_service]\n  internal_port = 8080',
  '# flylint-disable-next-line missing-swap\n# a comment of our own',
  '# flylint-disable unknown-key -- legacy file',
);

/** What a section defines, so that a generated config defines each table and key once (arrays of tables may repeat). */
function tableOf(section) {
  const first = section.split('\n')[0].replace(/\s*#.*$/, '');
  if (first.startsWith('[[')) return section;
  if (first.startsWith('[')) return first.replace(/[[\]]/g, '');
  return first.split('=')[0].trim().toLowerCase() || section;
}

/** A generated fly.toml: an app name, then sections in random order, with LF or CRLF. */
export const flyConfig = fc
  .tuple(fc.constantFrom('app = "shop"', 'app = "shop-staging"', 'app = "shop-production"', "app = 'shop' # the app", ''), fc.uniqueArray(section, { maxLength: 8, selector: tableOf }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([app, sections, eol, bom]) => {
    // Top-level keys before the first table, as a real config has them.
    const ordered = [...sections.filter((s) => !s.startsWith('[')), ...sections.filter((s) => s.startsWith('['))];
    const text = [app, ...ordered].join('\n\n') + '\n';
    return (bom ? '\uFEFF' : '') + (eol === '\n' ? text : text.replace(/\n/g, '\r\n'));
  });

// ---------------------------------------------------------------------------------------------
// Mutations of real files.

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('truncate'), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('insert'), at: fc.double({ min: 0, max: 1, noNaN: true }), piece: fc.constantFrom(...SYNTAX_PIECES) }),
  fc.record({ kind: fc.constant('delete'), at: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.integer({ min: 1, max: 60 }) }),
  fc.record({ kind: fc.constant('duplicate-line'), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('bom'), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('crlf') }),
);

function applyMutation(text, m) {
  const at = Math.min(text.length, Math.floor(m.at * (text.length + 1)));
  switch (m.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'insert':
      return text.slice(0, at) + m.piece + text.slice(at);
    case 'delete':
      return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate-line': {
      const lines = text.split('\n');
      const i = Math.min(lines.length - 1, Math.floor(m.at * lines.length));
      lines.splice(i, 0, lines[i]);
      return lines.join('\n');
    }
    case 'bom':
      return m.at < 0.5 ? '\uFEFF' + text : text.slice(0, at) + '\uFEFF' + text.slice(at);
    default:
      return text.replace(/\r?\n/g, '\r\n');
  }
}

/** A corpus file with one to four mutations applied; shrinks towards fewer mutations. */
export function corpusMutation(corpus) {
  return fc.tuple(fc.nat(corpus.length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([i, mutations]) => mutations.reduce(applyMutation, corpus[i]));
}

/**
 * Documents with one very long token of every kind the scanner reads (numbers in every base and
 * form, keys, strings, dates, comments, whitespace, garbage), in value, key, header and
 * unclosed-array positions: no scanner or regular expression may recurse or backtrack per
 * character of a token.
 */
const LONG_TOKEN_KINDS = {
  integer: (n) => '1'.repeat(n),
  underscores: (n) => `1${'_1'.repeat(n >> 1)}`,
  float: (n) => `1.${'1'.repeat(n)}`,
  exponent: (n) => `1e${'1'.repeat(n)}`,
  fractionAndExponent: (n) => `1.${'5'.repeat(n >> 1)}e-${'1'.repeat(n >> 1)}`,
  hex: (n) => `0x${'f'.repeat(n)}`,
  octal: (n) => `0o${'7'.repeat(n)}`,
  binary: (n) => `0b${'1'.repeat(n)}`,
  signs: (n) => '+-'.repeat(n >> 1),
  dots: (n) => `1${'.'.repeat(n)}`,
  badUnderscores: (n) => `1${'__1'.repeat(n >> 2)}`,
  dateFraction: (n) => `1979-05-27T07:32:00.${'9'.repeat(n)}Z`,
  dateDigits: (n) => `1979-05-27${'9'.repeat(n)}`,
  basicString: (n) => `"${'a'.repeat(n)}"`,
  escapes: (n) => `"${'\\n'.repeat(n >> 1)}"`,
  unicodeEscapes: (n) => `"${'\\u0041'.repeat(n >> 3)}"`,
  literalString: (n) => `'${'a'.repeat(n)}'`,
  multiLine: (n) => `"""${'a\n'.repeat(n >> 1)}"""`,
  unterminated: (n) => `"${'a'.repeat(n)}`,
  garbage: (n) => '$'.repeat(n),
};
const LONG_PLACES = {
  value: (token) => `k = ${token}\n`,
  // Both items whole: a cut-off """ string would run to the end of the file and take [env] with it.
  arrayItem: (token) => `k = [${token}, ${token}]\n`,
  unclosedArray: (token) => `k = [\n${token}\nnext = 1\n`,
  inlineTable: (token) => `k = { a = ${token} }\n`,
  bareKey: (_token, n) => `${'k'.repeat(n)} = 1\n`,
  dottedKey: (_token, n) => `${'a.'.repeat(Math.min(n >> 1, 5000))}b = 1\n`,
  header: (_token, n) => `[${'a'.repeat(n)}]\nx = 1\n`,
  headerSpaces: (_token, n) => `[${' '.repeat(n)}a${' '.repeat(n)}]\n`,
  comment: (_token, n) => `#${'a'.repeat(n)}\nk = 1\n`,
  whitespace: (_token, n) => `${' \t'.repeat(n >> 1)}k = 1\n`,
  blankLines: (_token, n) => `${'\n'.repeat(n)}k = 1\n`,
};
export const longTokenDocument = fc
  .tuple(fc.constantFrom(...Object.keys(LONG_TOKEN_KINDS)), fc.constantFrom(...Object.keys(LONG_PLACES)), fc.integer({ min: 20_000, max: 200_000 }))
  .map(([kind, place, n]) => `app = "shop"\n${LONG_PLACES[place](LONG_TOKEN_KINDS[kind](n), n)}[env]\n  API_KEY = "sk_live_51HxQ2rTz8kL9mN3pQ7vW2yX"\n`);

/**
 * LSP header blocks as a hostile client writes them: names with spaces or tabs around them or
 * the colon, any case, numbers with signs, suffixes, leading zeros or spaces, several lengths,
 * other headers, bare LF line ends. Each is followed by the body it claims to frame.
 */
export const frameHeaderVariant = fc
  .record({
    before: fc.constantFrom('', ' ', '\t', 'X'),
    name: fc.constantFrom('Content-Length', 'content-length', 'CONTENT-LENGTH', 'Content_Length', 'Content-Lengthx'),
    beforeColon: fc.constantFrom('', ' ', '\t', '  '),
    afterColon: fc.constantFrom('', ' ', '\t', '   '),
    number: fc.constantFrom('{n}', '+{n}', '-{n}', '0{n}', '{n}abc', '{n}.0', ' {n} ', '1e3', '', '99999999999999999999', '0x10'),
    extra: fc.constantFrom('', 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n', 'Content-Length: 3\r\n', 'X\r\n', ': x\r\n'),
    lineEnd: fc.constantFrom('\r\n', '\n', '\r\n\r\n'),
  })
  .map((v) => (body) => `${v.extra}${v.before}${v.name}${v.beforeColon}:${v.afterColon}${v.number.replace('{n}', String(Buffer.byteLength(body)))}${v.lineEnd}\r\n${body}`);
