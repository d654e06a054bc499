/** Semantic tokens over the protocol, decoded back to (line, character, length, type, modifiers). */
import { afterEach, describe, expect, it } from 'vitest';
import { fileUri, startClient, type TestClient } from './lsp-client.js';
import { analyze, lintText } from '../../server/src/lint/engine.js';
import { LineIndex } from '../../server/src/lint/line-index.js';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens, tokenEdits, tokensInLines } from '../../server/src/lsp/semantic-tokens.js';

type Decoded = [line: number, character: number, length: number, type: string, modifiers: string[]];

/** The relative LSP encoding back to absolute tokens, named by the legend the server announced. */
function decode(data: number[], legend: { tokenTypes: string[]; tokenModifiers: string[] }): Decoded[] {
  const out: Decoded[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    const bits = data[i + 4]!;
    out.push([line, character, data[i + 2]!, legend.tokenTypes[data[i + 3]!]!, legend.tokenModifiers.filter((_, b) => bits & (1 << b))]);
  }
  return out;
}

/** The text each decoded token covers, to read tests at a glance. */
function covered(text: string, tokens: Decoded[]): string[] {
  const index = new LineIndex(text);
  return tokens.map(([line, character, length]) => {
    const start = index.offsetAt({ line, character });
    return text.slice(start, start + length);
  });
}

function tokensOf(text: string, multiline = false): Decoded[] {
  const file = analyze(text, '/p/fly.toml');
  return decode(semanticTokens(file, new LineIndex(text), multiline), SEMANTIC_TOKENS_LEGEND as never);
}

const CONFIG = `# shop 🚀 launch
app = "café-🚀"
kill_timeout = 5
deployed_at = 2024-01-02T03:04:05Z

[http_service]
  internal_port = 8080
  force_https = true
  auto_stop_machine = "stop" # typo
  processes = ["web", 'worker']

[vm]
  memory = "1gb"
`;

describe('semantic tokens', () => {
  it('gives keys, headers, every kind of value and comments their types, in UTF-16 columns', () => {
    const tokens = tokensOf(CONFIG);
    expect(tokens.map((t, i) => [covered(CONFIG, tokens)[i], ...t])).toEqual([
      ['# shop 🚀 launch', 0, 0, 16, 'comment', []],
      ['app', 1, 0, 3, 'property', []],
      // é is one UTF-16 unit, 🚀 two: the string is 9 units long.
      ['"café-🚀"', 1, 6, 9, 'string', []],
      ['kill_timeout', 2, 0, 12, 'property', []],
      ['5', 2, 15, 1, 'number', []],
      ['deployed_at', 3, 0, 11, 'property', ['unknown']],
      ['2024-01-02T03:04:05Z', 3, 14, 20, 'enumMember', []],
      ['http_service', 5, 1, 12, 'namespace', ['declaration']],
      ['internal_port', 6, 2, 13, 'property', []],
      ['8080', 6, 18, 4, 'number', []],
      ['force_https', 7, 2, 11, 'property', []],
      ['true', 7, 16, 4, 'keyword', []],
      ['auto_stop_machine', 8, 2, 17, 'property', ['unknown']],
      ['"stop"', 8, 22, 6, 'string', []],
      ['# typo', 8, 29, 6, 'comment', []],
      ['processes', 9, 2, 9, 'property', []],
      ['"web"', 9, 15, 5, 'string', []],
      ["'worker'", 9, 22, 8, 'string', []],
      // A single [vm] table is the legacy form of [[vm]].
      ['vm', 11, 1, 2, 'namespace', ['declaration', 'deprecated']],
      ['memory', 12, 2, 6, 'property', []],
      ['"1gb"', 12, 11, 5, 'string', []],
    ]);
  });

  it('marks exactly the keys the unknown-key and deprecated rules report', () => {
    const tokens = tokensOf(CONFIG);
    const marked = (modifier: string) => covered(CONFIG, tokens).filter((_, i) => tokens[i]![4].includes(modifier));
    const reported = (ruleId: string) => lintText(CONFIG, { filePath: '/p/fly.toml' }).filter((f) => f.ruleId === ruleId).map((f) => CONFIG.slice(f.range[0], f.range[1]));
    expect(marked('unknown')).toEqual(['deployed_at', 'auto_stop_machine']);
    expect(marked('unknown')).toEqual(reported('unknown-key'));
    expect(marked('deprecated')).toEqual(['vm']);
    expect(marked('deprecated')).toEqual(reported('deprecated'));
  });

  it('colours dotted keys per segment, quoted keys and inline tables, and keys of a header with several names', () => {
    const text = `[[services]]\n  ports = [{ port = 443, handlers = ["tls"] }]\n[services.concurrency]\n  "type" = 'requests'\n[env]\n  a.b = 1.5\n`;
    const tokens = tokensOf(text);
    expect(tokens.map((t, i) => [covered(text, tokens)[i], t[3]])).toEqual([
      ['services', 'namespace'],
      ['ports', 'property'],
      ['port', 'property'],
      ['443', 'number'],
      ['handlers', 'property'],
      ['"tls"', 'string'],
      ['services', 'namespace'],
      ['concurrency', 'namespace'],
      ['"type"', 'property'],
      ["'requests'", 'string'],
      ['env', 'namespace'],
      ['a', 'property'],
      ['b', 'property'],
      ['1.5', 'number'],
    ]);
  });

  it('cuts a multi-line string into one token per line unless the client takes multi-line tokens', () => {
    const text = 'app = "a"\n[processes]\n  web = """\n  bin/web \\\n\n  --port 8080"""\n';
    expect(tokensOf(text).filter((t) => t[3] === 'string').slice(1)).toEqual([
      [2, 8, 3, 'string', []],
      [3, 0, 11, 'string', []],
      // The empty line gets no token.
      [5, 0, 16, 'string', []],
    ]);
    expect(tokensOf(text, true).filter((t) => t[3] === 'string').slice(1)).toEqual([[2, 8, 33, 'string', []]]);
  });

  it('keeps going through a broken file and never gives overlapping tokens', () => {
    const text = 'app = "a"\nkill_timeout = \n[http_service\ninternal_port = 80 80\nforce_https = tru\n[[vm]]\nmemory = "1gb"\n';
    const tokens = tokensOf(text);
    expect(covered(text, tokens)).toEqual(expect.arrayContaining(['app', '"a"', 'kill_timeout', 'memory', '"1gb"']));
    for (let i = 1; i < tokens.length; i++) {
      const [line, character] = tokens[i]!;
      const [pl, pc, plen] = tokens[i - 1]!;
      expect(line > pl || character >= pc + plen).toBe(true);
    }
  });

  it('sorts the tokens of a tree that is out of text order', () => {
    const file = analyze(CONFIG, '/p/fly.toml');
    const index = new LineIndex(CONFIG);
    const reversed = { ...file, doc: { ...file.doc, tables: [...file.doc.tables].reverse() } } as typeof file;
    expect(semanticTokens(reversed, index, false)).toEqual(semanticTokens(file, index, false));
  });

  it('encodes the tokens of some lines anew', () => {
    const data = semanticTokens(analyze(CONFIG, '/p/fly.toml'), new LineIndex(CONFIG), false);
    expect(decode(tokensInLines(data, 6, 8), SEMANTIC_TOKENS_LEGEND as never)).toEqual(tokensOf(CONFIG).filter((t) => t[0] >= 6 && t[0] <= 8));
    expect(tokensInLines(data, 100, 120)).toEqual([]);
  });

  it('edits only what changed, in whole tokens', () => {
    const before = semanticTokens(analyze(CONFIG, '/p/fly.toml'), new LineIndex(CONFIG), false);
    const changedText = CONFIG.replace('internal_port = 8080', 'internal_port = 80');
    const after = semanticTokens(analyze(changedText, '/p/fly.toml'), new LineIndex(changedText), false);
    const edits = tokenEdits(before, after);
    expect(edits).toHaveLength(1);
    expect(edits[0]!.start % 5).toBe(0);
    expect(edits[0]!.deleteCount % 5).toBe(0);
    const applied = [...before];
    applied.splice(edits[0]!.start, edits[0]!.deleteCount, ...(edits[0]!.data ?? []));
    expect(applied).toEqual(after);
    expect(edits[0]!.deleteCount).toBeLessThanOrEqual(10);
    expect(tokenEdits(after, after)).toEqual([]);
  });
});

