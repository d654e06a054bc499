import type { Rule } from '../server/src/lint/rule.js';
import { numberField, stringField } from '../server/src/fly/model.js';
import { volumeGb } from '../server/src/fly/units.js';
import { keyRange, tableRange, valueRange } from './rule-helpers.js';

function nonZero<T extends { value: number }>(f: T | undefined): T | undefined {
  return f && f.value !== 0 ? f : undefined;
}

function nonEmpty<T extends { value: string }>(f: T | undefined): T | undefined {
  return f && f.value !== '' ? f : undefined;
}

const rule: Rule = {
  meta: {
    id: 'invalid-mount',
    category: 'schema',
    severity: 'error',
    env: 'any',
    fix: 'none',
    summary: 'A volume mount setting flyctl rejects',
    why: 'flyctl rejects an `initial_size` that does not parse or is under 1 GB, a `snapshot_retention` outside 1–60 days, and auto-extend settings that are incomplete or out of range (threshold 50–99 %, increment 1–100 GB, limit 1–500 GB).',
    flyDocs: 'https://fly.io/docs/reference/configuration/#the-mounts-section',
    examples: { bad: 'app = "shop"\n\n[[mounts]]\nsource = "data"\ndestination = "/data"\ninitial_size = "500mb"\n', good: 'app = "shop"\n\n[[mounts]]\nsource = "data"\ndestination = "/data"\ninitial_size = "1gb"\n' },
  },
  check({ config, report }) {
    for (const m of config.mounts) {
      const name = m.source?.value ?? 'this mount';
      if (m.initialSize) {
        if (m.initialSizeGb === undefined) report({ message: `initial_size "${m.initialSize.value}" of ${name} is not a size: write e.g. "10gb"`, range: valueRange(m.initialSize) });
        else if (m.initialSizeGb < 1) report({ message: `initial_size "${m.initialSize.value}" of ${name} is under 1 GB, the smallest volume`, range: valueRange(m.initialSize) });
      }
      const retention = m.snapshotRetention;
      if (retention && (retention.value < 1 || retention.value > 60)) report({ message: `snapshot_retention = ${retention.value}: snapshots are kept 1 to 60 days`, range: valueRange(retention) });
      // flyctl treats zero and empty values as unset.
      const threshold = nonZero(numberField(m.table, 'auto_extend_size_threshold'));
      const increment = nonEmpty(stringField(m.table, 'auto_extend_size_increment'));
      const limit = nonEmpty(stringField(m.table, 'auto_extend_size_limit'));
      if (!threshold && !increment && !limit) continue;
      const gb = (f: typeof increment) => (f ? volumeGb(f.value) : undefined);
      if (threshold && !increment && !limit) report({ message: 'auto_extend_size_threshold needs auto_extend_size_increment (and usually auto_extend_size_limit)', range: keyRange(threshold) });
      if (!threshold || threshold.value < 50 || threshold.value > 99) report({ message: 'auto_extend_size_threshold must be between 50 and 99 (percent) when auto-extend is used', range: threshold ? valueRange(threshold) : tableRange(m.table) });
      const inc = gb(increment);
      if (increment && inc === undefined) report({ message: `auto_extend_size_increment "${increment.value}" is not a size`, range: valueRange(increment) });
      else if (!increment || inc! < 1 || inc! > 100) report({ message: 'auto_extend_size_increment must be between 1GB and 100GB when auto-extend is used', range: increment ? valueRange(increment) : tableRange(m.table) });
      const lim = gb(limit);
      if (limit && (lim === undefined || lim < 1 || lim > 500)) report({ message: `auto_extend_size_limit "${limit.value}" must be a size between 1GB and 500GB`, range: valueRange(limit) });
    }
  },
};
export default rule;
