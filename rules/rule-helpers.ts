/** Small helpers the rule modules share (ranges of model fields, service and section names). */
import type { Field } from '../server/src/fly/model.js';
import type { OffsetRange } from '../server/src/lint/types.js';
import type { TomlTable } from '../server/src/toml/values.js';
import { rangeOfValue } from '../server/src/schema/locate.js';

export function valueRange(field: Pick<Field<unknown>, 'node'>): OffsetRange {
  return [field.node.start, field.node.end];
}

export function keyRange(field: Pick<Field<unknown>, 'key'>): OffsetRange {
  return [field.key.start, field.key.end];
}

/** Where a table starts: its header, or the key that makes it. */
export function tableRange(table: TomlTable): OffsetRange {
  return rangeOfValue({ value: table });
}

/** `port 5432`, `ports 80 and 443`, `ports 80, 443 and 8080`: ports named in a message. */
export function portList(ports: readonly number[]): string {
  return ports.length === 1 ? `port ${ports[0]}` : `ports ${ports.slice(0, -1).join(', ')} and ${ports[ports.length - 1]}`;
}
