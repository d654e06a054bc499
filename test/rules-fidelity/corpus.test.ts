/**
 * The fidelity rules against flyctl's own verdicts on its fixtures and on the real-world corpus:
 *   - a config flyctl accepts gets no error from these rules;
 *   - each validate message or deploy error one of these rules covers is reported as an error
 *     on the line that causes it;
 *   - each flyctl warning these rules cover is reported on a file exactly when flyctl warns.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { tomlFiles } from '../support/toml-files.js';
import { describe, expect, it } from 'vitest';
import { lintText, LineIndex, type Finding } from '../../server/src/index.js';
import { corpusDir, flyctlFixturesDir } from '../support/data-paths.js';


const OURS = new Set(['ambiguous-duration', 'unknown-process', 'service-missing-processes', 'service-without-ports', 'check-timing', 'invalid-command', 'deploy-strategy', 'invalid-mount', 'vm-sizing', 'multiple-build-sources']);

interface Verdict {
  loads: boolean;
  valid: boolean | null;
  validate_messages: string[];
  deploy_errors: string[];
  /** Absent where the source does not say (INDEX.md rows). */
  warnings?: string[];
}

/** A flyctl error one of our rules covers, and the lines that cause it. */
interface Cause {
  pattern: RegExp;
  ruleId: string;
  line: (m: RegExpMatchArray) => RegExp;
}

const quoted = (s: string) => `["']${s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']`;

const ERRORS: Cause[] = [
  { pattern: /unsupported deployment strategy '([^']*)'/g, ruleId: 'deploy-strategy', line: (m) => new RegExp(`strategy\\s*=\\s*${quoted(m[1]!)}`) },
  { pattern: /canary deployment strategy is not supported/g, ruleId: 'deploy-strategy', line: () => /strategy\s*=/ },
  { pattern: /You need to define at least 1 check in order to use blue-green/g, ruleId: 'deploy-strategy', line: () => /strategy\s*=/ },
  { pattern: /Service has no processes set/g, ruleId: 'service-missing-processes', line: () => /^\s*\[+\s*(http_service|services)\s*\]+|processes\s*=\s*\[\s*\]/ },
  { pattern: /Service specifies '([^']*)' as one of its processes/g, ruleId: 'unknown-process', line: (m) => new RegExp(`processes\\s*=.*${quoted(m[1]!)}`) },
  { pattern: /Restart policy specifies '([^']*)' as one of its processes/g, ruleId: 'unknown-process', line: (m) => new RegExp(`processes\\s*=.*${quoted(m[1]!)}`) },
  { pattern: /initial_size '([^']*)'/g, ruleId: 'invalid-mount', line: (m) => new RegExp(`initial_size\\s*=\\s*${quoted(m[1]!)}`) },
  { pattern: /snapshot_retention value which is not between/g, ruleId: 'invalid-mount', line: () => /snapshot_retention\s*=/ },
  { pattern: /auto_extend_size_(threshold|increment|limit)/g, ruleId: 'invalid-mount', line: () => /auto_extend_size_|^\s*\[+\s*mounts?\s*\]+/ },
  { pattern: /Can't shell split (release|console) command/g, ruleId: 'invalid-command', line: (m) => new RegExp(`${m[1]}_command\\s*=`) },
  { pattern: /Could not parse command for '([^']*)' process group/g, ruleId: 'invalid-command', line: (m) => new RegExp(`^\\s*["']?${m[1]}["']?\\s*=|command\\s*=`) },
  { pattern: /Check '([^']*)' (interval is too short|timeout is too long)/g, ruleId: 'check-timing', line: (m) => new RegExp(m[2]!.startsWith('interval') ? 'interval\\s*=' : 'timeout\\s*=') },
  { pattern: /Can't process top level check '([^']*)'/g, ruleId: 'check-timing', line: (m) => new RegExp(`checks\\.${m[1]}|name\\s*=\\s*${quoted(m[1]!)}|type\\s*=`) },
  { pattern: /Check '([^']*)' (?:for process group '[^']*' |… )has no port set/g, ruleId: 'check-timing', line: (m) => new RegExp(`checks\\.${m[1]}|name\\s*=\\s*${quoted(m[1]!)}`) },
  { pattern: /'([^']*)' is an invalid machine size/g, ruleId: 'vm-sizing', line: (m) => new RegExp(`size\\s*=\\s*${quoted(m[1]!)}`) },
  { pattern: /memory cannot be zero/g, ruleId: 'vm-sizing', line: () => /memory\s*=/ },
];

/** flyctl warnings our warning-level findings mirror, file for file. */
const WARNINGS: Array<{ pattern: RegExp; ruleId: string }> = [
  { pattern: /Service must expose at least one port/, ruleId: 'service-without-ports' },
  { pattern: /more than one build configuration found/, ruleId: 'multiple-build-sources' },
  { pattern: /check has (an interval|a timeout|a grace period)/, ruleId: 'check-timing' },
];

