/** Durations and sizes against the rules of Go's time.ParseDuration, docker/go-units and flyctl (§2 of the reference). */
import { describe, expect, it } from 'vitest';
import {
  durationMs,
  durationWords,
  formatDuration,
  goFloatString,
  parseGoDurationNs,
  parseMemoryMb,
  parseVolumeGb,
} from '../../server/src/fly/units.js';

describe('Go durations', () => {
  const valid: Array<[string, bigint]> = [
    ['5s', 5_000_000_000n],
    ['300ms', 300_000_000n],
    ['1.5h', 5_400_000_000_000n],
    ['2h45m', 9_900_000_000_000n],
    ['1m21s', 81_000_000_000n],
    ['1m30s', 90_000_000_000n],
    ['-5s', -5_000_000_000n],
    ['-1s', -1_000_000_000n],
    ['+5s', 5_000_000_000n],
    ['0', 0n],
    ['-0', 0n],
    ['1.5s', 1_500_000_000n],
    ['.5s', 500_000_000n],
    ['1.s', 1_000_000_000n],
    ['10us', 10_000n],
    ['10µs', 10_000n],
    ['10μs', 10_000n],
    ['7ns', 7n],
    ['1.5ns', 1n],
    ['0s', 0n],
    ['05s', 5_000_000_000n],
    ['1h1m1s1ms1us1ns', 3_661_001_001_001n],
    ['2562047h', 9_223_369_200_000_000_000n],
  ];
  it.each(valid)('%s is %d ns', (text, ns) => {
    expect(parseGoDurationNs(text)).toEqual({ ok: true, value: ns });
  });

  const invalid: Array<[string, string]> = [
    ['5', 'time: missing unit in duration "5"'],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['10 s', 'time: unknown unit " s" in duration "10 s"'],
    ['5S', 'time: unknown unit "S" in duration "5S"'],
    ['1min', 'time: unknown unit "min" in duration "1min"'],
    ['', 'time: invalid duration ""'],
    ['s', 'time: invalid duration "s"'],
    ['.s', 'time: invalid duration ".s"'],
    ['-', 'time: invalid duration "-"'],
    ['1s ', 'time: unknown unit "s " in duration "1s "'],
    ['3000000h', 'time: invalid duration "3000000h"'],
  ];
  it.each(invalid)('%j is rejected: %s', (text, error) => {
    expect(parseGoDurationNs(text)).toEqual({ ok: false, error });
  });

  const bare: Array<[string | number | bigint, 's' | 'ms' | 'ns', number | undefined]> = [
    [5n, 's', 5000],
    [10000n, 'ms', 10000],
    [300n, 'ns', 0.0003],
    [1.5, 's', 1000],
    [15000.7, 'ms', 15000],
    [-5n, 's', -5000],
    ['', 's', undefined],
    ['5s', 'ns', 5000],
    ['5', 's', undefined],
  ];
  it.each(bare)('%s in unit %s reads as %s ms', (value, unit, ms) => {
    expect(durationMs(value, unit)).toBe(ms);
  });

  it.each([
    [5000, '5s'],
    [90000, '1m30s'],
    [300000, '5m'],
    [3_600_000, '1h'],
    [3_661_000, '1h1m1s'],
    [0.01, '10µs'],
    [0.000005, '5ns'],
    [300, '300ms'],
    [-5000, '-5s'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it.each([
    [5000, '5 seconds'],
    [90000, '1 minute 30 seconds'],
    [0.000005, '5 nanoseconds'],
    [1, '1 millisecond'],
    [0, '0 seconds'],
  ])('words for %d ms: %s', (ms, words) => {
    expect(durationWords(ms)).toBe(words);
  });
});

describe('memory sizes (binary units, a bare integer is MB)', () => {
  const table: Array<[string | number | bigint, number | string]> = [
    ['512', 512],
    ['1gb', 1024],
    ['1GB', 1024],
    ['1g', 1024],
    ['1G', 1024],
    ['1GiB', 1024],
    ['1 GB', 1024],
    ['1.5gb', 1536],
    ['2048m', 2048],
    ['2048mb', 2048],
    ['512MiB', 512],
    ['1tb', 1048576],
    ['-5', -5],
    ['+80', 80],
    ['0', 0],
    ['0.5', 0],
    ['100kb', 0],
    ['1e3mb', 1000],
    [512n, 512],
    [512, 512],
    [1.5, 0],
    [1e6, 0],
    ['abc', "invalid size: invalid size: 'abc'"],
    ['1xb', "invalid size: invalid suffix: 'xb'"],
    ['1gbb', "invalid size: invalid suffix: 'gbb'"],
    ['1gib ', 'invalid size: strconv.ParseFloat: parsing "1gib": invalid syntax'],
    [' 1gb', 'invalid size: strconv.ParseFloat: parsing " 1": invalid syntax'],
    ['-1gb', "invalid size: invalid size: '-1gb'"],
  ];
  it.each(table)('%s → %s', (value, expected) => {
    const parsed = parseMemoryMb(value);
    expect(parsed.ok ? parsed.value : parsed.error).toEqual(expected);
  });
});

describe('volume sizes (decimal units, a bare integer is GB)', () => {
  const table: Array<[string | number | bigint, number | string]> = [
    ['10', 10],
    ['10gb', 10],
    ['10GB', 10],
    ['10G', 10],
    ['10GiB', 10],
    ['1500MB', 1],
    ['1.5GB', 1],
    ['500MB', 0],
    ['15Mb', 0],
    ['1TB', 1000],
    ['1.0', 0],
    ['-5', -5],
    [10n, 10],
    [1.0, 1],
    [1.5, 0],
    ['unparseable', "invalid size: invalid size: 'unparseable'"],
  ];
  it.each(table)('%s → %s', (value, expected) => {
    const parsed = parseVolumeGb(value);
    expect(parsed.ok ? parsed.value : parsed.error).toEqual(expected);
  });
});

describe("Go's %v of a float", () => {
  it.each([
    [512, '512'],
    [1.5, '1.5'],
    [1e6, '1e+06'],
    [123456, '123456'],
    [1234567, '1.234567e+06'],
    [0.0001, '0.0001'],
    [0.00001, '1e-05'],
    [-2.5, '-2.5'],
    [1e21, '1e+21'],
  ])('%d → %s', (f, text) => {
    expect(goFloatString(f)).toBe(text);
  });
});
