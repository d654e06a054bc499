/** Human output: grouped by file, aligned columns, a code frame under each error, a summary. */
import type { Colors } from '../colors.js';
import { totals, type FileReport } from '../report.js';
import { LineIndex } from '../../lint/line-index.js';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function codeFrame(text: string, line: number, column: number, endLine: number, endColumn: number, c: Colors): string {
  const index = new LineIndex(text);
  const start = index.lineStarts[line - 1] ?? 0;
  const content = text.slice(start, index.lineEnd(line - 1)).replace(/\t/g, ' ');
  const width = Math.max(1, (endLine === line ? endColumn : content.length + 1) - column);
  const gutter = String(line);
  return [
    `    ${c.dim(`${gutter} |`)} ${content}`,
    `    ${' '.repeat(gutter.length)} ${c.dim('|')} ${' '.repeat(column - 1)}${c.red('^'.repeat(width))}`,
  ].join('\n');
}

export function formatStylish(reports: readonly FileReport[], c: Colors, display: (path: string) => string): string {
  const out: string[] = [];
  for (const report of reports) {
    if (report.findings.length === 0) continue;
    out.push(c.underline(report.displayPath));
    const rows = report.findings.map((f) => ({ f, pos: `${f.location.line}:${f.location.column}` }));
    const posWidth = Math.max(...rows.map((r) => r.pos.length));
    for (const { f, pos } of rows) {
      const sev = f.severity === 'error' ? c.red('error  ') : f.severity === 'warning' ? c.yellow('warning') : c.blue('info   ');
      out.push(`  ${c.dim(pos.padEnd(posWidth))}  ${sev}  ${f.message}  ${c.dim(f.ruleId)}`);
      for (const rel of f.related ?? []) {
        const where = rel.filePath && rel.filePath !== report.filePath ? `${display(rel.filePath)}:${rel.location ? `${rel.location.line}:${rel.location.column}` : ''}` : (() => {
          const loc = new LineIndex(report.text).location(rel.range);
          return `${loc.line}:${loc.column}`;
        })();
        out.push(`  ${' '.repeat(posWidth)}  ${c.dim(`note: ${rel.message} (${where})`)}`);
      }
      // No code frame for a secret: it would print the value.
      if (f.severity === 'error' && f.ruleId !== 'secret-in-env') out.push(codeFrame(report.text, f.location.line, f.location.column, f.location.endLine, f.location.endColumn, c));
    }
    out.push('');
  }
  const t = totals(reports);
  const problems = t.errors + t.warnings + t.infos;
  if (problems === 0) return '';
  const mark = t.errors > 0 ? c.red('✖') : t.warnings > 0 ? c.yellow('⚠') : c.blue('ℹ');
  out.push(c.bold(`${mark} ${plural(problems, 'problem')} (${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')}, ${plural(t.infos, 'info')})`));
  const hints: string[] = [];
  if (t.fixable) hints.push(`${plural(t.fixable, 'problem')} fixable with --fix`);
  if (t.suggestable) hints.push(`${t.suggestable} more with --unsafe-fixes`);
  if (hints.length) out.push(`  ${hints.join(', ')}`);
  return out.join('\n') + '\n';
}