describe('semantic tokens over the protocol', () => {
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) await c.close();
  });

  async function opened(text: string, capabilities: Record<string, unknown> = {}) {
    const c = await startClient(undefined, { capabilities });
    clients.push(c);
    const uri = fileUri('/p/fly.toml');
    c.open(uri, text);
    return { c, uri };
  }

  it('announces the legend and answers full, range and delta requests', async () => {
    const c = await startClient(undefined);
    clients.push(c);
    expect(c.serverCapabilities.semanticTokensProvider).toEqual({ legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: true });
    const legend = c.serverCapabilities.semanticTokensProvider.legend as { tokenTypes: string[]; tokenModifiers: string[] };
    const uri = fileUri('/p/fly.toml');
    c.open(uri, CONFIG);
    const full = await c.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens = decode(full.data, legend);
    expect(tokens).toEqual(tokensOf(CONFIG));
    expect(typeof full.resultId).toBe('string');

    const range = await c.request('textDocument/semanticTokens/range', { textDocument: { uri }, range: { start: { line: 5, character: 0 }, end: { line: 7, character: 0 } } });
    expect(decode(range.data, legend)).toEqual(tokens.filter((t) => t[0] >= 5 && t[0] <= 7));

    const changed = CONFIG.replace('force_https = true', 'force_https = false');
    c.change(uri, changed, 2);
    const delta = await c.request('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: full.resultId });
    expect(delta.edits).toHaveLength(1);
    const applied = [...full.data];
    applied.splice(delta.edits[0].start, delta.edits[0].deleteCount, ...(delta.edits[0].data ?? []));
    expect(decode(applied, legend)).toEqual(tokensOf(changed));
    // An unknown previous result gets the whole list.
    const again = await c.request('textDocument/semanticTokens/full/delta', { textDocument: { uri }, previousResultId: 'stale' });
    expect(decode(again.data, legend)).toEqual(tokensOf(changed));
  });

  it('sends a multi-line string whole to a client that takes multi-line tokens', async () => {
    const text = 'app = "a"\n[processes]\n  web = """\nbin/web"""\n';
    const { c, uri } = await opened(text, { textDocument: { semanticTokens: { multilineTokenSupport: true } } });
    const full = await c.request('textDocument/semanticTokens/full', { textDocument: { uri } });
    expect(decode(full.data, SEMANTIC_TOKENS_LEGEND as never).filter((t) => t[3] === 'string')).toEqual([
      [0, 6, 3, 'string', []],
      [2, 8, 14, 'string', []],
    ]);
  });
});
