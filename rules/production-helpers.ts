/** Shared by the production rules: where a top-level key goes, and the app line to report on. */
import type { RuleContext } from '../server/src/lint/rule.js';
import type { OffsetRange } from '../server/src/lint/types.js';
import { lookup, type Service } from '../server/src/fly/model.js';
import { insertKeyFix } from '../server/src/edit/insert-key.js';
import type { Fix } from '../server/src/lint/types.js';

/** A whole-file finding points at the `app` line (or the first line). */
export function appRange(context: RuleContext): OffsetRange {
  const app = context.config.app;
  if (app) return [app.key.start, app.node.end];
  const first = context.doc.tokenList.find((t) => t.kind !== 'whitespace' && t.kind !== 'newline' && t.kind !== 'bom' && t.kind !== 'comment');
  return first ? [first.start, first.end] : [0, 0];
}

/** Sets a key of a service: replaces its value when present, inserts it otherwise. */
export function setServiceKey(context: RuleContext, service: Service, key: string, valueText: string): Fix | undefined {
  // The spelling flyctl reads, in any case: a second spelling beside it would be a key-case finding of its own.
  const existing = lookup(service.table, key);
  if (existing && existing.value.type !== 'table' && existing.value.type !== 'array') {
    return { range: [existing.value.node.start, existing.value.node.end], text: valueText };
  }
  if (existing || service.implicit) return undefined;
  return insertKeyFix(context.doc, context.text, service.table, key, valueText);
}

/** Services that take traffic from the internet: [http_service], or [[services]] with ports. */
export function publicServices(services: readonly Service[]): Service[] {
  return services.filter((s) => s.kind === 'http_service' || s.ports.length > 0);
}
