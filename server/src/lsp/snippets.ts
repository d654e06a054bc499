/** Section skeletons offered by completion on an empty line; each writes what the Fly docs recommend. */

export interface SectionSnippet {
  /** The table it creates; not offered when that (non-array) table already exists. */
  table: string;
  array: boolean;
  description: string;
  body: string;
}

export const SECTION_SNIPPETS: readonly SectionSnippet[] = [
  {
    table: 'http_service',
    array: false,
    description: 'A public HTTP service on ports 80/443 with HTTPS redirect and autostop/autostart',
    body: '[http_service]\n  internal_port = ${1:8080}\n  force_https = true\n  auto_stop_machines = "${2|stop,suspend,off|}"\n  auto_start_machines = true\n  min_machines_running = ${3:1}\n  processes = ["${4:app}"]\n',
  },
  {
    table: 'http_service.checks',
    array: true,
    description: 'An HTTP health check for [http_service] (units written out: a bare number here is nanoseconds)',
    body: '[[http_service.checks]]\n  interval = "${1:15s}"\n  timeout = "${2:2s}"\n  grace_period = "${3:10s}"\n  method = "GET"\n  path = "${4:/healthz}"\n',
  },
  {
    table: 'services',
    array: true,
    description: 'A TCP service with its public ports and a TCP check',
    body: '[[services]]\n  internal_port = ${1:8080}\n  protocol = "tcp"\n  auto_stop_machines = "${2|stop,suspend,off|}"\n  auto_start_machines = true\n  min_machines_running = ${3:1}\n\n  [[services.ports]]\n    port = ${4:443}\n    handlers = ["tls", "http"]\n\n  [[services.tcp_checks]]\n    interval = "15s"\n    timeout = "2s"\n    grace_period = "1s"\n',
  },
  {
    table: 'vm',
    array: true,
    description: 'Machine size: CPU kind and count, memory',
    body: '[[vm]]\n  cpu_kind = "${1|performance,shared|}"\n  cpus = ${2:1}\n  memory = "${3:2gb}"\n',
  },
  {
    table: 'mounts',
    array: true,
    description: 'A volume mounted into the Machine',
    body: '[[mounts]]\n  source = "${1:data}"\n  destination = "${2:/data}"\n  initial_size = "${3:1gb}"\n',
  },
  {
    table: 'deploy',
    array: false,
    description: 'Deploy strategy and release command',
    body: '[deploy]\n  strategy = "${1|rolling,bluegreen,canary,immediate|}"\n  release_command = "${2:bin/migrate}"\n',
  },
  {
    table: 'metrics',
    array: false,
    description: "Prometheus metrics scraped into Fly's managed Grafana",
    body: '[metrics]\n  port = ${1:9091}\n  path = "${2:/metrics}"\n',
  },
];

/** The snippet body without tab stops, for clients that cannot expand snippets. */
export function plainBody(body: string): string {
  return body.replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}
