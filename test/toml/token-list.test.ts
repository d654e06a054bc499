/** The packed token list: trivia read from the gaps, and a gap the parser skipped left uncovered. */
import { describe, expect, it } from 'vitest';
import { parseToml, printDocument, tokensAreContiguous, TokenList, type DocumentNode } from '../../server/src/toml/index.js';
import { TOKEN } from '../../server/src/toml/token-list.js';

function kinds(text: string, tomlVersion: '1.0' | '1.1' = '1.1'): string[] {
  return [...parseToml(text, { tomlVersion }).ast.tokens].map((t) => `${t.kind} ${JSON.stringify(text.slice(t.start, t.end))}`);
}

describe('TokenList', () => {
  it('gives every token of a line, trivia included, in order', () => {
    expect(kinds('\uFEFF a . "b" = [1, 2.5] # note\r\n[[t]]\n')).toEqual([
      'bom "\uFEFF"',
      'whitespace " "',
      'bareKey "a"',
      'whitespace " "',
      'dot "."',
      'whitespace " "',
      'basicString "\\"b\\""',
      'whitespace " "',
      'equals "="',
      'whitespace " "',
      'lbracket "["',
      'integer "1"',
      'comma ","',
      'whitespace " "',
      'float "2.5"',
      'rbracket "]"',
      'whitespace " "',
      'comment "# note"',
      'newline "\\r\\n"',
      'lbracket "["',
      'lbracket "["',
      'bareKey "t"',
      'rbracket "]"',
      'rbracket "]"',
      'newline "\\n"',
    ]);
  });

  it('keeps a lone carriage return as an invalid token, not a line break', () => {
    expect(kinds('a = 1\rb = 2\n')).toEqual(['bareKey "a"', 'whitespace " "', 'equals "="', 'whitespace " "', 'integer "1"', 'invalid "\\r"', 'bareKey "b"', 'whitespace " "', 'equals "="', 'whitespace " "', 'integer "2"', 'newline "\\n"']);
  });

  it('takes back the line break of an inline table read as TOML 1.0, once', () => {
    const text = 't = {a = 1,\n b = 2}\n';
    const { ast } = parseToml(text, { tomlVersion: '1.0' });
    expect(tokensAreContiguous(ast, text.length)).toBe(true);
    expect(printDocument(ast, text)).toBe(text);
    expect(kinds(text, '1.0').filter((k) => k.startsWith('newline'))).toEqual(['newline "\\n"', 'newline "\\n"']);
  });

  it('leaves a gap uncovered when it holds more than whitespace and line breaks', () => {
    const text = 'a x';
    const tokens = new TokenList(text, [TOKEN.bareKey, 0, 1]);
    expect([...tokens]).toEqual([
      { kind: 'bareKey', start: 0, end: 1 },
      { kind: 'whitespace', start: 1, end: 2 },
    ]);
    expect(tokensAreContiguous({ tokenList: tokens } as unknown as DocumentNode, text.length)).toBe(false);
    expect(tokensAreContiguous({ tokenList: new TokenList(text, [TOKEN.bareKey, 0, 1, TOKEN.bareKey, 2, 3]) } as unknown as DocumentNode, text.length)).toBe(true);
  });

  it('answers by index and by search', () => {
    const { ast } = parseToml('app = "x"\n');
    const tokens = ast.tokenList;
    expect(tokens.length).toBe(6);
    expect(tokens.at(4)).toEqual({ kind: 'basicString', start: 6, end: 9 });
    expect(tokens.at(6)).toBeUndefined();
    expect([tokens.kindAt(0), tokens.startAt(0), tokens.endAt(0)]).toEqual(['bareKey', 0, 3]);
    expect(tokens.find((t) => t.kind === 'equals')).toEqual({ kind: 'equals', start: 4, end: 5 });
    expect(tokens.some((t) => t.kind === 'comment')).toBe(false);
    expect(JSON.parse(JSON.stringify(tokens))).toHaveLength(6);
  });

  it('counts tokens of a kind, trivia included', () => {
    const { ast } = parseToml("a = 'x'\nb = \"y\"\nc = 'z'  # c\r\n");
    const tokens = ast.tokenList;
    expect([tokens.count('literalString'), tokens.count('basicString'), tokens.count('comment')]).toEqual([2, 1, 1]);
    expect([tokens.count('newline'), tokens.count('whitespace')]).toEqual([3, 7]);
    expect(tokens.count('whitespace')).toBe([...tokens].filter((t) => t.kind === 'whitespace').length);
  });

  it('gives the document its tokens as a plain array of objects too', () => {
    const text = 'app = "x" # name\n';
    const { ast } = parseToml(text);
    expect(Array.isArray(ast.tokens)).toBe(true);
    expect(ast.tokens).toBe(ast.tokens);
    expect(ast.tokens).toEqual([...ast.tokenList]);
    expect(ast.tokens.map((t) => text.slice(t.start, t.end)).join('')).toBe(text);
    expect(JSON.parse(JSON.stringify(ast)).tokens).toHaveLength(ast.tokens.length);
  });
});
