/** Placeholder until the parser lands: see issue 2. */
import type { DocumentNode } from './ast.js';
import type { TomlTable } from './values.js';
import type { OffsetRange } from '../lint/types.js';

export interface TomlError {
  code: 'toml-syntax' | 'toml-duplicate-key' | 'toml-version';
  message: string;
  range: OffsetRange;
  /** For duplicates: where the key or table was first defined. */
  related?: { message: string; range: OffsetRange }[];
  /** For toml-version: the TOML 1.0 spelling, where one exists. */
  fix?: { range: OffsetRange; text: string };
}

export interface ParseOptions {
  /** Default '1.1' (what current flyctl reads); 1.1-only syntax then yields toml-version infos. */
  tomlVersion?: '1.0' | '1.1';
}

export interface ParseResult {
  ast: DocumentNode;
  value: TomlTable;
  errors: TomlError[];
}

export function parseToml(text: string, _options: ParseOptions = {}): ParseResult {
  const ast: DocumentNode = {
    kind: 'document', start: 0, end: text.length, body: [], tables: [], comments: [],
    tokens: text.length ? [{ kind: 'invalid', start: 0, end: text.length }] : [], lineEnding: '\n',
  };
  return { ast, value: { type: 'table', entries: new Map(), origin: 'root', node: ast }, errors: [] };
}
