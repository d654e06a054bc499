/** The .flylint.toml config file: validated against its schema, errors that name the key and its position. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOptionsOf, includedBy, parseConfigFile, optionsForFile } from '../../server/src/config/config-file.js';

const rules = ['missing-swap', 'missing-metrics', 'secret-in-env'];

describe('.flylint.toml', () => {
  it('reads every section', () => {
    const { config, errors } = parseConfigFile('root = true\nprivate = ["shop-db", "infra/**"]\n[rules]\nmissing-metrics = "off"\n[environments]\n"deploy/fly.*.toml" = "staging"\n[secrets]\npatterns = ["^LICENSE_KEY$"]\n', '/p/.flylint.toml', rules);
    expect(errors).toEqual([]);
    expect(config).toMatchObject({ root: true, private: ['shop-db', 'infra/**'], rules: { 'missing-metrics': 'off' }, environments: [{ glob: 'deploy/fly.*.toml', env: 'staging' }], secretPatterns: ['^LICENSE_KEY$'] });
    expect(optionsForFile([config!], '/p/deploy/fly.eu.toml')).toMatchObject({ env: 'staging', rules: { 'missing-metrics': 'off' }, secretPatterns: ['^LICENSE_KEY$'] });
    expect(optionsForFile([config!], '/p/fly.toml', 'shop-db').privateApp).toBe(true);
    expect(optionsForFile([config!], '/p/infra/db/fly.toml').privateApp).toBe(true);
  });

  it.each([
    ['roots = true\n', 1, 1, 'Unknown key "roots" in the top level. Did you mean "root"?'],
    ['[rules]\nmissing-swap = "warn"\n', 2, 16, '[rules] missing-swap must be "off", "info", "warning" or "error"'],
    ['[rules]\nmissing-swapp = "off"\n', 2, 1, 'Unknown rule "missing-swapp" in [rules]. Did you mean "missing-swap"?'],
    ['root = "yes"\n', 1, 1, '"root" must be true or false'],
    ['[secrets]\npattern = ["x"]\n', 2, 1, 'Unknown key "pattern" in [secrets]. Did you mean "patterns"?'],
    ['[environments]\n"fly.*.toml" = "stag ing"\n', 2, 16, '[environments] "fly.*.toml" must name an environment, such as "staging"'],
    ['[secrets]\npatterns = ["("]\n', 2, 13, 'secrets.patterns: "(" is not a valid regular expression: missing closing ): `(` (patterns use RE2 syntax, which has no back-references or lookarounds)'],
    ['root = \n', 1, 8, 'Expected a value after "root ="'],
    ['[format]\nquote = "single"\n', 2, 1, 'Unknown key "quote" in [format]. Did you mean "quotes"?'],
    ['[format]\nquotes = "singles"\n', 2, 10, '[format] quotes must be "preserve", "single" or "double"'],
    ['[format]\nindent = 9\n', 2, 10, '[format] indent must be a number of spaces from 0 to 8, or "tab"'],
    ['[format]\nindent = "tabs"\n', 2, 10, '[format] indent must be a number of spaces from 0 to 8, or "tab"'],
    ['[format]\nindent = 2.5\n', 2, 10, '[format] indent must be a number of spaces from 0 to 8, or "tab"'],
    ['format = 2\n', 1, 1, '"format" must be a table'],
  ])('%j → %i:%i %s', (text, line, column, message) => {
    const { config, errors } = parseConfigFile(text, '/p/.flylint.toml', rules);
    expect(config).toBeUndefined();
    expect(errors[0]).toEqual({ line, column, message });
  });

  it('reports one error for an invalid indent, at its value', () => {
    expect(parseConfigFile('[format]\nindent = true\n', '/p/.flylint.toml', rules).errors).toHaveLength(1);
  });

  it('reads [format], nearer files overriding farther ones key by key', () => {
    const near = parseConfigFile('[format]\nindent = "tab"\n', '/p/app/.flylint.toml', rules);
    const far = parseConfigFile('[format]\nindent = 0\nquotes = "single"\n', '/p/.flylint.toml', rules);
    expect(near.errors).toEqual([]);
    expect(far.config!.format).toEqual({ indent: 0, quotes: 'single' });
    expect(formatOptionsOf([near.config!, far.config!])).toEqual({ indent: 'tab', quotes: 'single' });
    expect(formatOptionsOf([])).toEqual({});
  });

  it('ships the schema it is validated against', () => {
    const schema = JSON.parse(readFileSync(join(process.cwd(), 'schemas', 'flylint-config.schema.json'), 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual(['environments', 'format', 'include', 'private', 'root', 'rules', 'secrets']);
  });

  it('reads include: globs of fly configs with other names, relative to the config file, in the [environments] dialect', () => {
    const { config, errors } = parseConfigFile('include = ["deploy/fly/*.toml", "prod.toml"]\n', '/p/.flylint.toml', rules);
    expect(errors).toEqual([]);
    expect(config!.include).toEqual(['deploy/fly/*.toml', 'prod.toml']);
    expect(includedBy([config!], '/p/deploy/fly/prod.toml')).toBe(true);
    // A glob without a slash matches the file name in any folder below, as in [environments].
    expect(includedBy([config!], '/p/apps/api/prod.toml')).toBe(true);
    expect(includedBy([config!], '/p/deploy/fly/nested/prod.toml')).toBe(true);
    expect(includedBy([config!], '/p/deploy/fly/nested/staging.toml')).toBe(false);
    expect(includedBy([config!], '/p/deploy/staging.toml')).toBe(false);
    // Only below the config file's folder.
    expect(includedBy([config!], '/elsewhere/prod.toml')).toBe(false);
    expect(includedBy([config!], '/prod.toml')).toBe(false);
    // Never the config file itself.
    const all = parseConfigFile('include = ["*.toml", "**"]\n', '/p/.flylint.toml', rules).config!;
    expect(includedBy([all], '/p/Cargo.toml')).toBe(true);
    expect(includedBy([all], '/p/.flylint.toml')).toBe(false);
    expect(includedBy([all], '/p/sub/.flylint.toml')).toBe(false);
  });

  it.each([
    ['include = "deploy/*.toml"\n', 1, 1, '"include" must be a list'],
    ['include = [3]\n', 1, 12, '"include.0" must be a string'],
    ['include = [""]\n', 1, 12, '"include.0" must not be empty'],
    ['include = ["ok.toml", "/etc/fly.toml"]\n', 1, 23, 'include: "/etc/fly.toml" must be relative to the folder of .flylint.toml, such as "deploy/fly/*.toml"'],
    ['include = [\n  "../other/fly.toml",\n]\n', 2, 3, 'include: "../other/fly.toml" cannot reach above the folder of .flylint.toml: name such files in a .flylint.toml above them'],
    ['include = ["deploy\\\\prod.toml"]\n', 1, 12, 'include: "deploy\\prod.toml" must separate folders with "/"'],
    ['includes = ["x.toml"]\n', 1, 1, 'Unknown key "includes" in the top level. Did you mean "include"?'],
  ])('include: %j → %i:%i %s', (text, line, column, message) => {
    const { config, errors } = parseConfigFile(text, '/p/.flylint.toml', rules);
    expect(config).toBeUndefined();
    expect(errors).toEqual([{ line, column, message }]);
  });
});
