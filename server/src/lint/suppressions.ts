/**
 * Inline suppressions: `# flylint-disable-next-line ID[, ID] -- reason`, `# flylint-disable-line
 * ID` at the end of a line, and `# flylint-disable ID` for the whole file (no ids: every rule).
 * A suppression that suppresses nothing is itself reported, as Ruff reports unused `noqa`.
 */
import type { CommentNode, DocumentNode } from '../toml/ast.js';
import type { Finding, Fix } from './types.js';
import { LineIndex } from './line-index.js';
import { didYouMean } from './did-you-mean.js';

const DIRECTIVE = /^\s*flylint-(disable-next-line|disable-line|disable)(?:\s+([^-\s][^]*?))?\s*(?:--.*)?$/;

interface Suppression {
  comment: CommentNode;
  kind: 'next-line' | 'line' | 'file';
  /** Empty: every rule. */
  ids: string[];
  line: number;
  used: Set<string>;
}

function parse(doc: DocumentNode, index: LineIndex): Suppression[] {
  const out: Suppression[] = [];
  for (const comment of doc.comments) {
    const match = DIRECTIVE.exec(comment.text);
    if (!match) continue;
    const kind = match[1] === 'disable-next-line' ? 'next-line' : match[1] === 'disable-line' ? 'line' : 'file';
    const ids = (match[2] ?? '').split(/[\s,]+/).filter(Boolean);
    out.push({ comment, kind, ids, line: index.positionAt(comment.start).line, used: new Set() });
  }
  return out;
}

/** Removes the comment: its whole line when it stands alone, else the comment and the spaces before it. */
function removeComment(text: string, comment: CommentNode): Fix {
  let start = comment.start;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  const alone = start === 0 || text[start - 1] === '\n' || text[start - 1] === '\r';
  let end = comment.end;
  if (alone) {
    if (text[end] === '\r' && text[end + 1] === '\n') end += 2;
    else if (text[end] === '\n') end += 1;
  }
  return { range: [start, end], text: '' };
}

/**
 * `ran`: the rules that ran on this file. A suppression of a rule that did not (turned off, or a
 * production rule on a staging config) may well be needed where it does run: it is not reported,
 * and never removed by a fix.
 */
export function applySuppressions(findings: Finding[], doc: DocumentNode, text: string, knownRules: readonly string[] = [], ran?: ReadonlySet<string>): Finding[] {
  if (!doc.comments.some((c) => c.text.includes('flylint-disable'))) return findings;
  const index = new LineIndex(text);
  const suppressions = parse(doc, index);
  const kept: Finding[] = [];
  for (const finding of findings) {
    const line = index.positionAt(finding.range[0]).line;
    const match = suppressions.find((s) => {
      const applies = s.kind === 'file' || (s.kind === 'line' && s.line === line) || (s.kind === 'next-line' && s.line + 1 === line);
      return applies && (s.ids.length === 0 || s.ids.includes(finding.ruleId));
    });
    if (match && finding.ruleId !== 'unused-suppression') match.used.add(finding.ruleId);
    else kept.push(finding);
  }
  const filePath = findings[0]?.filePath;
  for (const s of suppressions) {
    const range: [number, number] = [s.comment.start, s.comment.end];
    const base = { ruleId: 'unused-suppression', severity: 'warning' as const, range, tags: ['unnecessary' as const], ...(filePath ? { filePath } : {}) };
    for (const id of s.ids) {
      if (knownRules.length && !knownRules.includes(id)) {
        const close = didYouMean(id, knownRules);
        kept.push({ ...base, message: `Unknown rule "${id}" in this suppression${close ? `. Did you mean "${close}"?` : ''}` });
      }
    }
    const unusedIds = s.ids.filter((id) => !s.used.has(id) && (!knownRules.length || knownRules.includes(id)) && (!ran || ran.has(id)));
    const everyRuleRan = !ran || knownRules.every((id) => ran.has(id));
    if (s.ids.length === 0 ? s.used.size === 0 && everyRuleRan : unusedIds.length === s.ids.length) {
      kept.push({ ...base, message: `This suppression (${s.ids.length ? s.ids.join(', ') : 'all rules'}) suppresses nothing; remove it`, fix: removeComment(text, s.comment) });
    } else if (unusedIds.length) {
      kept.push({ ...base, message: `${unusedIds.map((id) => `"${id}"`).join(', ')} in this suppression suppress${unusedIds.length === 1 ? 'es' : ''} nothing` });
    }
  }
  return kept;
}
