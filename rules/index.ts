/** The registry: every rule flylint knows, in catalog order. */
import type { Rule } from '../server/src/lint/rule.js';
import tomlSyntax from './toml-syntax.js';
import tomlDuplicateKey from './toml-duplicate-key.js';
import tomlVersion from './toml-version.js';
import unknownKey from './unknown-key.js';
import invalidType from './invalid-type.js';
import invalidValue from './invalid-value.js';
import missingRequired from './missing-required.js';
import deprecated from './deprecated.js';
import keyCase from './key-case.js';

export const rules: readonly Rule[] = [
  tomlSyntax,
  tomlDuplicateKey,
  tomlVersion,
  unknownKey,
  invalidType,
  invalidValue,
  missingRequired,
  deprecated,
  keyCase,
];
