import type { Rule, RuleReport } from '../server/src/lint/rule.js';
import type { Mount, SizeField } from '../server/src/fly/model.js';
import { keyRange, tableRange, valueRange } from './rule-helpers.js';
import { isPlaceholder } from '../server/src/fly/placeholder.js';

function written(field: SizeField): string {
  return typeof field.value === 'string' ? `"${field.value}"` : String(field.value);
}

/** A volume size flyctl reads as whole decimal GB; undefined when it reads fine and is in range. */
function sizeProblem(field: SizeField, volume: string, min: number, max: number): string | undefined {
  const key = field.key.name;
  // A template's placeholder (`"$SIZE"`) is filled in before the deploy.
  if (field.size === undefined && typeof field.value === 'string' && isPlaceholder(field.value)) return undefined;
  if (field.size === undefined) return `${key} = ${written(field)} of ${volume} is not a size flyctl can read (${field.error ?? 'invalid size'}): write e.g. "10gb"`;
  const reading = `${field.size} GB (volume sizes use decimal units and are rounded down to whole GB)`;
  if (field.size < min) return `${key} = ${written(field)} of ${volume} is ${reading}; the smallest is ${min} GB: write "${min}gb" or more`;
  if (field.size > max) return `${key} = ${written(field)} of ${volume} is ${reading}; the largest is ${max} GB`;
  return undefined;
}

function check(m: Mount, report: (r: RuleReport) => void): void {
  const volume = m.source ? `volume "${m.source.value}"` : 'this mount';
  if (m.initialSize) {
    const problem = sizeProblem(m.initialSize, volume, 1, Infinity);
    if (problem) report({ message: `${problem}. flyctl rejects the config`, range: valueRange(m.initialSize) });
  }
  const retention = m.snapshotRetention;
  if (retention && (retention.value < 1 || retention.value > 60)) {
    report({ message: `snapshot_retention = ${retention.value} of ${volume} is outside 1–60 days: flyctl rejects it. Use a number of days from 1 to 60`, range: valueRange(retention) });
  }
  // flyctl treats a zero threshold and empty sizes as unset.
  const threshold = m.autoExtendSizeThreshold && m.autoExtendSizeThreshold.value !== 0 ? m.autoExtendSizeThreshold : undefined;
  const increment = m.autoExtendSizeIncrement && m.autoExtendSizeIncrement.value !== '' ? m.autoExtendSizeIncrement : undefined;
  const limit = m.autoExtendSizeLimit && m.autoExtendSizeLimit.value !== '' ? m.autoExtendSizeLimit : undefined;
  if (!threshold && !increment && !limit) return;
  if (threshold && !increment && !limit) {
    report({ message: `auto_extend_size_threshold of ${volume} is set without auto_extend_size_increment: flyctl rejects it. Add auto_extend_size_increment (e.g. "1gb") and auto_extend_size_limit`, range: keyRange(threshold) });
    return;
  }
  if (!threshold || threshold.value < 50 || threshold.value > 99) {
    report({
      message: threshold
        ? `auto_extend_size_threshold = ${threshold.value} of ${volume} must be between 50 and 99 (percent full)`
        : `Auto-extend of ${volume} needs auto_extend_size_threshold between 50 and 99 (percent full): flyctl rejects it without one`,
      range: threshold ? valueRange(threshold) : tableRange(m.table),
    });
  }
  if (!increment) report({ message: `Auto-extend of ${volume} needs auto_extend_size_increment between 1 and 100 GB: flyctl rejects it without one`, range: limit ? keyRange(limit) : tableRange(m.table) });
  else {
    const problem = sizeProblem(increment, volume, 1, 100);
    if (problem) report({ message: problem, range: valueRange(increment) });
  }
  if (limit) {
    const problem = sizeProblem(limit, volume, 1, 500);
    if (problem) report({ message: problem, range: valueRange(limit) });
  }
}

const rule: Rule = {
  meta: {
    id: 'invalid-mount',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'none',
    summary: 'A volume mount setting flyctl rejects',
    why: 'flyctl rejects an `initial_size` that does not parse or is under 1 GB (volume sizes count decimal units and round down: `"1500mb"` is 1 GB, `"500mb"` is 0), a `snapshot_retention` outside 1–60 days, and auto-extend settings that are incomplete or out of range (threshold 50–99 %, increment 1–100 GB, limit 1–500 GB).',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-mounts-section',
    examples: { bad: 'app = "shop"\n\n[[mounts]]\nsource = "data"\ndestination = "/data"\ninitial_size = "500mb"\n', good: 'app = "shop"\n\n[[mounts]]\nsource = "data"\ndestination = "/data"\ninitial_size = "1gb"\n' },
  },
  check({ config, report }) {
    for (const m of config.mounts) check(m, report);
  },
};
export default rule;
