import { describe, it } from 'vitest';
import rule from '../../rules/invalid-command.js';
import { expectCase, type Case } from './helpers.js';

const cases: Case[] = [
  { name: 'an unclosed single quote in [processes]', toml: "[processes]\nweb = \"bin/server --name 'shop\"\n", expect: [{ at: "\"bin/server --name 'shop\"", message: /^flyctl cannot split the \[processes\] command of "web" into words because its single quote is never closed: it rejects the config\. Close the quote or escape it$/, severity: 'error' }] },
  { name: 'an unclosed double quote in release_command', toml: "[deploy]\nrelease_command = 'rake \"db:migrate'\n", expect: [{ at: "'rake \"db:migrate'", message: /\[deploy\] release_command into words because its double quote is never closed/ }] },
  { name: 'a trailing backslash in console_command', toml: 'console_command = "bin/rails console \\\\"\n', expect: [{ at: '"bin/rails console \\\\"', message: /console_command into words because it ends with an unfinished escape/ }] },
  { name: 'a legacy [[processes]] command', toml: '[[processes]]\nname = "w"\ncommand = "sh -c \'x"\n', expect: [{ at: '"sh -c \'x"', message: /command of "w"/ }] },
  { name: 'balanced and escaped quotes', toml: "[processes]\nweb = 'sh -c \"echo \\\"hi\\\"\"'\napp = \"\"\n[deploy]\nrelease_command = \"bin/migrate --name 'a b'\"\nconsole_command = \"it\\\\'s\"\n", expect: [] },
];

describe('invalid-command', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => expectCase(rule, c));
});
