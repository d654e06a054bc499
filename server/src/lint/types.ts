/** What the core hands to its front ends (CLI, language server, API). */

export type Severity = 'error' | 'warning' | 'info';

/** Offsets into the file text (UTF-16 code units), half-open. ESLint's fix shape. */
export type OffsetRange = [number, number];

/** One replacement. A fix that touches several places is merged into one edit spanning them. */
export interface Fix {
  range: OffsetRange;
  text: string;
}

export interface Suggestion {
  desc: string;
  fix: Fix;
}

export interface Location {
  /** 1-based line and column (UTF-16 units), ESLint-style; end is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface RelatedInformation {
  message: string;
  range: OffsetRange;
  /** Absent: the same file as the finding. */
  filePath?: string;
  /** Filled in by the engine for other files, whose text the front end may not have. */
  location?: Location;
}

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  range: OffsetRange;
  filePath?: string;
  related?: RelatedInformation[];
  /** A safe fix: what flyctl deploys stays the same. Applied by --fix and "fix all". */
  fix?: Fix;
  /** Changes what gets deployed: quick-fixes in editors, applied by the CLI only with --unsafe-fixes. */
  suggestions?: Suggestion[];
  tags?: Array<'deprecated' | 'unnecessary'>;
}

export interface EnvironmentInfo {
  /** `production`, `staging`, or another name (`dev`, `preview`, `pr-12` …). */
  name: string;
  isProduction: boolean;
  /** What decided: see server/src/fly/environment.ts for the order. */
  source: 'explicit' | 'comment' | 'file-name' | 'folder' | 'env-label' | 'app-name' | 'default';
  /** Why, for hover and --print-config: `file name "fly.staging.toml"`. */
  reason: string;
}
