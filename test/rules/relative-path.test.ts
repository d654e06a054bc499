import { describe, expect, it } from 'vitest';
import { pathFromFile } from '../../server/src/lint/relative-path.js';

describe('pathFromFile: how a message names another config', () => {
  it.each([
    ['/w/shop/fly.toml', '/w/shop/fly.staging.toml', 'fly.staging.toml'],
    ['/w/shop/fly.toml', '/w/shop/api/fly.toml', 'api/fly.toml'],
    ['/w/shop/api/fly.toml', '/w/shop/fly.toml', '../fly.toml'],
    ['/w/shop/api/fly.toml', '/w/shop/web/fly.toml', '../web/fly.toml'],
    ['C:\\w\\shop\\fly.toml', 'C:\\w\\shop\\fly.staging.toml', 'fly.staging.toml'],
    ['C:\\w\\fly.toml', 'D:\\w\\fly.toml', 'D:\\w\\fly.toml'],
  ])('from %s to %s: %s', (from, to, expected) => {
    expect(pathFromFile(from, to)).toBe(expected);
  });
});
