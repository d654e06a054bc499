import rule from '../../rules/missing-required.js';
import { lines, ruleCases } from './cases.js';

ruleCases(rule, [
  {
    name: 'the description of the missing key keeps an acronym in capitals',
    text: lines('[[statics]]', 'guest_path = "/app/public"'),
    expect: [{ at: '[[statics]]', message: /^\[\[statics\]\] has no "url_prefix" \(URL prefix served from it/ }],
  },
  {
    name: 'a service with ports but no internal_port (an error: flyctl sends port 0, which the Machines API refuses); a [[services]] without ports is left to service-without-ports',
    text: lines('[http_service]', 'force_https = true', '[[services]]', 'protocol = "tcp"', '[[services.ports]]', 'port = 443', '[[services]]', 'protocol = "tcp"'),
    expect: [
      { at: '[http_service]', message: '[http_service] has no "internal_port" (port the app listens on inside the Machine). Add it', severity: 'error' },
      { at: '[[services]]', message: '[[services]] has no "internal_port" (port the app listens on inside the Machine). Add it', severity: 'error' },
    ],
  },
  {
    // flyctl decodes both spellings into one struct: internal_port in [HTTP_Service] is set.
    name: 'a key set in another spelling of the section is there',
    text: lines('[HTTP_Service]', 'internal_port = 8080', '[[http_service.checks]]', 'path = "/"'),
    expect: [],
  },
  {
    name: 'a key set in no spelling of the section is missing, at the header that spells it',
    text: lines('[HTTP_Service]', 'force_https = true', '[[http_service.checks]]', 'path = "/"'),
    expect: [{ at: '[HTTP_Service]', message: '[http_service] has no "internal_port" (port the app listens on inside the Machine). Add it', severity: 'error' }],
  },
  {
    name: 'a mount without destination or source: both errors (flyctl loads it, the deploy fails)',
    text: lines('[[mounts]]', 'source = "data"', '[[mounts]]', 'destination = "/data"', 'processes = ["worker"]'),
    expect: [
      { at: '[[mounts]]', message: '[[mounts]] has no "destination" (where the volume appears in the Machine, e.g. "/data"; not /). Add it' },
      { at: '[[mounts]]', message: '[[mounts]] has no "source" (name of the volume to mount, as fly volumes list shows it). Add it', severity: 'error' },
    ],
  },
  {
    name: 'a legacy single [mounts] table points at its header',
    text: lines('app = "shop"', '', '[mounts]', 'source = "data"'),
    expect: [{ at: '[mounts]', message: /^\[mounts\] has no "destination"/ }],
  },
  {
    name: 'a restart policy without policy, machine checks without command',
    text: lines('[[restart]]', 'retries = 3', '[[machine_checks]]', 'image = "curlimages/curl"', '[http_service]', 'internal_port = 8080', '[[http_service.machine_checks]]', 'image = "alpine"'),
    expect: [
      { at: '[[restart]]', message: '[[restart]] has no "policy" (always, never or on-failure). Add it' },
      { at: '[[machine_checks]]', message: /^\[\[machine_checks\]\] has no "command" \(command the test Machine runs, as a list/ },
      { at: '[[http_service.machine_checks]]', message: /^\[\[http_service\.machine_checks\]\] has no "command"/ },
    ],
  },
  {
    name: 'a file source written in another case is one (flyctl reads Local_Path as local_path)',
    text: lines('[[files]]', 'guest_path = "/etc/app.conf"', 'Local_Path = "app.conf"'),
    expect: [],
  },
  {
    name: 'files and statics',
    text: lines('[[files]]', 'local_path = "config.json"', '[[files]]', 'guest_path = "/etc/app.conf"', '[[statics]]', 'guest_path = "/app/public"'),
    expect: [
      { at: '[[files]]', message: '[[files]] has no "guest_path" (absolute path of the file in the Machine). Add it' },
      { at: '[[files]]', message: '[[files]] sets none of "local_path", "secret_name" or "raw_value": flyctl removes the file from the Machines on the next deploy. Add one', severity: 'error' },
      { at: '[[statics]]', message: /^\[\[statics\]\] has no "url_prefix"/ },
    ],
  },
  {
    name: 'legacy array checks and headers need their names',
    text: lines('[[checks]]', 'type = "tcp"', 'port = 8080', '[[services]]', 'internal_port = 8080', '[[services.http_checks]]', 'path = "/"', '[[services.http_checks.headers]]', 'value = "x"'),
    expect: [
      { at: '[[checks]]', message: /^\[\[checks\]\] has no "name"/ },
      { at: '[[services.http_checks.headers]]', message: /^\[\[services\.http_checks\.headers\]\] has no "name"/ },
    ],
  },
  {
    name: 'complete sections',
    text: lines('[[mounts]]', 'source = "data"', 'destination = "/data"', '[[files]]', 'guest_path = "/a"', 'raw_value = "x"', '[[statics]]', 'url_prefix = "/b"', 'tigris_bucket = "assets"', '[[restart]]', 'policy = "always"', '[[machine_checks]]', 'command = ["true"]'),
    expect: [],
  },
]);
