import { describe, it } from 'vitest';
import rule from '../../rules/service-missing-processes.js';
import { expectCase, type Case } from './helpers.js';

const groups = '[processes]\nweb = "bin/web"\nworker = "bin/worker"\n\n';

const cases: Case[] = [
  { name: '[http_service] without processes', toml: `${groups}[http_service]\ninternal_port = 8080\n`, expect: [{ at: '[http_service]', message: /^\[http_service\] names no process group, but \[processes\] defines "web", "worker": flyctl rejects the config\. Add processes = \["web"\]/, severity: 'error', suggestion: 'internal_port = 8080\nprocesses = ["web"]' }] },
  { name: 'an empty list counts as none', toml: `${groups}[[services]]\ninternal_port = 8080\nprocesses = []\n`, expect: [{ at: '[]', message: /^\[\[services\]\] #1 names no process group/, suggestion: 'processes = ["web"]' }] },
  { name: 'legacy [[processes]] define groups too', toml: '[[processes]]\nname = "web"\ncommand = "w"\n[[services]]\ninternal_port = 1\n[[services.ports]]\nport = 80\n', expect: [{ at: '[[services]]', message: /defines "web"/ }] },
  { name: 'the default group app is preferred', toml: "[processes]\napp = 'a'\nworker = 'k'\n[http_service]\n", expect: [{ at: '[http_service]', message: /Add processes = \['app'\]/ }] },
  { name: 'services that name their groups', toml: `${groups}[http_service]\nprocesses = ["web"]\n[[services]]\nprocesses = ["worker"]\n`, expect: [] },
  { name: 'no [processes]', toml: '[http_service]\ninternal_port = 8080\n', expect: [] },
  { name: 'an empty [processes]', toml: '[processes]\n[http_service]\ninternal_port = 8080\n', expect: [] },
];

describe('service-missing-processes', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => expectCase(rule, c));
});
