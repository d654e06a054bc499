/** Applying fixes until none applies: overlapping fixes wait for the next pass, never interleave. */
import { applyFixes } from './apply-fixes.js';
import type { Finding } from './types.js';

export const MAX_FIX_PASSES = 10;

export interface FixLoopResult {
  text: string;
  /** Fixes applied over all passes. */
  applied: number;
  passes: number;
  /** The findings of the final text. */
  findings: Finding[];
}

export function fixUntilStable(text: string, lint: (text: string) => Finding[], options: { unsafe?: boolean } = {}): FixLoopResult {
  let current = text;
  let findings = lint(current);
  let applied = 0;
  let passes = 0;
  const syntaxErrors = (fs: Finding[]) => fs.filter((f) => f.ruleId === 'toml-syntax' || f.ruleId === 'toml-duplicate-key').length;
  while (passes < MAX_FIX_PASSES) {
    const result = applyFixes(current, findings, options);
    if (result.applied === 0 || result.text === current) break;
    const next = lint(result.text);
    // A pass that breaks the TOML is not taken (a fix must never make a config unreadable).
    if (syntaxErrors(next) > syntaxErrors(findings)) break;
    current = result.text;
    findings = next;
    applied += result.applied;
    passes++;
  }
  return { text: current, applied, passes, findings };
}
