/**
 * What a command line says about the port the app listens on: `--port 8080`, `--port=8080`,
 * `-p 8080`, `--bind 0.0.0.0:8080`, `-b :8080`, `0.0.0.0:8080`, `[::]:8080`, `PORT=8080`, any
 * `--…port` flag (`--http-port 8080`, `--server.port=8080`). A value that is a variable
 * (`--port $PORT`) says the port is set elsewhere: `variable`.
 */

export interface ListenEvidence {
  ports: number[];
  variable: boolean;
}

const VALUE = String.raw`(\$\{?[A-Za-z_][A-Za-z0-9_]*\}?|\d{1,5}(?!\d))`;
const PATTERNS: RegExp[] = [
  new RegExp(String.raw`(?:^|[\s"'])--?[A-Za-z0-9._-]*port[A-Za-z0-9._-]*(?:=|\s+)["']?${VALUE}`, 'gi'),
  new RegExp(String.raw`(?:^|[\s"'])-p(?:=|\s*)["']?${VALUE}`, 'g'),
  new RegExp(String.raw`(?:^|[\s"'])(?:--bind|--listen|--host|-b|-l)(?:=|\s+)["']?[^\s"':]*:${VALUE}`, 'gi'),
  new RegExp(String.raw`(?:^|[\s"'=,])(?:0\.0\.0\.0|\[::\]|::|localhost|127\.0\.0\.1|\*)?:${VALUE}`, 'g'),
  new RegExp(String.raw`\bPORT=["']?${VALUE}`, 'g'),
];

export function listenEvidence(commands: readonly string[]): ListenEvidence {
  const ports = new Set<number>();
  let variable = false;
  for (const command of commands) {
    for (const pattern of PATTERNS) {
      pattern.lastIndex = 0;
      for (const m of command.matchAll(pattern)) {
        const value = m[1]!;
        if (value.startsWith('$')) variable = true;
        else {
          const port = Number(value);
          if (port > 0 && port < 65536) ports.add(port);
        }
      }
    }
  }
  return { ports: [...ports].sort((a, b) => a - b), variable };
}
