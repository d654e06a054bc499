/** The contract between the lint engine and one rule module in `rules/`. */
import type { DocumentNode } from '../toml/ast.js';
import type { TomlTable } from '../toml/values.js';
import type { FlyConfig } from '../fly/model.js';
import type { ProjectView } from '../project/project-view.js';
import type { EnvironmentInfo, Finding, Fix, OffsetRange, RelatedInformation, Severity, Suggestion } from './types.js';

export interface RuleMeta {
  /** Stable id (a contract: configs, suppressions and CI depend on it). */
  id: string;
  category: 'toml' | 'schema' | 'production' | 'isolation' | 'suppression';
  /** Default severity; a rule with two (e.g. check-timing) reports the stronger by default and may pass another per finding. */
  severity: Severity;
  /**
   * Off unless a config file, `--rule` or an editor setting gives it a level: advice that holds
   * for some apps only. `severity` is then the level the docs suggest turning it on at.
   */
  optIn?: true;
  /** any: every config; production: only production configs; project: compares the configs of one project. */
  env: 'any' | 'production' | 'project';
  fix: 'safe' | 'suggestion' | 'none';
  /** One line, for --list-rules and SARIF shortDescription. */
  summary: string;
  /** Markdown: why it matters (one short paragraph). */
  why: string;
  /** The Fly.io docs page the rule rests on. */
  flyDocs: string;
  /** A config that triggers the rule and one that does not (used in the docs page and in tests). */
  examples: {
    bad: string;
    good: string;
    fileName?: string;
    /** The project around the examples (root-relative path → text), for rules that read the files a config names. */
    files?: Readonly<Record<string, string>>;
  };
  /** The flyctl source files (superfly/flyctl) whose behaviour the rule follows. */
  flyctlSource?: readonly string[];
}

/** Another config of the same project, for isolation rules. */
export interface ProjectMember {
  filePath: string;
  text: string;
  doc: DocumentNode;
  value: TomlTable;
  config: FlyConfig;
  env: EnvironmentInfo;
}

export interface LintSettings {
  /** The app is private (declared by `# flylint: private`, the config file, or an editor setting). */
  readonly privateApp: boolean;
  /** Extra secret-name patterns from the config file (regular expression sources, case-insensitive). */
  readonly secretPatterns: readonly string[];
}

export interface RuleReport {
  message: string;
  range: OffsetRange;
  severity?: Severity;
  related?: RelatedInformation[];
  fix?: Fix;
  suggestions?: Suggestion[];
  tags?: Finding['tags'];
  /** Report into another file of the project (isolation rules); absent: the file being linted. */
  filePath?: string;
}

/** What a rule sees of the file. One context serves every rule of a lint, so it is read-only. */
export interface RuleContext {
  readonly text: string;
  readonly filePath: string | undefined;
  readonly doc: DocumentNode;
  readonly value: TomlTable;
  readonly config: FlyConfig;
  readonly env: EnvironmentInfo;
  readonly settings: LintSettings;
  /** The other configs of the project (empty when linting one file alone). */
  readonly project: readonly ProjectMember[];
  /** The files around the config (Dockerfile, files it names), when the host shows them; rules that need them are silent without. */
  readonly projectView?: ProjectView;
  report(report: RuleReport): void;
}

export interface Rule {
  meta: RuleMeta;
  check(context: RuleContext): void;
}

/** The level a rule runs at when nothing configures it: off for an opt-in rule. */
export function defaultLevel(meta: RuleMeta): Severity | 'off' {
  return meta.optIn ? 'off' : meta.severity;
}
