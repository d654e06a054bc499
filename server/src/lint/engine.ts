/**
 * The lint pipeline: text → syntax tree → model → rules → suppressions → configured severities.
 * Pure: no file system, no terminal, no LSP. Front ends hand in text (and sibling configs).
 */
import { parseToml, type ParseResult, type TomlError } from '../toml/parse.js';
import { buildModel, type FlyConfig } from '../fly/model.js';
import { resolveEnvironment } from '../fly/environment.js';
import { rules as registry } from '../../../rules/index.js';
import { applySuppressions } from './suppressions.js';
import { secretMask, type SecretMask } from './secret-mask.js';
import { LineIndex } from './line-index.js';
import { openTailStart, withoutFixesInOpenTail } from './open-tail.js';
import { defaultLevel, type LintSettings, type ProjectMember, type Rule, type RuleContext, type RuleReport } from './rule.js';
import type { EnvironmentInfo, Finding, Severity } from './types.js';
import type { ProjectView } from '../project/project-view.js';

export type RuleLevel = Severity | 'off';

export interface SourceFile {
  filePath: string;
  text: string;
}

export interface LintOptions {
  filePath?: string;
  /** Force the environment (`production`, `staging`, …): --env, the editor setting, config globs. */
  env?: string;
  /** Why `env` was forced, for --print-config and hover. */
  envReason?: string;
  /** The project's root folder: folders between it and a file may name its environment. */
  projectRoot?: string;
  /** The other configs of the project, for the isolation rules. */
  siblings?: readonly SourceFile[];
  /** Per-rule level overrides (`--rule`, config file, editor settings). */
  rules?: Readonly<Record<string, RuleLevel>>;
  /** Declared private by the config file or an editor setting (the file may also say `# flylint: private`). */
  privateApp?: boolean;
  /** Extra secret-name patterns (regular expression sources). */
  secretPatterns?: readonly string[];
  /** Environments of sibling files forced by the config file's globs, keyed by file path. */
  siblingEnv?: Readonly<Record<string, string>>;
  tomlVersion?: '1.0' | '1.1';
  /** The files around the config, read on demand (see server/src/project/project-view.ts). */
  projectView?: ProjectView;
}

export interface AnalyzedFile extends ProjectMember {
  parse: ParseResult;
}

const PRIVATE_MARKER = /^\s*flylint\s*:\s*private\b/;

export function allRules(): readonly Rule[] {
  return registry;
}

export function findRule(id: string): Rule | undefined {
  return registry.find((rule) => rule.meta.id === id);
}

/** Parses a config and resolves its model and environment: what rules and editors read. */
export function analyze(text: string, filePath: string | undefined, options: { env?: string; envReason?: string; projectRoot?: string; tomlVersion?: '1.0' | '1.1' } = {}): AnalyzedFile {
  const parse = parseToml(text, options.tomlVersion ? { tomlVersion: options.tomlVersion } : {});
  const config = buildModel(parse.value);
  const env = environmentOf(parse, config, filePath, options);
  return { filePath: filePath ?? '', text, doc: parse.ast, value: parse.value, config, env, parse };
}

function environmentOf(parse: ParseResult, config: FlyConfig, filePath: string | undefined, options: { env?: string; envReason?: string; projectRoot?: string }): EnvironmentInfo {
  const explicit = options.env;
  return resolveEnvironment({
    ...(explicit ? { explicit: { name: explicit, reason: options.envReason ?? `--env ${explicit}` } } : {}),
    comments: parse.ast.comments.map((c) => c.text),
    ...(filePath ? { filePath } : {}),
    ...(options.projectRoot !== undefined ? { projectRoot: options.projectRoot } : {}),
    ...(config.appName ? { appName: config.appName } : {}),
    envVars: config.env,
  });
}

export function lintText(text: string, options: LintOptions = {}): Finding[] {
  const file = analyze(text, options.filePath, options);
  const siblings = (options.siblings ?? [])
    .filter((s) => s.filePath !== options.filePath)
    .map((s) => analyze(s.text, s.filePath, {
      ...(options.siblingEnv?.[s.filePath] ? { env: options.siblingEnv[s.filePath]! } : {}),
      ...(options.projectRoot !== undefined ? { projectRoot: options.projectRoot } : {}),
      ...(options.tomlVersion ? { tomlVersion: options.tomlVersion } : {}),
    }));
  return lintAnalyzed(file, siblings, options);
}

