/** The four output formats as pure functions, on hand-made findings (no parser, no rules involved). */
import { describe, expect, it } from 'vitest';
import { validateSarif } from './sarif-schema.js';
import { fileReport, type FileReport } from '../../server/src/cli/report.js';
import { formatStylish } from '../../server/src/cli/formatters/stylish.js';
import { formatJson } from '../../server/src/cli/formatters/json.js';
import { formatSarif } from '../../server/src/cli/formatters/sarif.js';
import { formatGithub } from '../../server/src/cli/formatters/github.js';
import { colorsEnabled, makeColors } from '../../server/src/cli/colors.js';
import type { Finding } from '../../server/src/lint/types.js';
import type { RuleMeta } from '../../server/src/lint/rule.js';

const cwd = '/repo';
const plain = makeColors(false);
const display = (path: string) => path.replace(`${cwd}/`, '');

// Line 2 holds a non-BMP character: columns after it count two UTF-16 units.
const TEXT = 'app = "shop"\n# 🚀 launch\n[env]\n  A = "1"\n  A = "2"\n\tport = "80"\n';
const at = (needle: string, nth = 0): [number, number] => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = TEXT.indexOf(needle, start + 1);
  return [start, start + needle.length];
};

const findings: Finding[] = [
  { ruleId: 'missing-swap', severity: 'warning', message: 'No swap_size_mb', range: at('app = "shop"'), suggestions: [{ desc: 'Add swap_size_mb = 512', fix: { range: [13, 13], text: 'swap_size_mb = 512\n' } }] },
  { ruleId: 'shared-app-name', severity: 'error', message: 'Also the app of the staging config', range: at('"shop"'), related: [{ message: 'staging config with the same app', range: [6, 12], filePath: '/repo/fly.staging.toml', location: { line: 1, column: 7, endLine: 1, endColumn: 13 } }] },
  { ruleId: 'toml-version', severity: 'info', message: 'after the rocket', range: at('launch') },
  { ruleId: 'toml-duplicate-key', severity: 'error', message: 'Duplicate key "A"', range: at('A', 1), related: [{ message: 'first defined here', range: at('A') }] },
  { ruleId: 'deprecated', severity: 'warning', message: 'Write the port as a number', range: at('"80"'), fix: { range: at('"80"'), text: '80' } },
];

const report: FileReport = fileReport('/repo/fly.toml', 'fly.toml', TEXT, findings);
const staging: FileReport = fileReport('/repo/fly.staging.toml', 'fly.staging.toml', 'app = "shop"\n', []);

const meta = (id: string, severity: RuleMeta['severity']): RuleMeta => ({
  id, severity, category: 'toml', env: 'any', fix: 'none', summary: `${id} summary`, why: `${id} why`, flyDocs: 'https://fly.io/docs/', examples: { bad: '', good: '' },
});
const rules = [meta('missing-swap', 'warning'), meta('shared-app-name', 'error'), meta('toml-version', 'info'), meta('toml-duplicate-key', 'error'), meta('deprecated', 'info')];

describe('locations', () => {
  it('are 1-based with UTF-16 columns', () => {
    expect(report.findings.map((f) => f.location)).toEqual([
      { line: 1, column: 1, endLine: 1, endColumn: 13 },
      { line: 1, column: 7, endLine: 1, endColumn: 13 },
      // "# " is 2 units and the rocket 2 more, then a space: "launch" starts at unit 5 (column 6).
      { line: 2, column: 6, endLine: 2, endColumn: 12 },
      { line: 5, column: 3, endLine: 5, endColumn: 4 },
      { line: 6, column: 9, endLine: 6, endColumn: 13 },
    ]);
  });
});

