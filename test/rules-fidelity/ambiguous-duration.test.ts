import { describe, it } from 'vitest';
import rule from '../../rules/ambiguous-duration.js';
import { expectCase, type Case } from './helpers.js';

const cases: Case[] = [
  {
    name: 'a bare number in [[http_service.checks]] is nanoseconds',
    toml: '[http_service]\ninternal_port = 8080\n\n[[http_service.checks]]\ninterval = 10000\n',
    expect: [{ at: '10000', message: /^\[\[http_service\.checks\]\] interval = 10000 is 10 microseconds \(a bare number here counts nanoseconds\), which flyctl then raises to 1 second\. Write the unit, e\.g\. "10s"$/, severity: 'warning', suggestion: 'interval = "10s"' }],
  },
  {
    name: 'deploy timeouts',
    toml: '[deploy]\nwait_timeout = 300\nrelease_command_timeout = 600\n',
    expect: [
      { at: '300', message: /^\[deploy\] wait_timeout = 300 is 300 nanoseconds .*"5m"$/, suggestion: 'wait_timeout = "5m"' },
      { at: '600', message: /release_command_timeout = 600 is 600 nanoseconds/, suggestion: 'release_command_timeout = "10m"' },
    ],
  },
  {
    name: 'machine checks, at the top and in a service',
    toml: "app = 'a'\n[[machine_checks]]\nkill_timeout = 30\n[http_service]\n[[http_service.machine_checks]]\nkill_timeout = 5\n",
    expect: [
      { at: '5', message: /^\[\[http_service\.machine_checks\]\] kill_timeout = 5 is 5 nanoseconds/, suggestion: "kill_timeout = '5s'" },
      { at: '30', message: /^\[\[machine_checks\]\] kill_timeout = 30 is 30 nanoseconds/, suggestion: "kill_timeout = '30s'" },
    ],
  },
  {
    name: 'a key not in lower case skips the seconds or milliseconds conversion',
    toml: 'Kill_Timeout = 5\n[[services]]\n[[services.tcp_checks]]\nInterval = 10000\n',
    expect: [
      { at: '5', message: /^Kill_Timeout = 5 is 5 nanoseconds \(flyctl converts bare numbers only for "kill_timeout" spelled in lower case/, suggestion: 'Kill_Timeout = "5s"' },
      { at: '10000', message: /Interval = 10000 is 10 microseconds .*"interval" spelled in lower case.*"10s"/, suggestion: 'Interval = "10s"' },
    ],
  },
  { name: 'kill_timeout counts seconds', toml: 'kill_timeout = 5\n', expect: [] },
  { name: 'service checks count milliseconds', toml: '[[services]]\n[[services.http_checks]]\ninterval = 10000\n[checks.a]\ntimeout = 2000\n', expect: [] },
  { name: 'units written out, and zero', toml: '[[http_service.checks]]\ninterval = "10s"\ngrace_period = 0\n[deploy]\nwait_timeout = "5m"\n', expect: [] },
];

describe('ambiguous-duration', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => expectCase(rule, c));
});
