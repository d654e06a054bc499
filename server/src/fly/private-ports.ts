/**
 * Ports of databases and internal services that should not be reachable from the internet
 * (reference §8.3). The Fly docs name the first list; the second holds conventional ports the
 * docs do not name, which many ordinary apps use too (9000, 8086 …), so a config must say which
 * service it runs (image, command, app name, volume) before such a port counts.
 */
import type { FlyConfig } from './config-types.js';

/** Ports the Fly docs name for databases and Fly Postgres internals. */
export const DOCUMENTED_PRIVATE_PORTS: Readonly<Record<number, string>> = {
  5432: 'Postgres via PgBouncer/leader',
  5433: 'Postgres direct',
  5500: 'Fly Postgres health checks',
  9187: 'Fly Postgres metrics',
  3306: 'MySQL',
  6379: 'Redis',
};

/** Conventional ports of internal services (heuristic), with the words that show the config runs that service. */
export const CONVENTIONAL_PRIVATE_PORTS: Readonly<Record<number, { name: string; words: RegExp }>> = {
  27017: { name: 'MongoDB', words: /mongo/i },
  9200: { name: 'Elasticsearch', words: /elastic|opensearch/i },
  5672: { name: 'RabbitMQ', words: /rabbit|amqp/i },
  4222: { name: 'NATS', words: /nats/i },
  2379: { name: 'etcd', words: /etcd/i },
  11211: { name: 'Memcached', words: /memcache/i },
  9042: { name: 'Cassandra', words: /cassandra|scylla/i },
  26257: { name: 'CockroachDB', words: /cockroach/i },
  8086: { name: 'InfluxDB', words: /influx/i },
  9092: { name: 'Kafka', words: /kafka|redpanda/i },
  9000: { name: 'ClickHouse native', words: /clickhouse/i },
  8123: { name: 'ClickHouse HTTP', words: /clickhouse/i },
};

/** Every port either list names, ascending (for port ranges). */
export const PRIVATE_PORT_NUMBERS: readonly number[] = [...Object.keys(DOCUMENTED_PRIVATE_PORTS), ...Object.keys(CONVENTIONAL_PRIVATE_PORTS)].map(Number).sort((a, b) => a - b);

/** What a config says about the software it runs: app name, image, Dockerfile, commands, volumes. */
function selfDescription(config: FlyConfig): string {
  const parts: Array<string | undefined> = [
    config.appName,
    config.build?.image?.value,
    config.build?.dockerfile?.value,
    ...config.processes.map((p) => p.command?.value),
    ...(config.experimental?.cmd?.value ?? []),
    ...(config.experimental?.entrypoint?.value ?? []),
    ...config.mounts.flatMap((m) => [m.source?.value, m.destination?.value]),
  ];
  return parts.filter(Boolean).join('\n');
}

/** The service a port belongs to, when it is a private port for this config: documented, or conventional and corroborated. */
export function privatePortName(config: FlyConfig, port: number | undefined): string | undefined {
  if (port === undefined) return undefined;
  const documented = DOCUMENTED_PRIVATE_PORTS[port];
  if (documented) return documented;
  const conventional = CONVENTIONAL_PRIVATE_PORTS[port];
  return conventional && conventional.words.test(selfDescription(config)) ? conventional.name : undefined;
}
