import rule from '../../rules/key-case.js';
import { lines, ruleCases } from './cases.js';

ruleCases(rule, [
  {
    name: 'keys in another case, fixed to lower case',
    text: lines('APP = "shop"', 'Primary_Region = "ams"', '[HTTP_Service]', 'Internal_Port = 8080'),
    expect: [
      { at: 'APP', message: '"APP" should be written "app": flyctl reads it, but its rewrites of legacy values and `fly config validate --strict` expect lower case', fixed: lines('app = "shop"', 'Primary_Region = "ams"', '[HTTP_Service]', 'Internal_Port = 8080') },
      { at: 'Primary_Region', message: /^"Primary_Region" should be written "primary_region"/ },
      { at: 'HTTP_Service', message: /^"HTTP_Service" should be written "http_service"/, fixed: lines('APP = "shop"', 'Primary_Region = "ams"', '[http_service]', 'Internal_Port = 8080') },
      { at: 'Internal_Port', message: /^"Internal_Port" should be written "internal_port"/ },
    ],
  },
  {
    name: 'a bare-number duration whose meaning the rename changes: a suggestion, not a fix',
    text: lines('Kill_Timeout = 5'),
    expect: [
      {
        at: 'Kill_Timeout',
        message: '"Kill_Timeout" should be written "kill_timeout": flyctl reads it, but converts a bare number only under the lower-case key, so this 5 counts nanoseconds. Renaming changes that to seconds',
        fixed: null,
        suggested: lines('kill_timeout = 5'),
      },
    ],
  },
  {
    // flyctl writes the keys in sorted order and keeps the last: "Primary_Region" beats "PRIMARY_REGION".
    // Renaming the one it reads keeps the value it deploys; renaming the other would swap them.
    name: 'of two spellings in another case, only the one flyctl reads is renamed, in either order',
    text: lines('PRIMARY_REGION = "ord"', 'Primary_Region = "ams"'),
    expect: [{ at: 'Primary_Region', message: /^"Primary_Region" should be written "primary_region"/, fixed: lines('PRIMARY_REGION = "ord"', 'primary_region = "ams"') }],
  },
  {
    name: 'of two spellings written the other way round, still the one that sorts last',
    text: lines('[http_service]', 'INTERNAL_PORT = 8081', 'Internal_Port = 8080'),
    expect: [{ at: 'Internal_Port', message: /^"Internal_Port" should be written "internal_port"/, fixed: lines('[http_service]', 'INTERNAL_PORT = 8081', 'internal_port = 8080') }],
  },
  {
    // flyctl rewrites kill_timeout (and copies [experimental] kill_timeout) only under the lower-case key.
    name: 'a key flyctl rewrites only in lower case: a suggestion, not a fix',
    text: lines('Kill_Timeout = "10s"', '[experimental]', 'kill_timeout = "30s"'),
    expect: [
      { at: 'Kill_Timeout', message: /^"Kill_Timeout" should be written "kill_timeout": flyctl reads it, but rewrites its legacy values only under the lower-case key/, fixed: null, suggested: lines('kill_timeout = "10s"', '[experimental]', 'kill_timeout = "30s"') },
    ],
  },
  {
    name: 'a section spelled so in several headers: renamed in all of them, as a suggestion',
    text: lines('[[Services]]', 'internal_port = 8080', '[[Services.ports]]', 'port = 80', '[HTTP_Service]', 'internal_port = 8081', '[HTTP_Service.concurrency]', 'type = "requests"'),
    expect: [
      { at: 'Services', message: /^"Services" should be written "services": .*Rename it in every header and key that spells it so$/, fixed: null, suggested: lines('[[services]]', 'internal_port = 8080', '[[services.ports]]', 'port = 80', '[HTTP_Service]', 'internal_port = 8081', '[HTTP_Service.concurrency]', 'type = "requests"') },
      { at: 'HTTP_Service', message: /^"HTTP_Service" should be written "http_service": .*Rename it in every header/, fixed: null, suggested: lines('[[Services]]', 'internal_port = 8080', '[[Services.ports]]', 'port = 80', '[http_service]', 'internal_port = 8081', '[http_service.concurrency]', 'type = "requests"') },
    ],
  },
  {
    // Go's JSON decoder fills one map or struct from each spelling: both reach the Machines.
    name: 'two spellings of a table are one table to flyctl, merged, with no rename that would define it twice',
    text: lines('[Env]', 'A = "1"', 'B = "2"', '[env]', 'B = "3"', '[HTTP_Service]', 'force_https = true', '[http_service]', 'internal_port = 8080'),
    expect: [
      { at: 'Env', message: '"Env" at the top level and "env" are one table to flyctl: it reads both, and where both set a key, "env" wins. Move what "Env" sets into "env"', fixed: null, suggested: null },
      { at: 'HTTP_Service', message: /^"HTTP_Service" at the top level and "http_service" are one table to flyctl/, fixed: null, suggested: null },
    ],
  },
  {
    name: 'no rename of a section that a dotted key spells too, which would split it',
    text: lines('Deploy.strategy = "rolling"', '[Deploy.release_command_vm]', 'size = "shared-cpu-1x"'),
    expect: [{ at: 'Deploy', message: /Rename it in every header and key that spells it so$/, fixed: null, suggested: null }],
  },
  {
    // Under [[Services]] flyctl leaves "80" a string and 10000 nanoseconds; under [[services]] they become 80 and 10 s.
    name: 'sections whose legacy values flyctl rewrites only under the lower-case name: a suggestion, not a fix',
    text: lines('[[Services]]', 'internal_port = 8080', '[Checks.alive]', 'type = "tcp"', 'port = 8080', 'interval = 10000'),
    expect: [
      { at: 'Services', message: /^"Services" should be written "services": flyctl reads it, but skips its rewrites of legacy values inside it/, fixed: null, suggested: lines('[[services]]', 'internal_port = 8080', '[Checks.alive]', 'type = "tcp"', 'port = 8080', 'interval = 10000') },
      { at: 'Checks', message: /^"Checks" should be written "checks": flyctl reads it, but skips its rewrites/, fixed: null },
    ],
  },
  {
    name: 'a key spelled so in two tables is renamed in each: renaming a value\'s key splits nothing',
    text: lines('[http_service]', 'Force_Https = true', '[[services.ports]]', 'Force_Https = true'),
    expect: [
      { at: 'Force_Https', message: /^"Force_Https" should be written "force_https": flyctl reads it, but its rewrites of legacy values and `fly config validate --strict` expect lower case$/, fixed: lines('[http_service]', 'force_https = true', '[[services.ports]]', 'Force_Https = true') },
      { at: 'Force_Https', message: /^"Force_Https" should be written "force_https"/, fixed: lines('[http_service]', 'Force_Https = true', '[[services.ports]]', 'force_https = true') },
    ],
  },
  {
    name: 'the same name as a key elsewhere ([env] APP) does not hold back the rename of a top-level key',
    text: lines('APP = "shop"', '[env]', 'APP = "other"'),
    expect: [{ at: 'APP', message: /^"APP" should be written "app"/, fixed: lines('app = "shop"', '[env]', 'APP = "other"') }],
  },
  {
    name: 'names in maps keep their case',
    text: lines('app = "shop"', '[env]', 'Log_Level = "debug"', '[processes]', 'Web = "bin/web"', '[checks.Alive]', 'type = "tcp"', 'port = 8080'),
    expect: [],
  },
]);
