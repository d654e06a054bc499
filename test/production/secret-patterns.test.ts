/** Extra secret-name patterns from a config file: run on a linear-time engine, refused when too large. */
import { describe, expect, it } from 'vitest';
import { flylint, project } from '../cli/run-cli.js';
import { fileUri, startClient } from '../lsp/lsp-client.js';
import { parseConfigFile } from '../../server/src/config/config-file.js';
import { lintText } from '../../server/src/index.js';
import { expandedSize, matchesSecretPattern, secretPatternProblem } from '../../server/src/lint/secret-patterns.js';
import { detectSecret } from '../../server/src/lint/secrets.js';

/** `^(a|a)(a|a)…(a|a)$`: alternation only, which a backtracking engine takes 2³⁴ steps to refuse on 34 `A`s and a `B`. */
const ALTERNATIONS = `^${'(a|a)'.repeat(34)}$`;

describe('secret patterns', () => {
  it.each(['^LICENSE_KEY$', '_KEY$', '^(STRIPE|PAYPAL)_', '^[A-Z_]*SECRET[A-Z_]*$', '(?:^|_)PIN(?:_|$)', '^DB_.*_PASS$', '^(?<vendor>ACME)_TOKEN$', 'PASS(WORD)?', '^X{2,3}_KEY$', '^(A+)+$', '(a|aa)+$', '^.*_.+_.*$', ALTERNATIONS, '\\pL+_KEY'])('%s is accepted', (source) => {
    expect(secretPatternProblem(source)).toBeUndefined();
  });

  it.each([
    ['(a)\\1', 'invalid escape sequence'],
    ['(?<n>a)\\k<n>', 'invalid escape sequence'],
    ['(?=.*KEY)^[A-Z_]+$', 'no back-references or lookarounds'],
    ['a(', 'missing closing )'],
    ['(?:(a|b|c|d){100}){10}', 'too large'],
    ['[A-Z]{1001}', 'too large'],
    ['A'.repeat(201), '201 characters long'],
  ])('%s is refused: %s', (source, problem) => {
    expect(secretPatternProblem(source)).toContain(problem);
  });

  it('counts what counted repetitions write out', () => {
    expect(expandedSize('abc')).toBe(3);
    expect(expandedSize('(ab){3}')).toBeGreaterThanOrEqual(6);
    expect(expandedSize('(?:(a|b){100}){10}')).toBeGreaterThan(1000);
    expect(expandedSize('[a-z{}]{2}\\p{Greek}\\Q{9999}\\E')).toBeLessThan(20);
  });

  it('a refused pattern in .flylint.toml is a config error at its position', () => {
    const { config, errors } = parseConfigFile('[secrets]\npatterns = ["^LICENSE$", "(a)\\\\1"]\n', '/p/.flylint.toml', ['secret-in-env']);
    expect(config).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 2, column: 26 });
    expect(errors[0]!.message).toMatch(/^secrets\.patterns: "\(a\)\\1" is not a valid regular expression: invalid escape sequence/);
  });

  it('accepted patterns mark names as secret, case-insensitively', () => {
    expect(detectSecret('license_key', 'a8f3k2m9x7q1', ['^LICENSE_KEY$'])).toEqual({ reason: 'its name "license_key" says it holds a secret', severity: 'error' });
    expect(detectSecret('LICENSE_KEY_HINT', 'a8f3k2m9x7q1', ['^LICENSE_KEY$'])).toBeUndefined();
    const findings = lintText('app = "shop-staging"\n[env]\nLICENSE_KEY = "a8f3k2m9x7q1"\n', { filePath: '/p/fly.toml', secretPatterns: ['^LICENSE_KEY$'] });
    expect(findings.filter((f) => f.ruleId === 'secret-in-env')).toHaveLength(1);
  });

  it('a pattern of alternations cannot stall a lint: 34 groups against 34 As and a B', () => {
    const text = `app = "shop-staging"\n[env]\n${'A'.repeat(34)}B = "x"\n${'A'.repeat(34)} = "y"\n`;
    const start = performance.now();
    const findings = lintText(text, { filePath: '/p/fly.toml', secretPatterns: [ALTERNATIONS] });
    // A backtracking engine takes minutes; RE2 a few milliseconds, plus its one-time load.
    expect(performance.now() - start).toBeLessThan(5000);
    expect(findings.filter((f) => f.ruleId === 'secret-in-env').map((f) => f.range[0])).toEqual([text.indexOf(`${'A'.repeat(34)} =`)]);
  });

  it('the worst accepted shapes on the longest tested name stay fast', () => {
    const worst = ['[A-Z_]*[A-Z_]*C$', '^(A+)+$', '(?:.*){20}Z', ALTERNATIONS];
    const start = performance.now();
    for (let i = 0; i < 20; i++) expect(matchesSecretPattern(`${'A'.repeat(255)}B`, worst)).toBe(false);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(matchesSecretPattern(`${'A'.repeat(255)}C`, worst)).toBe(true);
    expect(matchesSecretPattern(`${'A'.repeat(256)}C`, worst)).toBe(false);
  });

  it('the library refuses such a pattern passed directly: the rule reports it instead of running it', () => {
    const findings = lintText(`app = "shop-staging"\n[env]\nAB = "a8f3k2m9x7q1"\n`, { filePath: '/p/fly.toml', secretPatterns: ['(a)\\1'] });
    expect(findings.find((f) => f.ruleId === 'internal-error')?.message).toContain('secret pattern "(a)\\1" is not a valid regular expression: invalid escape sequence');
  });

  describe('the alternation pattern from a .flylint.toml, end to end', () => {
    const files = {
      '.flylint.toml': `[secrets]\npatterns = ["${ALTERNATIONS}"]\n`,
      'fly.toml': `app = "shop-staging"\n[env]\n${'A'.repeat(34)}B = "q7Hn2"\n${'A'.repeat(34)} = "q7Hn2"\n`,
    };

    it('the CLI finishes at once and applies the pattern', () => {
      const dir = project(files);
      const start = performance.now();
      const r = flylint(['--format', 'json', 'fly.toml'], { cwd: dir });
      expect(performance.now() - start).toBeLessThan(10_000);
      const messages = (JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string; line: number }> }>)[0]!.messages;
      expect(messages.filter((m) => m.ruleId === 'secret-in-env').map((m) => m.line)).toEqual([4]);
    });

    it('the language server publishes and answers a hover at once', async () => {
      const dir = project(files);
      const c = await startClient(dir);
      try {
        const uri = fileUri(`${dir}/fly.toml`);
        const start = performance.now();
        c.open(uri, files['fly.toml']);
        const published = await c.diagnostics(uri, undefined, 10_000);
        expect(published.diagnostics.filter((d) => d.code === 'secret-in-env').map((d) => d.range.start.line)).toEqual([3]);
        await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 3 } });
        expect(performance.now() - start).toBeLessThan(10_000);
      } finally {
        expect(await c.close()).toBe(0);
      }
    });
  });
});
