import type { ApplyFixesOptions, ApplyFixesResult, DocumentNode, Finding, Fix, LintOptions, ParseResult } from '../../server/src/index.js';

export interface FlylintApi {
  parseToml(text: string): ParseResult;
  lintText(text: string, options?: LintOptions): Finding[];
  applyFixes(text: string, findings: readonly Finding[], options?: ApplyFixesOptions): ApplyFixesResult;
  fixesOf(findings: readonly Finding[], options?: ApplyFixesOptions): Fix[];
  printDocument(document: DocumentNode, text: string): string;
}

export interface Checks {
  invariants(text: string, findings?: Finding[]): Finding[];
  fixes(text: string, options?: { unsafe?: boolean }): { text: string; passes: number };
  eachFixAlone(text: string): void;
  lint(text: string): Finding[];
}

export function createChecks(api: FlylintApi): Checks;
export function perKbTimes(lintText: FlylintApi['lintText'], text: string, times: number, runs?: number): { one: number; many: number };
