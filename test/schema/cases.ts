/**
 * Table-driven rule tests: each case is a config and the findings the rule must report, each
 * named by the text its range covers, its message, and what its fix or suggestion makes of the
 * config. A config with no expected findings is a case the rule must leave alone.
 */
import { describe, expect, it } from 'vitest';
import type { Rule } from '../../server/src/lint/rule.js';
import { runRule, syntaxErrors } from './run-rule.js';

export interface Expected {
  /** The text the finding's range covers. */
  at: string;
  /** The whole message, or a pattern it must match. */
  message: string | RegExp;
  severity?: 'error' | 'warning' | 'info';
  /** The config after the safe fix; `null`: the finding has no fix. */
  fixed?: string | null;
  /** The config after the first suggestion; `null`: the finding has no suggestion. */
  suggested?: string | null;
}

export interface Case {
  name: string;
  text: string;
  expect: Expected[];
}

export const lines = (...l: string[]): string => `${l.join('\n')}\n`;

export function ruleCases(rule: Rule, cases: readonly Case[]): void {
  describe(rule.meta.id, () => {
    it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
      const seen = runRule(rule, c.text);
      expect(seen.map((s) => s.at)).toEqual(c.expect.map((e) => e.at));
      c.expect.forEach((e, i) => {
        const s = seen[i]!;
        if (typeof e.message === 'string') expect(s.message).toBe(e.message);
        else expect(s.message).toMatch(e.message);
        expect(s.severity).toBe(e.severity ?? rule.meta.severity);
        if (e.fixed !== undefined) expect(s.fixed ?? null).toBe(e.fixed);
        if (e.suggested !== undefined) expect(s.suggested[0] ?? null).toBe(e.suggested);
        for (const result of [s.fixed, ...s.suggested]) {
          if (result === undefined) continue;
          // An edit never breaks the TOML, and the finding it answers is gone afterwards.
          expect(syntaxErrors(result)).toEqual([]);
          expect(runRule(rule, result).length).toBeLessThan(seen.length);
        }
      });
    });
  });
}
