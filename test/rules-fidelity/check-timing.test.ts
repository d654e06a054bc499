import { describe, it } from 'vitest';
import rule from '../../rules/check-timing.js';
import { expectCase, type Case } from './helpers.js';

const cases: Case[] = [
  { name: 'a check without a type', toml: '[checks.alive]\nport = 8080\n', expect: [{ at: 'alive', message: /^\[checks\.alive\] has no type: flyctl rejects it\. Add type = "http" or type = "tcp"$/, severity: 'error' }] },
  { name: 'a type in upper case', toml: '[checks.alive]\ntype = "HTTP"\nport = 8080\n', expect: [{ at: '"HTTP"', message: /type = "HTTP" is not a check type.*"http" or "tcp" \(lower case\)/ }] },
  {
    name: 'interval under 2 s and timeout over 60 s',
    toml: '[checks.alive]\ntype = "tcp"\nport = 8080\ninterval = "1s"\ntimeout = 90000\n',
    expect: [
      { at: '"1s"', message: /^\[checks\.alive\] interval is 1s: flyctl rejects intervals under 2 seconds\. Use "2s" or more$/, severity: 'error' },
      { at: '90000', message: /^\[checks\.alive\] timeout is 1m30s: flyctl rejects timeouts over 60 seconds/, severity: 'error' },
    ],
  },
  { name: 'no port and no [http_service]', toml: '[checks.alive]\ntype = "tcp"\n', expect: [{ at: 'alive', message: /has no port, and process group "app" has no \[http_service\].*the deploy fails/, severity: 'error' }] },
  {
    name: 'no port in a group the [http_service] does not serve',
    toml: '[processes]\nweb = "w"\nworker = "k"\n[http_service]\ninternal_port = 8080\nprocesses = ["web"]\n[checks.busy]\ntype = "http"\nprocesses = ["worker"]\n',
    expect: [{ at: 'busy', message: /process group "worker" has no \[http_service\]/ }],
  },
  { name: 'legacy [[checks]] point at the name', toml: '[[checks]]\nname = "pg"\nport = 5500\n', expect: [{ at: 'name = "pg"', message: /^\[checks\.pg\] has no type/ }] },
  {
    name: 'service checks outside 1 s … 1 min are clamped',
    toml: '[[services]]\n[[services.tcp_checks]]\ninterval = 500\ngrace_period = "500ms"\n[[services.http_checks]]\ntimeout = "2m"\n',
    expect: [
      { at: '500', message: /^\[\[services\.tcp_checks\]\] interval is 500ms: flyctl raises it to 1 second/, severity: 'warning' },
      { at: '"500ms"', message: /grace_period is 500ms: flyctl raises it to 1 second/, severity: 'warning' },
      { at: '"2m"', message: /^\[\[services\.http_checks\]\] timeout is 2m: flyctl lowers it to 1 minute/, severity: 'warning' },
    ],
  },
  { name: 'a fine top-level check', toml: '[checks.alive]\ntype = "tcp"\nport = 8080\ninterval = "15s"\ntimeout = "2s"\n', expect: [] },
  { name: 'the port comes from [http_service]', toml: '[http_service]\ninternal_port = 8080\n[checks.alive]\ntype = "tcp"\n', expect: [] },
  { name: 'bare nanoseconds are ambiguous-duration’s finding; zero grace is fine', toml: '[http_service]\n[[http_service.checks]]\ninterval = 5000\ngrace_period = 0\n', expect: [] },
];

describe('check-timing', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => expectCase(rule, c));
});