describe('stylish', () => {
  const out = formatStylish([staging, report], plain, display);
  const lines = out.split('\n');

  it('groups by file, skips clean files, aligns position, severity, message and rule id', () => {
    expect(lines[0]).toBe('fly.toml');
    expect(out).not.toContain('fly.staging.toml\n');
    expect(lines).toContain('  1:1  warning  No swap_size_mb  missing-swap');
    expect(lines).toContain('  2:6  info     after the rocket  toml-version');
    expect(lines).toContain('  6:9  warning  Write the port as a number  deprecated');
  });

  it('shows related information as notes, with positions in this file or another', () => {
    expect(lines).toContain('       note: staging config with the same app in fly.staging.toml:1:7');
    expect(lines).toContain('       note: first defined at 4:3');
  });

  it('draws a code frame under errors only, carets under the range (a tab counts as one column)', () => {
    const i = lines.indexOf('  5:3  error    Duplicate key "A"  toml-duplicate-key');
    expect(lines.slice(i + 2, i + 4)).toEqual(['    5 |   A = "2"', '      |   ^']);
    const warning = lines.indexOf('  6:9  warning  Write the port as a number  deprecated');
    expect(lines[warning + 1]).toBe('');
    const tabbed = fileReport('/repo/fly.toml', 'fly.toml', TEXT, [{ ...findings[4]!, severity: 'error' }]);
    expect(formatStylish([tabbed], plain, display).split('\n').slice(2, 4)).toEqual(['    6 |  port = "80"', '      |         ^^^^']);
  });

  it('ends with the summary and the fix hints', () => {
    expect(out.endsWith('✖ 5 problems (2 errors, 2 warnings, 1 info) in 2 files checked\n  1 problem fixable with --fix, 1 more with --unsafe-fixes\n')).toBe(true);
  });

  it.each([
    [[{ ...findings[0]!, severity: 'warning' as const }], '⚠ 1 problem (0 errors, 1 warning, 0 infos) in 1 file checked\n  1 problem fixable with --unsafe-fixes\n'],
    [[findings[2]!], 'ℹ 1 problem (0 errors, 0 warnings, 1 info) in 1 file checked\n'],
  ])('summary for %#', (fs, tail) => {
    expect(formatStylish([fileReport('/repo/fly.toml', 'fly.toml', TEXT, fs)], plain, display).endsWith(tail)).toBe(true);
  });

  it('after --fix, does not offer again the fixes it could not apply', () => {
    expect(formatStylish([report], plain, display, 'safe').endsWith('✖ 5 problems (2 errors, 2 warnings, 1 info) in 1 file checked\n  1 problem fixable with --unsafe-fixes, 1 fix could not be applied\n')).toBe(true);
    expect(formatStylish([report], plain, display, 'unsafe').endsWith('✖ 5 problems (2 errors, 2 warnings, 1 info) in 1 file checked\n  2 fixes could not be applied\n')).toBe(true);
  });

  it('says how many files a clean run checked, and what --fix wrote', () => {
    expect(formatStylish([staging], plain, display)).toBe('1 file checked, no problems\n');
    expect(formatStylish([staging, fileReport('/repo/fly.toml', 'fly.toml', TEXT, [])], plain, display)).toBe('2 files checked, no problems\n');
    expect(formatStylish([fileReport('/repo/fly.toml', 'fly.toml', TEXT, [], 3)], plain, display)).toBe('✔ Fixed 3 problems in 1 file\n1 file checked, no problems\n');
  });

  it('counts the clean files among the files checked', () => {
    expect(out).toContain('in 2 files checked\n');
    expect(formatStylish([staging, staging, report], plain, display)).toContain('✖ 5 problems (2 errors, 2 warnings, 1 info) in 3 files checked\n');
  });

  it('prints nothing for no file, nor for a run without errors under --quiet (errors only)', () => {
    expect(formatStylish([], plain, display)).toBe('');
    expect(formatStylish([staging], plain, display, undefined, true)).toBe('');
  });

  it('never prints a code frame for a secret', () => {
    const secret = fileReport('/repo/fly.toml', 'fly.toml', 'API_KEY = "sk_live_abc"\n', [{ ruleId: 'secret-in-env', severity: 'error', message: 'A secret in [env]', range: [10, 23] }]);
    expect(formatStylish([secret], plain, display)).not.toContain('sk_live_abc');
  });

  it('colours severities only when colours are on', () => {
    expect(formatStylish([report], makeColors(true), display)).toContain('\u001b[31merror  \u001b[39m');
    expect(out).not.toContain('\u001b[');
  });
});

describe('colours', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
  ])('%j on a TTY=%s → %s', (env, tty, expected) => {
    expect(colorsEnabled(env, tty)).toBe(expected);
  });
});

describe('json', () => {
  const [file, clean] = JSON.parse(formatJson([report, staging]));

  it('has ESLint\'s shape: severities 2/1/0, counts, fixes, suggestions, source', () => {
    expect(Object.keys(file)).toEqual(['filePath', 'messages', 'errorCount', 'warningCount', 'fixableErrorCount', 'fixableWarningCount', 'source']);
    expect(file).toMatchObject({ filePath: '/repo/fly.toml', errorCount: 2, warningCount: 2, fixableErrorCount: 0, fixableWarningCount: 1, source: TEXT });
    expect(file.messages.map((m: { severity: number }) => m.severity)).toEqual([1, 2, 0, 2, 1]);
    expect(file.messages[0]).toEqual({ ruleId: 'missing-swap', severity: 1, message: 'No swap_size_mb', line: 1, column: 1, endLine: 1, endColumn: 13, suggestions: [{ desc: 'Add swap_size_mb = 512', fix: { range: [13, 13], text: 'swap_size_mb = 512\n' } }] });
    expect(file.messages[4].fix).toEqual({ range: at('"80"'), text: '80' });
  });

  it('gives the places a finding points back at, in this file or another config', () => {
    const [, shared, , duplicate] = file.messages;
    expect(shared.related).toEqual([{ message: 'staging config with the same app', filePath: '/repo/fly.staging.toml', line: 1, column: 7, endLine: 1, endColumn: 13 }]);
    expect(duplicate.related).toEqual([{ message: 'first defined here', line: 4, column: 3, endLine: 4, endColumn: 4 }]);
    expect(file.messages[0]).not.toHaveProperty('related');
  });

  it('leaves the source out of clean files and of files holding a secret', () => {
    expect(clean).toEqual({ filePath: '/repo/fly.staging.toml', messages: [], errorCount: 0, warningCount: 0, fixableErrorCount: 0, fixableWarningCount: 0 });
    const secret = fileReport('/repo/fly.toml', 'fly.toml', 'K = "sk_live_abc"\n', [{ ruleId: 'secret-in-env', severity: 'error', message: 'secret', range: [4, 17] }]);
    expect(formatJson([secret])).not.toContain('sk_live_abc');
  });
});

