/** The registry: every rule flylint knows, in catalog order. */
import type { Rule } from '../server/src/lint/rule.js';
import tomlSyntax from './toml-syntax.js';
import tomlDuplicateKey from './toml-duplicate-key.js';
import tomlVersion from './toml-version.js';

export const rules: readonly Rule[] = [
  tomlSyntax,
  tomlDuplicateKey,
  tomlVersion,
];
