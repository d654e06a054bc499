/** The formatter's style, rule by rule, on small documents. */
import { describe, expect, it } from 'vitest';
import { applyTextEdits, editsWithin, formatEdits, formatText, type FormatOptions } from '../../server/src/format/index.js';

const fmt = (text: string, options: Partial<FormatOptions> = {}) => formatText(text, { indent: 2, quotes: 'preserve', ...options });

describe('formatting style', () => {
  it('indents as flyctl writes fly.toml: keys one level under their header, sub-tables one level per segment', () => {
    const input = 'app = "a"\n\n[http_service]\ninternal_port = 8080\n[http_service.concurrency]\ntype = "requests"\n\n[[http_service.checks]]\n      path = "/"\n\n[[vm]]\nmemory = "1gb"\n';
    expect(fmt(input)).toBe('app = "a"\n\n[http_service]\n  internal_port = 8080\n  [http_service.concurrency]\n    type = "requests"\n\n  [[http_service.checks]]\n    path = "/"\n\n[[vm]]\n  memory = "1gb"\n');
  });

  it('indents with tabs, or not at all, when asked', () => {
    const input = '[services.concurrency]\n  type = "x"\n';
    expect(fmt(input, { indent: 'tab' })).toBe('\t[services.concurrency]\n\t\ttype = "x"\n');
    expect(fmt(input, { indent: 0 })).toBe('[services.concurrency]\ntype = "x"\n');
    expect(fmt(input, { indent: 4 })).toBe('    [services.concurrency]\n        type = "x"\n');
  });

  it('spaces `=`, commas, brackets and braces, dotted keys and headers', () => {
    expect(fmt('a.b   =  1\n[ env ]\nX="1"\n[ "s" . t ]\nports=[ 80 ,443 ]\nenv={A="1",B="2"}\nempty = { }\nnone = [ ]\n')).toBe(
      'a.b = 1\n[env]\n  X = "1"\n  ["s".t]\n    ports = [80, 443]\n    env = { A = "1", B = "2" }\n    empty = {}\n    none = []\n',
    );
  });

  it('drops a trailing comma on the line of its `]`, keeps one that ends a line', () => {
    expect(fmt('a = [1, 2, ]\nb = [\n  1,\n  2,\n]\n')).toBe('a = [1, 2]\nb = [\n  1,\n  2,\n]\n');
    // A comma that starts the line of the `]` stays, so a second pass has nothing to change.
    expect(fmt('a = [\n1\n,]\n')).toBe('a = [\n  1\n  ,]\n');
    expect(fmt(fmt('a = [\n1\n,]\n'))).toBe('a = [\n  1\n  ,]\n');
  });

  it('indents multi-line arrays one level per open bracket, the closing bracket at its opener', () => {
    expect(fmt('[[vm]]\nkernel_args = [\n"a",\n      # why\n   "b",\n        ]\n')).toBe('[[vm]]\n  kernel_args = [\n    "a",\n    # why\n    "b",\n  ]\n');
    expect(fmt('x = [\n[\n1,\n],\n]\n')).toBe('x = [\n  [\n    1,\n  ],\n]\n');
  });

  it('keeps comments as written, and the spacing before a comment after a value', () => {
    const input = 'app = "a"   # aligned\nkill_signal = "SIGINT" # one\nport = 1#tight\n';
    expect(fmt(input)).toBe('app = "a"   # aligned\nkill_signal = "SIGINT" # one\nport = 1 #tight\n');
  });

  it('gives a comment line the level of the header it sits on, otherwise of its table keys', () => {
    const input = '[env]\n  A = "1"\n# B = "2"\n\n# about the checks\n    # more\n[http_service.checks]\npath = "/"\n';
    expect(fmt(input)).toBe('[env]\n  A = "1"\n  # B = "2"\n\n  # about the checks\n  # more\n  [http_service.checks]\n    path = "/"\n');
  });

  it('keeps blank-line groups: runs become one blank line, leading and trailing ones go', () => {
    expect(fmt('\n\n# head\n\n\n\napp = "a"\n\n\n[env]\n  A = "1"\n\n\n')).toBe('# head\n\napp = "a"\n\n[env]\n  A = "1"\n');
  });

  it('removes trailing whitespace, outside multi-line strings only', () => {
    const input = 'a = 1   \nb = """\nkept   \n   as is"""  \n';
    expect(fmt(input)).toBe('a = 1\nb = """\nkept   \n   as is"""\n');
  });

  it('ends the file with one line break, in its own line ending; keeps CRLF and a BOM', () => {
    expect(fmt('app = "a"')).toBe('app = "a"\n');
    expect(fmt('\uFEFFapp="a"\r\n[env]\r\nA="1"\r\n\r\n\r\n')).toBe('\uFEFFapp = "a"\r\n[env]\r\n  A = "1"\r\n');
    expect(fmt('app = "a"\r\n[env]\r\nA = "1"')).toBe('app = "a"\r\n[env]\r\n  A = "1"\r\n');
    expect(fmt('')).toBe('');
    expect(fmt('\uFEFF\n  \n')).toBe('\uFEFF');
  });

  it('changes quotes only when the text between them stays the same', () => {
    const input = 'a = "plain"\nb = "it\'s"\nc = "tab\\there"\nd = \'C:\\path\'\ne = \'say "hi"\'\nf = """\nml"""\n"k" = "v"\ng = ["x", \'y\', { h = "z" }]\n';
    expect(fmt(input, { quotes: 'single' })).toBe('a = \'plain\'\nb = "it\'s"\nc = "tab\\there"\nd = \'C:\\path\'\ne = \'say "hi"\'\nf = """\nml"""\n"k" = \'v\'\ng = [\'x\', \'y\', { h = \'z\' }]\n');
    expect(fmt(input, { quotes: 'double' })).toBe('a = "plain"\nb = "it\'s"\nc = "tab\\there"\nd = \'C:\\path\'\ne = \'say "hi"\'\nf = """\nml"""\n"k" = "v"\ng = ["x", "y", { h = "z" }]\n');
  });

  it('takes the defaults for options not given', () => {
    expect(formatText('[env]\nA="1"\n', { quotes: 'single' })).toBe("[env]\n  A = '1'\n");
    expect(formatText('[env]\nA="1"\n', { indent: 3 })).toBe('[env]\n   A = "1"\n');
  });

  it('leaves a formatted config alone: no edits at all', () => {
    const formatted = "# fly.toml app configuration file\n\napp = 'a'\nprimary_region = 'ams'\n\n[http_service]\n  internal_port = 8080\n  processes = ['app']\n\n  [[http_service.checks]]\n    path = '/'\n";
    expect(formatEdits(formatted)).toEqual({ ok: true, edits: [] });
  });

  it('returns small edits, not the whole text', () => {
    const result = formatEdits('app = "a"\n[env]\nA="1"\nB = "2"\n');
    expect(result.ok && result.edits).toEqual([
      { range: [16, 16], text: '  ' },
      { range: [17, 17], text: ' ' },
      { range: [18, 18], text: ' ' },
      { range: [22, 22], text: '  ' },
    ]);
  });

  it('refuses a document with syntax errors, saying where', () => {
    const result = formatEdits('app = "a"\n[env]\nA = \n');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message).toMatch(/^not formatted: /);
      expect(result.range[0]).toBeGreaterThanOrEqual(16);
    }
    expect(formatEdits('a = 1\na = 2\n').ok).toBe(false);
  });

  it('gives the same edits unverified (as the editor asks), and refuses the same documents', () => {
    const text = 'app="a"\n[env]\nA="1"\n';
    expect(formatEdits(text, {}, undefined, false)).toEqual(formatEdits(text));
    expect(formatEdits('a = \n', {}, undefined, false).ok).toBe(false);
  });

  it('formats TOML 1.1 syntax flyctl reads (newlines in inline tables)', () => {
    expect(fmt('env = {\nA = "1",\n}\n')).toBe('env = {\n  A = "1",\n}\n');
  });

  it('selects the edits of whole lines for range formatting', () => {
    const text = '[env]\nA="1"\nB="2"\n';
    const result = formatEdits(text);
    if (!result.ok) throw new Error(result.message);
    const secondLine = editsWithin(text, result.edits, 6, 12);
    expect(applyTextEdits(text, secondLine)).toBe('[env]\n  A = "1"\nB="2"\n');
  });
});