describe('sarif', () => {
  const validate = validateSarif;
  const tool = { rules, version: '1.2.3', informationUri: 'https://github.com/flylint/flylint' };
  const log = JSON.parse(formatSarif([report, staging], tool, cwd));
  const run = log.runs[0];

  it('validates against the SARIF 2.1.0 schema', () => {
    expect(validate(log), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate(JSON.parse(formatSarif([], tool, cwd)))).toBe(true);
    // The schema does reject: a run without its tool.
    expect(validate({ version: '2.1.0', runs: [{ results: [] }] })).toBe(false);
  });

  it('describes the tool and every rule', () => {
    expect(run.tool.driver).toMatchObject({ name: 'flylint', version: '1.2.3', informationUri: 'https://github.com/flylint/flylint' });
    expect(run.tool.driver.rules[2]).toMatchObject({ id: 'toml-version', shortDescription: { text: 'toml-version summary' }, helpUri: expect.stringMatching(/toml-version\.md$/), defaultConfiguration: { level: 'note' } });
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///repo/');
  });

  it('gives each result its rule, level, region, related locations and fixes', () => {
    const [swap, shared, version, duplicate, port] = run.results;
    expect(swap).toMatchObject({ ruleId: 'missing-swap', ruleIndex: 0, level: 'warning', message: { text: 'No swap_size_mb' } });
    expect(swap.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'fly.toml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 13, charOffset: 0, charLength: 12 } });
    expect(swap.fixes).toEqual([{ description: { text: 'Add swap_size_mb = 512' }, artifactChanges: [{ artifactLocation: { uri: 'fly.toml', uriBaseId: '%SRCROOT%' }, replacements: [{ deletedRegion: { charOffset: 13, charLength: 0 }, insertedContent: { text: 'swap_size_mb = 512\n' } }] }] }]);
    expect(shared.relatedLocations).toEqual([{ id: 0, message: { text: 'staging config with the same app' }, physicalLocation: { artifactLocation: { uri: 'fly.staging.toml', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 7, endLine: 1, endColumn: 13 } } }]);
    expect(version).toMatchObject({ level: 'note', locations: [{ physicalLocation: { region: { startLine: 2, startColumn: 6, endColumn: 12 } } }] });
    expect(duplicate.relatedLocations[0].physicalLocation.region).toMatchObject({ startLine: 4, startColumn: 3 });
    expect(port.fixes[0].description.text).toBe('Apply the safe fix');
  });

  it('makes URIs relative to the current directory and percent-encodes them', () => {
    const odd = fileReport('/repo/my apps/fly#1.toml', 'my apps/fly#1.toml', 'x', [{ ruleId: 'x', severity: 'error', message: 'm', range: [0, 1] }]);
    const result = JSON.parse(formatSarif([odd], tool, cwd)).runs[0].results[0];
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('my%20apps/fly%231.toml');
    expect(result.ruleIndex).toBeUndefined();
  });
});

describe('github', () => {
  it('prints one workflow command per finding: error, warning, notice', () => {
    const lines = formatGithub([report, staging]).trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe('::warning file=fly.toml,line=1,col=1,endLine=1,endColumn=13,title=missing-swap::No swap_size_mb');
    expect(lines[1]).toBe('::error file=fly.toml,line=1,col=7,endLine=1,endColumn=13,title=shared-app-name::Also the app of the staging config');
    expect(lines[2]).toMatch(/^::notice file=fly\.toml,line=2,col=6,endLine=2,endColumn=12,title=toml-version::after the rocket$/);
  });

  it('escapes %, CR and LF in messages, and : and , in properties', () => {
    const odd = fileReport('/repo/a,b:c%.toml', 'a,b:c%.toml', 'x', [{ ruleId: 'r', severity: 'error', message: '100% sure\r\nnext: line, here', range: [0, 1] }]);
    expect(formatGithub([odd])).toBe('::error file=a%2Cb%3Ac%25.toml,line=1,col=1,endLine=1,endColumn=2,title=r::100%25 sure%0D%0Anext: line, here\n');
  });

  it('prints nothing when there is nothing to say', () => {
    expect(formatGithub([staging])).toBe('');
  });
});
