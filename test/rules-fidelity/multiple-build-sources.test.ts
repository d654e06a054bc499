import { describe, it } from 'vitest';
import rule from '../../rules/multiple-build-sources.js';
import { expectCase, type Case } from './helpers.js';

const cases: Case[] = [
  { name: 'an image and a Dockerfile', toml: '[build]\nimage = "nginx"\ndockerfile = "Dockerfile"\n', expect: [{ at: 'dockerfile', message: /^\[build\] names 2 ways to build: image \(a prebuilt image\), dockerfile \(a Dockerfile\)\. flyctl uses only one; keep the one you deploy with and remove the others$/, severity: 'warning' }] },
  { name: 'buildpacks and a build target', toml: '[build]\nbuild-target = "prod"\nbuilder = "heroku/builder:24"\n', expect: [{ at: 'build-target', message: /builder \(buildpacks\), build-target \(a Dockerfile\)/ }] },
  { name: 'all four', toml: '[build]\nbuiltin = "node"\nimage = "x"\nbuildpacks = ["a"]\ndockerfile = "D"\n', expect: [{ at: 'buildpacks', message: /names 4 ways to build/ }] },
  { name: 'one way', toml: '[build]\ndockerfile = "Dockerfile"\nignorefile = ".dockerignore"\n', expect: [] },
  { name: 'builder and buildpacks are one way', toml: '[build]\nbuilder = "b"\nbuildpacks = ["x"]\n', expect: [] },
  { name: 'empty values do not count', toml: '[build]\nimage = ""\nbuildpacks = []\ndockerfile = "Dockerfile"\n', expect: [] },
];

describe('multiple-build-sources', () => {
  it.each(cases.map((c) => [c.name, c] as const))('%s', (_, c) => expectCase(rule, c));
});
