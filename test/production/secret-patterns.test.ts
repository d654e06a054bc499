/** Extra secret-name patterns from a config file: refused when they could run for minutes, bounded when used. */
import { describe, expect, it } from 'vitest';
import { parseConfigFile } from '../../server/src/config/config-file.js';
import { lintText } from '../../server/src/index.js';
import { matchesSecretPattern, secretPatternProblem } from '../../server/src/lint/secret-patterns.js';
import { detectSecret } from '../../server/src/lint/secrets.js';

describe('secret patterns', () => {
  it.each(['^LICENSE_KEY$', '_KEY$', '^(STRIPE|PAYPAL)_', '^[A-Z_]*SECRET[A-Z_]*$', '(?:^|_)PIN(?:_|$)', '^DB_.*_PASS$', '^(?<vendor>ACME)_TOKEN$', '(?=.*KEY)^[A-Z_]+$', 'PASS(WORD)?', '^X{2,3}_KEY$', 'a{'])('%s is accepted', (source) => {
    expect(secretPatternProblem(source)).toBeUndefined();
  });

  it.each([
    ['^(A+)+$', 'repeats a group'],
    ['(a|aa)+$', 'repeats a group'],
    ['(a*)*', 'repeats a group'],
    ['((ab)+c)+', 'repeats a group'],
    ['(?:\\w+\\s?)+$', 'repeats a group'],
    ['(?<n>a+){2}', 'repeats a group'],
    ['(?:a|b){2,}', 'repeats a group'],
    ['[](a+)+]', 'repeats a group'],
    ['(a)\\1', 'refers back'],
    ['(?<n>a)\\k<n>', 'refers back'],
    ['a*a*a*b', 'repeats 3 items'],
    ['^.*_.+_.*$', 'repeats 3 items'],
  ])('%s is refused: %s', (source, problem) => {
    expect(secretPatternProblem(source)).toContain(problem);
  });

  it('a refused pattern in .flylint.toml is a config error at its position', () => {
    const { config, errors } = parseConfigFile('[secrets]\npatterns = ["^LICENSE$", "^(A+)+$"]\n', '/p/.flylint.toml', ['secret-in-env']);
    expect(config).toBeUndefined();
    expect(errors).toEqual([
      {
        line: 2,
        column: 26,
        message: 'secrets.patterns: "^(A+)+$" cannot be used: it repeats a group that itself repeats or has alternatives, which can take exponential time. Repeat single characters or classes, as in "^[A-Z_]*LICENSE_KEY$"',
      },
    ]);
  });

  it('accepted patterns mark names as secret, case-insensitively', () => {
    expect(detectSecret('license_key', 'a8f3k2m9x7q1', ['^LICENSE_KEY$'])).toEqual({ reason: 'its name "license_key" says it holds a secret' });
    expect(detectSecret('LICENSE_KEY_HINT', 'a8f3k2m9x7q1', ['^LICENSE_KEY$'])).toBeUndefined();
    const findings = lintText('app = "shop-staging"\n[env]\nLICENSE_KEY = "a8f3k2m9x7q1"\n', { filePath: '/p/fly.toml', secretPatterns: ['^LICENSE_KEY$'] });
    expect(findings.filter((f) => f.ruleId === 'secret-in-env')).toHaveLength(1);
  });

  it('the worst accepted pattern on the longest tested name stays fast; longer names skip the extra patterns', () => {
    // Unanchored, two repetitions: each start position tries every split, the cube of the length.
    const worst = ['[A-Z_]*[A-Z_]*C$'];
    expect(secretPatternProblem(worst[0]!)).toBeUndefined();
    const start = performance.now();
    for (let i = 0; i < 100; i++) expect(matchesSecretPattern(`${'A'.repeat(127)}B`, worst)).toBe(false);
    // About 1 ms a name on the CI machine.
    expect(performance.now() - start).toBeLessThan(2000);
    expect(matchesSecretPattern(`${'A'.repeat(127)}C`, worst)).toBe(true);
    expect(matchesSecretPattern(`${'A'.repeat(128)}C`, worst)).toBe(false);
  });

  it('the library refuses such a pattern passed directly: the rule reports it instead of running it', () => {
    const findings = lintText(`app = "shop-staging"\n[env]\n${'A'.repeat(40)}B = "a8f3k2m9x7q1"\n`, { filePath: '/p/fly.toml', secretPatterns: ['^(A+)+$'] });
    expect(findings.find((f) => f.ruleId === 'internal-error')?.message).toContain('secret pattern "^(A+)+$" cannot be used: it repeats a group');
  });
});
