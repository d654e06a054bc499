/** The .flylint.toml config file: validated against its schema, errors that name the key and its position. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigFile, optionsForFile } from '../../server/src/config/config-file.js';

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
    expect(Object.keys(schema.properties).sort()).toEqual(['environments', 'private', 'root', 'rules', 'secrets']);
  });
});
