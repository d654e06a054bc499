/**
 * SARIF 2.1.0, as GitHub code scanning reads it: every rule with its help link and default level,
 * results with regions in UTF-16 columns (declared on the run), related locations (also in the
 * project's other files), and fixes as replacements.
 */
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inOtherFile, type FileReport } from '../report.js';
import type { RuleMeta } from '../../lint/rule.js';
import { ruleDocsUrl } from '../../rule-docs.js';
import { LineIndex } from '../../lint/line-index.js';
import type { Fix, Location, OffsetRange, RelatedInformation } from '../../lint/types.js';
import { safeJson } from './escape.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export interface SarifTool {
  rules: readonly RuleMeta[];
  version: string;
  informationUri: string;
}

/** A relative URI reference: each path segment percent-encoded, `/` between them. */
function uriOf(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

function region(location: Location, range?: OffsetRange) {
  return {
    startLine: location.line,
    startColumn: location.column,
    endLine: location.endLine,
    endColumn: location.endColumn,
    ...(range ? { charOffset: range[0], charLength: range[1] - range[0] } : {}),
  };
}

function pascalCase(id: string): string {
  return id.replace(/(^|-)(\w)/g, (_match, _dash, ch: string) => ch.toUpperCase());
}

export function formatSarif(reports: readonly FileReport[], tool: SarifTool, cwd: string): string {
  const ruleIndex = new Map(tool.rules.map((r, i) => [r.id, i]));
  const artifact = (filePath: string) => ({ uri: uriOf(relative(cwd, filePath).split(sep).join('/')), uriBaseId: '%SRCROOT%' });

  const results = reports.flatMap((r) => {
    const index = new LineIndex(r.text);
    const here = artifact(r.filePath);
    const change = (fix: Fix, description: string) => ({
      description: { text: description },
      artifactChanges: [{ artifactLocation: here, replacements: [{ deletedRegion: { charOffset: fix.range[0], charLength: fix.range[1] - fix.range[0] }, insertedContent: { text: fix.text } }] }],
    });
    const relatedLocation = (rel: RelatedInformation, id: number) => {
      const elsewhere = inOtherFile(rel, r.filePath);
      if (elsewhere && !rel.location) return undefined;
      const physicalLocation = elsewhere
        ? { artifactLocation: artifact(rel.filePath), region: region(rel.location!) }
        : { artifactLocation: here, region: region(index.location(rel.range), rel.range) };
      return { id, message: { text: rel.message }, physicalLocation };
    };
    return r.findings.map((f) => {
      // A fix that would write a secret out is left out: the log is uploaded, the file is not.
      const shown = [...(f.fix ? [{ fix: f.fix, desc: 'Apply the safe fix' }] : []), ...(f.suggestions ?? [])].filter((s) => !r.secrets.reveals(s.fix.text));
      const fixes = shown.map((s) => change(s.fix, s.desc));
      const related = (f.related ?? []).map(relatedLocation).filter((x) => x !== undefined);
      return {
        ruleId: f.ruleId,
        ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId)! } : {}),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: here, region: region(f.location, f.range) } }],
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
            version: tool.version,
            informationUri: tool.informationUri,
            rules: tool.rules.map((m) => ({
              id: m.id,
              name: pascalCase(m.id),
              shortDescription: { text: m.summary },
              fullDescription: { text: m.why },
              helpUri: ruleDocsUrl(m.id),
              defaultConfiguration: { level: LEVEL[m.severity], ...(m.optIn ? { enabled: false } : {}) },
              properties: { category: m.category, environment: m.env, fix: m.fix },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(cwd).href.replace(/\/?$/, '/') } },
        results,
      },
    ],
  };
  return safeJson(JSON.stringify(log, null, 2)) + '\n';
}
