/** SARIF 2.1.0, as GitHub code scanning reads it: rules with help links, regions in UTF-16 columns, fixes. */
import type { FileReport } from '../report.js';
import type { RuleMeta } from '../../lint/rule.js';
import { ruleDocsUrl } from '../../rule-docs.js';
import { LineIndex } from '../../lint/line-index.js';
import type { Fix } from '../../lint/types.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

function uri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

export function formatSarif(reports: readonly FileReport[], rules: readonly RuleMeta[], version: string): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const region = (index: LineIndex, range: [number, number]) => {
    const l = index.location(range);
    return { startLine: l.line, startColumn: l.column, endLine: l.endLine, endColumn: l.endColumn, charOffset: range[0], charLength: range[1] - range[0] };
  };
  const results = reports.flatMap((r) => {
    const index = new LineIndex(r.text);
    const artifactLocation = { uri: uri(r.displayPath), uriBaseId: '%SRCROOT%' };
    const change = (fix: Fix, description: string) => ({
      description: { text: description },
      artifactChanges: [{ artifactLocation, replacements: [{ deletedRegion: { charOffset: fix.range[0], charLength: fix.range[1] - fix.range[0] }, insertedContent: { text: fix.text } }] }],
    });
    return r.findings.map((f) => {
      const fixes = [...(f.fix ? [change(f.fix, 'Apply the safe fix')] : []), ...(f.suggestions ?? []).map((s) => change(s.fix, s.desc))];
      const related = (f.related ?? []).filter((rel) => !rel.filePath || rel.filePath === r.filePath).map((rel, id) => ({ id, message: { text: rel.message }, physicalLocation: { artifactLocation, region: region(index, rel.range) } }));
      return {
        ruleId: f.ruleId,
        ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId)! } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(index, f.range) } }],
        ...(related.length ? { relatedLocations: related } : {}),
        ...(fixes.length ? { fixes } : {}),
      };
    });
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'flylint',
            version,
            informationUri: 'https://github.com/flylint/flylint',
            rules: rules.map((m) => ({
              id: m.id,
              name: m.id.replace(/(^|-)(\w)/g, (_x, _d, ch: string) => ch.toUpperCase()),
              shortDescription: { text: m.summary },
              fullDescription: { text: m.why },
              helpUri: ruleDocsUrl(m.id),
              defaultConfiguration: { level: LEVEL[m.severity] },
              properties: { category: m.category, environment: m.env, fix: m.fix },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: 'file://' + process.cwd().split('/').map(encodeURIComponent).join('/') + '/' } },
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
