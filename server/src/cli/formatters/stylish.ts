/** Human output: grouped by file, aligned columns, a code frame under each error, a summary. */
import type { Colors } from '../colors.js';
import { inOtherFile, totals, type FileReport } from '../report.js';
import type { Location } from '../../lint/types.js';
import { LineIndex } from '../../lint/line-index.js';
import type { Finding, RelatedInformation } from '../../lint/types.js';
import { safeText } from './escape.js';
import type { SecretMask } from '../../lint/secret-mask.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * The finding's line with a caret underline, its secrets masked (the carets follow the masked
 * text); tabs become one space so the carets stay aligned.
 */
function codeFrame(index: LineIndex, secrets: SecretMask, line: number, column: number, endLine: number, endColumn: number, c: Colors): string {
  const start = index.lineStarts[line - 1] ?? 0;
  const end = index.lineEnd(line - 1);
  const masked = secrets.slice(start, end);
  const content = masked.text.replace(/\t/g, ' ');
  const from = masked.offsetOf(start + column - 1) + 1;
  const to = endLine === line ? masked.offsetOf(Math.min(start + endColumn - 1, end)) + 1 : content.length + 1;
  column = from;
  const width = Math.max(1, to - column);
  const gutter = String(line);
  return [
    `    ${c.dim(`${gutter} |`)} ${safeText(content)}`,
    `    ${' '.repeat(gutter.length)} ${c.dim('|')} ${' '.repeat(Math.max(0, column - 1))}${c.red('^'.repeat(width))}`,
  ].join('\n');
}

/**
 * `first defined at 3:1`, `staging config with the same app in fly.staging.toml:1:7`. Related
 * messages are written for editors, where "here" is a link; in a terminal the position replaces it.
 */
function relatedNote(rel: RelatedInformation, report: FileReport, index: LineIndex, display: (path: string) => string): string {
  const message = rel.message.replace(/ here$/, '');
  if (inOtherFile(rel, report.filePath)) {
    const at = rel.location ? `:${rel.location.line}:${rel.location.column}` : '';
    return `${message} in ${display(rel.filePath)}${at}`;
  }
  const loc = index.location(rel.range);
  return `${message} at ${loc.line}:${loc.column}`;
}

type Located = Finding & { location: Location };

/** A frame under errors only; a secret-in-env finding's own line would show nothing but its mask. */
function wantsCodeFrame(f: Located): boolean {
  return f.severity === 'error' && f.ruleId !== 'secret-in-env';
}

/**
 * `fixed`: which fixes this run already applied; what is left of them could not be applied (it
 * would break the TOML or kept overlapping), so the hint does not offer them again. `quiet`
 * (errors only): a run without errors prints nothing, as ESLint's does.
 */
export function formatStylish(reports: readonly FileReport[], c: Colors, display: (path: string) => string, fixed?: 'safe' | 'unsafe', quiet = false): string {
  const out: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    const index = new LineIndex(report.text);
    out.push(c.underline(safeText(report.displayPath)));
    const rows = report.findings.map((f) => ({ f, pos: `${f.location.line}:${f.location.column}` }));
    // A reduce, not Math.max(...): a file can have more findings than a call has room for arguments.
    const posWidth = rows.reduce((width, r) => Math.max(width, r.pos.length), 0);
    for (const { f, pos } of rows) {
      const sev = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
      out.push(`  ${c.dim(pos.padEnd(posWidth))}  ${sev}  ${safeText(f.message)}  ${c.dim(f.ruleId)}`);
      for (const rel of f.related ?? []) out.push(`  ${' '.repeat(posWidth)}  ${c.dim(`note: ${safeText(relatedNote(rel, report, index, display))}`)}`);
      if (wantsCodeFrame(f)) out.push(codeFrame(index, report.secrets, f.location.line, f.location.column, f.location.endLine, f.location.endColumn, c));
    }
    out.push('');
  }
  const t = totals(reports);
  if (t.fixed) out.push(c.bold(`✔ Fixed ${plural(t.fixed, 'problem')} in ${plural(t.fixedFiles, 'file')}`));
  const problems = t.errors + t.warnings + t.infos;
  // The count of files shows that clean configs were checked too (and that a run checked any).
  const checked = `${plural(reports.length, 'file')} checked`;
  if (problems === 0) {
    if (reports.length && !quiet) out.push(`${checked}, no problems`);
    return out.length ? out.join('\n') + '\n' : '';
  }
  const mark = t.errors > 0 ? c.red('✖') : t.warnings > 0 ? c.yellow('⚠') : c.blue('ℹ');
  out.push(c.bold(`${mark} ${plural(problems, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info')}) in ${checked}`));
  const hints: string[] = [];
  const safeOffered = fixed ? 0 : t.fixable;
  const unsafeOffered = fixed === 'unsafe' ? 0 : t.suggestable;
  if (safeOffered) hints.push(`${plural(safeOffered, 'problem')} fixable with --fix`);
  if (unsafeOffered) hints.push(safeOffered ? `${unsafeOffered} more with --unsafe-fixes` : `${plural(unsafeOffered, 'problem')} fixable with --unsafe-fixes`);
  const stuck = t.fixable - safeOffered + (t.suggestable - unsafeOffered);
  if (stuck) hints.push(`${stuck} ${stuck === 1 ? 'fix' : 'fixes'} could not be applied`);
  if (hints.length) out.push(`  ${hints.join(', ')}`);
  return out.join('\n') + '\n';
}
