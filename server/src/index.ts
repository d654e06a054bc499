/**
 * flylint's programmatic API. The CLI and the language server are built on exactly this.
 */
export { parseToml } from './toml/parse.js';
export { toPlainValue, toTaggedJson, printDocument } from './toml/index.js';
export type { ParseOptions, ParseResult, TomlError } from './toml/parse.js';
export type * from './toml/ast.js';
export type * from './toml/values.js';
export { lintText, lintAnalyzed, analyze, allRules, findRule } from './lint/engine.js';
export type { LintOptions, SourceFile, AnalyzedFile, RuleLevel } from './lint/engine.js';
export { applyFixes, applyEdits, fixesOf } from './lint/apply-fixes.js';
export type { ApplyFixesOptions, ApplyFixesResult } from './lint/apply-fixes.js';
export { LineIndex } from './lint/line-index.js';
export { formatEdits, formatText, applyTextEdits, DEFAULT_FORMAT_OPTIONS } from './format/index.js';
export type { FormatOptions, FormatResult, QuoteStyle } from './format/index.js';
export type { Position } from './lint/line-index.js';
export { resolveEnvironment } from './fly/environment.js';
export type { ProjectView, FileKind } from './project/project-view.js';
export { memoryProjectView } from './project/memory-view.js';
export { namedFiles } from './project/named-files.js';
export type { NamedFile, NamedRole } from './project/named-files.js';
export { defaultDockerfileCandidates, builtDockerfile, imageFacts } from './project/built-image.js';
export { ruleDocsUrl } from './rule-docs.js';
export type * from './lint/types.js';
export type { Rule, RuleMeta, RuleContext, RuleReport, LintSettings, ProjectMember } from './lint/rule.js';
export { renderRuleDocs, renderRuleList } from './lint/rule-docs-page.js';
import { rulePages as pagesOf } from './lint/rule-docs-page.js';
import { allRules as rulesOf } from './lint/engine.js';
/** The docs pages of every rule (docs/rules/*.md). */
export function rulePages(): Record<string, string> {
  return pagesOf(rulesOf().map((r) => r.meta));
}