/** Lints one analysed file against its (already analysed) siblings; the CLI shares analyses across a project. */
export function lintAnalyzed(file: AnalyzedFile, siblings: readonly AnalyzedFile[], options: LintOptions = {}): Finding[] {
  const findings: Finding[] = file.parse.errors.map((error) => tomlFinding(error, file.filePath));
  const settings: LintSettings = {
    privateApp: options.privateApp === true || file.doc.comments.some((c) => PRIVATE_MARKER.test(c.text)),
    secretPatterns: options.secretPatterns ?? [],
  };
  const siblingIndexes = new Map<string, LineIndex>();
  const openStart = openTailStart(file.doc, file.parse.errors);
  // One context and one report function for all the rules: the rule reporting is `current`.
  let current = registry[0]!;
  const report = (r: RuleReport): void => {
    if (r.filePath && r.filePath !== file.filePath) return; // findings for other files come when those are linted
    findings.push(withoutFixesInOpenTail(toFinding(current, r, file.filePath, siblings, siblingIndexes), openStart));
  };
  const context: RuleContext = { text: file.text, filePath: file.filePath || undefined, doc: file.doc, value: file.value, config: file.config, env: file.env, settings, project: siblings, ...(options.projectView ? { projectView: options.projectView } : {}), report };
  // Index loops here and in the schema check: a for-of in code that is still cold allocates a
  // result object per step, and a lint of a few hundred files is mostly cold code.
  const ran = new Set<string>();
  // A template is not the config yet: its placeholders hide values (memory, ports, names), so
  // whatever the rules said about it could be wrong. Its one error says so.
  const rulesApply = file.parse.template === undefined;
  for (let r = 0; rulesApply && r < registry.length; r++) {
    const rule = registry[r]!;
    const level = options.rules?.[rule.meta.id] ?? defaultLevel(rule.meta);
    if (level === 'off') continue;
    if (rule.meta.env === 'production' && !file.env.isProduction) continue;
    ran.add(rule.meta.id);
    current = rule;
    try {
      rule.check(context);
    } catch (error) {
      findings.push({
        ruleId: 'internal-error',
        severity: 'error',
        message: `Rule "${rule.meta.id}" failed on this file: ${error instanceof Error ? error.message : String(error)}. Please report this.`,
        range: [0, 0],
        ...(file.filePath ? { filePath: file.filePath } : {}),
      });
    }
  }
  const kept = applySuppressions(findings, file.doc, file.text, registry.map((r) => r.meta.id), ran).filter((f) => options.rules?.[f.ruleId] !== 'off');
  for (const finding of kept) {
    const level = options.rules?.[finding.ruleId];
    if (level && level !== 'off') finding.severity = level;
  }
  return masked(sortAndDedupe(kept), secretsOf(file, options));
}

/** The secrets of an analysed file, which no output may repeat (see secret-mask.ts). */
export function secretsOf(file: AnalyzedFile, options: Pick<LintOptions, 'secretPatterns'> = {}): SecretMask {
  return secretMask(file.text, file.doc, options.secretPatterns ?? []);
}

/** Messages go to terminals, CI logs and editors: none may quote a secret, whichever rule wrote it. */
function masked(findings: Finding[], mask: SecretMask): Finding[] {
  if (mask.isEmpty) return findings;
  for (const finding of findings) {
    finding.message = mask.message(finding.message, finding.range);
    if (finding.related) finding.related = finding.related.map((rel) => (rel.filePath && rel.filePath !== finding.filePath ? rel : { ...rel, message: mask.message(rel.message, rel.range) }));
  }
  return findings;
}

function tomlFinding(error: TomlError, filePath: string): Finding {
  return {
    ruleId: error.code,
    severity: error.code === 'toml-version' ? 'info' : 'error',
    message: error.message,
    range: error.range,
    ...(filePath ? { filePath } : {}),
    ...(error.related ? { related: error.related.map((r) => ({ message: r.message, range: r.range })) } : {}),
    ...(error.fix ? { fix: error.fix } : {}),
  };
}

function toFinding(rule: Rule, r: RuleReport, filePath: string, siblings: readonly AnalyzedFile[], indexes: Map<string, LineIndex>): Finding {
  const finding: Finding = {
    ruleId: rule.meta.id,
    severity: r.severity ?? rule.meta.severity,
    message: r.message,
    range: r.range,
  };
  if (filePath) finding.filePath = filePath;
  if (r.related?.length) {
    finding.related = r.related.map((rel) => {
      if (!rel.filePath || rel.filePath === filePath || rel.location) return rel;
      const other = siblings.find((s) => s.filePath === rel.filePath);
      if (!other) return rel;
      let index = indexes.get(other.filePath);
      if (!index) indexes.set(other.filePath, (index = new LineIndex(other.text)));
      return { ...rel, location: index.location(rel.range) };
    });
  }
  if (r.fix) finding.fix = r.fix;
  if (r.suggestions?.length) finding.suggestions = r.suggestions;
  if (r.tags?.length) finding.tags = r.tags;
  return finding;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortAndDedupe(findings: Finding[]): Finding[] {
  // Code-point order, not localeCompare: the first localeCompare loads ICU's collator (~15 ms of a CLI run).
  findings.sort((a, b) => a.range[0] - b.range[0] || a.range[1] - b.range[1] || compareText(a.ruleId, b.ruleId) || compareText(a.message, b.message));
  return findings.filter((f, i) => {
    const prev = findings[i - 1];
    return !prev || prev.range[0] !== f.range[0] || prev.range[1] !== f.range[1] || prev.ruleId !== f.ruleId || prev.message !== f.message;
  });
}
