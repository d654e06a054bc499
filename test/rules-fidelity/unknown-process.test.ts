import { describe, it } from 'vitest';
import rule from '../../rules/unknown-process.js';
import { expectCase, type Case } from './helpers.js';

const groups = '[processes]\nweb = "bin/web"\nworker = "bin/worker"\n\n';

const cases: Case[] = [
  { name: 'a service names a missing group', toml: `${groups}[http_service]\nprocesses = ["app"]\n`, expect: [{ at: '"app"', message: /^\[http_service\] names the process group "app", but \[processes\] defines "web", "worker": flyctl rejects the config\. Name one of the defined groups$/, severity: 'error' }] },
  { name: 'a typo in [[restart]]', toml: `${groups}[[restart]]\npolicy = "always"\nprocesses = ["wrker"]\n`, expect: [{ at: '"wrker"', message: /^\[\[restart\]\] names the process group "wrker".*flyctl rejects the config\. Did you mean "worker"\?$/, severity: 'error' }] },
  { name: 'without [processes] the only group is app', toml: '[[services]]\nprocesses = ["web"]\n[[services.ports]]\nport = 80\n', expect: [{ at: '"web"', message: /there is no \[processes\] section, so the only group is "app"/ }] },
  {
    name: 'sections flyctl accepts but apply to nothing',
    toml: `${groups}[[mounts]]\nsource = "d"\ndestination = "/d"\nprocesses = ["wokrer"]\n[[vm]]\nprocesses = ["db"]\n[[metrics]]\nport = 9091\nprocesses = ["web", "api"]\n[[files]]\nguest_path = "/x"\nprocesses = ["job"]\n[checks.c]\nprocesses = ["jobs"]\n`,
    expect: [
      { at: '"wokrer"', message: /^\[\[mounts\]\] names .*flyctl accepts this, and the section applies to no Machine\. Did you mean "worker"\?$/, severity: 'warning' },
      { at: '"db"', message: /^\[\[vm\]\]/, severity: 'warning' },
      { at: '"api"', message: /^\[\[metrics\]\]/, severity: 'warning' },
      { at: '"job"', message: /^\[\[files\]\]/, severity: 'warning' },
      { at: '"jobs"', message: /^\[checks\.c\]/, severity: 'warning' },
    ],
  },
  { name: 'defined groups', toml: `${groups}[http_service]\nprocesses = ["web"]\n[[restart]]\npolicy = "always"\nprocesses = ["worker"]\n[[vm]]\nprocesses = ["web", "worker"]\n`, expect: [] },
  { name: 'app without [processes]', toml: '[http_service]\nprocesses = ["app"]\n', expect: [] },
];

describe('unknown-process', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => expectCase(rule, c));
});
