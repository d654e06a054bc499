import type { Rule } from '../server/src/lint/rule.js';
import { shellSplitError } from '../server/src/fly/shell-split.js';
import { valueRange } from './rule-helpers.js';

const rule: Rule = {
  meta: {
    id: 'invalid-command',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'none',
    summary: 'A command that does not split into words',
    why: 'flyctl splits `release_command`, `console_command` and every `[processes]` command into words as a shell would, and rejects the config when a quote is left open or a command ends with a backslash.',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-processes-section',
    examples: { bad: 'app = "shop"\n\n[processes]\nweb = "bin/server --name \'shop"\n', good: 'app = "shop"\n\n[processes]\nweb = "bin/server --name \'shop\'"\n' },
  },
  check({ config, report }) {
    const commands = [
      ...(config.deploy?.releaseCommand ? [{ field: config.deploy.releaseCommand, what: '[deploy] release_command' }] : []),
      ...(config.consoleCommand ? [{ field: config.consoleCommand, what: 'console_command' }] : []),
      ...config.processes.flatMap((p) => (p.command ? [{ field: p.command, what: `the [processes] command of "${p.name}"` }] : [])),
    ];
    for (const { field, what } of commands) {
      const problem = shellSplitError(field.value);
      if (problem) report({ message: `flyctl cannot split ${what} into words because ${problem}: it rejects the config. Close the quote or escape it`, range: valueRange(field) });
    }
  },
};
export default rule;
