import { describe, it } from 'vitest';
import rule from '../../rules/deploy-strategy.js';
import { expectCase, type Case } from './helpers.js';

const cases: Case[] = [
  { name: 'a misspelt strategy', toml: '[deploy]\nstrategy = "blue-green"\n', expect: [{ at: '"blue-green"', message: /^\[deploy\] strategy = "blue-green" is not a strategy flyctl knows: use "rolling", "immediate", "canary" or "bluegreen"\. Did you mean "bluegreen"\?$/, suggestion: 'strategy = "bluegreen"' }] },
  { name: 'strategies are case-sensitive', toml: "[deploy]\nstrategy = 'Rolling'\n", expect: [{ at: "'Rolling'", message: /Did you mean "rolling"/, suggestion: "strategy = 'rolling'" }] },
  { name: 'an unknown strategy', toml: '[deploy]\nstrategy = "rolling-eyes"\n', expect: [{ at: '"rolling-eyes"', message: /is not a strategy flyctl knows/ }] },
  { name: 'canary with a volume', toml: '[deploy]\nstrategy = "canary"\n[[mounts]]\nsource = "d"\ndestination = "/d"\n', expect: [{ at: '"canary"', message: /cannot be used with volumes/, suggestion: 'strategy = "rolling"' }] },
  { name: 'bluegreen without any check', toml: '[deploy]\nstrategy = "bluegreen"\n[http_service]\ninternal_port = 8080\n', expect: [{ at: '"bluegreen"', message: /needs at least one health check.*the deploy fails/ }] },
  { name: 'bluegreen with a service check', toml: '[deploy]\nstrategy = "bluegreen"\n[[services]]\n[[services.tcp_checks]]\ninterval = "10s"\n', expect: [] },
  { name: 'bluegreen with a top-level check', toml: '[deploy]\nstrategy = "bluegreen"\n[checks.a]\ntype = "tcp"\nport = 1\n', expect: [] },
  { name: 'canary without volumes, empty and unset strategies', toml: '[deploy]\nstrategy = "canary"\n', expect: [] },
  { name: 'empty strategy means the default', toml: '[deploy]\nstrategy = ""\n', expect: [] },
];

describe('deploy-strategy', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => expectCase(rule, c));
});
