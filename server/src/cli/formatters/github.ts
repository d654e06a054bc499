/** GitHub Actions workflow commands: one annotation per finding. */
import type { FileReport } from '../report.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      const l = f.location;
      lines.push(`::${COMMAND[f.severity]} file=${escapeProperty(r.displayPath)},line=${l.line},col=${l.column},endLine=${l.endLine},endColumn=${l.endColumn},title=${escapeProperty(f.ruleId)}::${escapeData(f.message)}`);
    }
  }
  return lines.length ? lines.join('\n') + '\n' : '';
}
