import { describe, expect, it } from 'vitest';
import { keyInfo, keyLocations, keysAt, subschemaAt } from '../../server/src/schema/schema-lookup.js';

describe('schema lookups for hover and completion', () => {
  it.each([
    [['services', 0, 'ports', 0, 'handlers'], { types: ['array'], enum: ['http', 'tls', 'pg_tls', 'proxy_proto'] }],
    [['services', 'ports', 'handlers'], { types: ['array'], enum: ['http', 'tls', 'pg_tls', 'proxy_proto'] }],
    [['http_service', 'auto_stop_machines'], { types: ['boolean', 'string'], default: 'off', enum: [true, false, 'off', 'stop', 'suspend'] }],
    [['kill_timeout'], { types: ['string', 'number'], default: '5s', durationUnit: 's' }],
    [['http_service', 'checks', 0, 'interval'], { durationUnit: 'ns' }],
    [['checks', 'alive', 'interval'], { durationUnit: 'ms' }],
    [['deploy', 'release_command_vm', 'cpu_kind'], { types: ['string'], enum: ['shared', 'performance'], default: 'shared' }],
    [['experimental', 'allowed_public_ports'], { deprecated: expect.stringContaining('Nomad') }],
    [['compute'], { aliasOf: 'vm', shape: 'table-or-array', types: ['array', 'object'] }],
    [['http_service'], { shape: 'table', types: ['object'] }],
    [['restart'], { shape: 'array-of-tables', types: ['array'] }],
  ] as const)('keyInfo(%j)', (path, expected) => {
    const info = keyInfo(path);
    expect(info).toMatchObject(expected);
    expect(info!.description).toMatch(/\[Fly\.io docs\]\(https:\/\/fly\.io\/docs\//);
  });

  it('steps through maps to their values', () => {
    expect(keyInfo(['build', 'args', 'NODE_VERSION'])).toMatchObject({ types: ['string'] });
    expect(keyInfo(['checks', 'alive'])).toMatchObject({ types: ['object'] });
  });

  it('knows no schema for unknown keys', () => {
    expect(subschemaAt(['http_service', 'auto_stop_machine'])).toBeUndefined();
    expect(keyInfo(['nope'])).toBeUndefined();
  });

  it.each([
    [['http_service'], ['internal_port', 'auto_stop_machines', 'checks', 'machine_checks'], ['ports', 'protocol']],
    [['services', 0], ['internal_port', 'ports', 'tcp_checks', 'http_checks'], ['checks']],
    [['services'], ['internal_port', 'ports'], []],
    [['checks', 'alive'], ['type', 'port', 'interval', 'headers'], ['name']],
    [[], ['app', 'primary_region', 'build', 'vm'], ['interval']],
  ] as const)('keysAt(%j)', (path, present, absent) => {
    const keys = Object.keys(keysAt(path));
    expect(keys).toEqual(expect.arrayContaining([...present]));
    for (const k of absent) expect(keys).not.toContain(k);
  });

  it('lists no keys inside maps', () => {
    expect(keysAt(['env'])).toEqual({});
    expect(keysAt(['processes'])).toEqual({});
  });

  it.each([
    ['swap_size_mb', [[]]],
    ['force_https', [['http_service'], ['services', 'ports']]],
    ['interval', [['services', 'tcp_checks'], ['services', 'http_checks'], ['http_service', 'checks'], ['checks', '<name>']]],
  ])('keyLocations(%j)', (key, where) => {
    expect(keyLocations(key)).toEqual(expect.arrayContaining(where));
    expect(keyLocations(key)).toHaveLength(where.length);
  });
});
