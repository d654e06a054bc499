import { describe, it } from 'vitest';
import rule from '../../rules/service-without-ports.js';
import { expectCase, type Case } from './helpers.js';

const cases: Case[] = [
  { name: 'a service with no ports', toml: '[[services]]\ninternal_port = 8080\nprotocol = "tcp"\n', expect: [{ at: '[[services]]', message: /^\[\[services\]\] #1 \(internal_port 8080\) exposes no port, so no traffic reaches it: add a \[\[services\.ports\]\] section after it, or remove the service$/, severity: 'warning' }] },
  { name: 'an empty ports list', toml: '[[services]]\ninternal_port = 1\nports = []\n[[services]]\ninternal_port = 2\n[[services.ports]]\nport = 80\n', expect: [{ at: '[[services]]', message: /#1/ }] },
  { name: 'a single [services] table', toml: '[services]\ninternal_port = 9\n', expect: [{ at: '[services]', message: /exposes no port/ }] },
  { name: 'a service with a port', toml: '[[services]]\ninternal_port = 8080\n[[services.ports]]\nport = 443\nhandlers = ["tls", "http"]\n', expect: [] },
  { name: '[http_service] has its ports implied; empty services are dropped', toml: '[http_service]\ninternal_port = 8080\n[[services]]\n', expect: [] },
];

describe('service-without-ports', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => expectCase(rule, c));
});
