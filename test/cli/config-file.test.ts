/** The .flylint.toml config file: validated against its schema, errors that name the key and its position. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { includedBy, parseConfigFile, optionsForFile } from '../../server/src/config/config-file.js';

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
  ])('%j → %i:%i %s', (text, line, column, message) => {
    const { config, errors } = parseConfigFile(text, '/p/.flylint.toml', rules);
    expect(config).toBeUndefined();
    expect(errors[0]).toEqual({ line, column, message });
  });

  it('ships the schema it is validated against', () => {
    const schema = JSON.parse(readFileSync(join(process.cwd(), 'schemas', 'flylint-config.schema.json'), 'utf8'));
    expect(Object.keys(schema.properties).sort()).toEqual(['environments', 'include', 'private', 'root', 'rules', 'secrets']);
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