/**
 * flyctl-verdicts.json covers the top-level fixtures; the ones under extra/ have their verdict in
 * INDEX.md's table (Loads? | Validate()), read here: `**invalid**: \`message\`` and
 * `deploy would fail (\`message\`)`.
 */
function indexVerdicts(base: string): Record<string, Verdict> {
  const out: Record<string, Verdict> = {};
  for (const line of readFileSync(join(base, 'INDEX.md'), 'utf8').split('\n')) {
    const row = /^\| `(extra\/[^`]+)`[^|]*\| ([^|]*) \| (.*?) \| /.exec(line);
    if (!row) continue;
    const [, name, loads, validate] = row as unknown as [string, string, string, string];
    const messages = [...validate.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
    const deployFails = /deploy would fail/.test(validate);
    out[name] = {
      loads: loads.startsWith('yes'),
      valid: /\*\*invalid\*\*/.test(validate) ? false : true,
      validate_messages: deployFails ? [] : messages,
      deploy_errors: deployFails ? messages : [],
    };
  }
  return out;
}

const results = [flyctlFixturesDir, corpusDir].flatMap((base) => {
  const verdicts = {
    ...(base === flyctlFixturesDir ? indexVerdicts(base) : {}),
    ...(JSON.parse(readFileSync(join(base, 'flyctl-verdicts.json'), 'utf8')) as Record<string, Verdict>),
  };
  return tomlFiles(base).flatMap((path) => {
    const name = relative(base, path);
    const verdict = verdicts[name];
    if (!verdict) return [];
    const text = readFileSync(path, 'utf8');
    const index = new LineIndex(text);
    const findings = lintText(text, { filePath: path }).filter((f) => OURS.has(f.ruleId));
    const lineOf = (f: Finding) => index.location(f.range).line;
    return [{ name, verdict, text, lines: text.split(/\r?\n/), findings, lineOf }];
  });
});

describe('fidelity rules against flyctl verdicts', () => {
  it('reads the fixtures and the corpus', () => {
    expect(results.length).toBeGreaterThanOrEqual(276 + 51);
  });

  it('reports no error on a config flyctl accepts', () => {
    const accepted = results.filter((r) => r.verdict.loads && r.verdict.valid !== false && r.verdict.deploy_errors.length === 0);
    const wrong = accepted.flatMap((r) => r.findings.filter((f) => f.severity === 'error').map((f) => `${r.name}:${r.lineOf(f)} ${f.ruleId}: ${f.message}`));
    console.log(`[fidelity rules] accepted configs: ${accepted.length}; false errors: ${wrong.length}`);
    expect(wrong).toEqual([]);
  });

  it('reports each flyctl error it covers on the line that causes it', () => {
    let covered = 0;
    const missed: string[] = [];
    for (const r of results) {
      for (const message of [...r.verdict.validate_messages, ...r.verdict.deploy_errors]) {
        for (const cause of ERRORS) {
          for (const match of message.matchAll(cause.pattern)) {
            covered++;
            const lines = r.lines.flatMap((l, i) => (cause.line(match).test(l) ? [i + 1] : []));
            const hit = r.findings.some((f) => f.ruleId === cause.ruleId && f.severity === 'error' && lines.includes(r.lineOf(f)));
            if (!hit) missed.push(`${r.name}: ${cause.ruleId} for "${match[0]}" (lines ${lines.join(',') || 'none'})`);
          }
        }
      }
    }
    console.log(`[fidelity rules] flyctl errors these rules cover: ${covered}; reported on their line: ${covered - missed.length}`);
    expect(covered).toBeGreaterThanOrEqual(5);
    expect(missed).toEqual([]);
  });

  it('warns exactly where flyctl warns', () => {
    const mismatched: string[] = [];
    let warned = 0;
    for (const { pattern, ruleId } of WARNINGS) {
      // Only where flyctl got as far as validating: a config it cannot load gets no warnings from it.
      for (const r of results.filter((x) => x.verdict.warnings && x.verdict.loads && !x.verdict.validate_messages.some((m) => /can not flatten an invalid/.test(m)))) {
        const flyctl = [...(r.verdict.warnings ?? []), ...r.verdict.validate_messages].some((w) => pattern.test(w));
        const ours = r.findings.some((f) => f.ruleId === ruleId && f.severity === 'warning');
        if (flyctl) warned++;
        if (flyctl !== ours) mismatched.push(`${r.name}: flyctl ${flyctl ? 'warns' : 'is silent'}, ${ruleId} ${ours ? 'warns' : 'is silent'}`);
      }
    }
    console.log(`[fidelity rules] files where flyctl warns (ports, build, check clamps): ${warned}; files where flylint disagrees: ${mismatched.length}`);
    expect(warned).toBeGreaterThanOrEqual(15);
    expect(mismatched).toEqual([]);
  });
});
