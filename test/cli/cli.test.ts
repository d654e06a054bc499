/** The built `flylint` command, run as a child process the way users and CI run it. */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flylint, bin, project } from './run-cli.js';

const BROKEN = 'app = "shop"\nprimary_region = "ord\n\n[http_service]\ninternal_port = 8080\n';
const CLEAN = '# flylint-env: staging\napp = "shop-staging"\nprimary_region = "ord"\n';
/** Production, valid: only warnings and infos (missing-swap among them: 256 MB, no swap). */
const WARNINGS = 'app = "shop"\nprimary_region = "ord"\n\n[[vm]]\n  size = "shared-cpu-1x"\n';
const version = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')).version as string;

function filesIn(stdout: string, dir: string): string[] {
  return (JSON.parse(stdout) as Array<{ filePath: string }>).map((f) => f.filePath.slice(dir.length + 1)).sort();
}

describe('exit codes', () => {
  const dir = project({ 'broken/fly.toml': BROKEN, 'clean/fly.toml': CLEAN, 'warnings/fly.toml': WARNINGS, 'badconfig/fly.toml': CLEAN, 'badconfig/.flylint.toml': 'root = true\n[rules]\nmissing-swapp = "off"\n' });

  it.each([
    ['a clean config', 0, ['clean'], ''],
    ['warnings only', 0, ['warnings'], ''],
    ['warnings within --max-warnings', 0, ['--max-warnings', '10', 'warnings'], ''],
    ['a syntax error', 1, ['broken'], ''],
    ['more warnings than --max-warnings', 1, ['--max-warnings', '0', 'warnings'], /^flylint: \d+ warnings, more than --max-warnings 0 allows\n$/],
    ['a rule raised to error', 1, ['--rule', 'missing-swap=error', 'warnings'], ''],
    ['an error lowered to warning', 0, ['--rule', 'toml-syntax=warning', '--rule', 'missing-required=off', 'broken'], ''],
    ['an unknown option', 2, ['--bogus'], 'flylint: Unknown option "--bogus"\nUsage: flylint [options] [path ...]   (flylint --help lists the options)\n'],
    ['an unknown format', 2, ['--format', 'xml'], /^flylint: Unknown format "xml": use stylish, json, sarif or github\nUsage: /],
    ['an unknown rule in --rule', 2, ['--rule', 'missing-swapp=off', 'clean'], 'flylint: --rule missing-swapp=off: unknown rule "missing-swapp" (did you mean "missing-swap"?); flylint --list-rules lists them\n'],
    ['a path that does not exist', 2, ['clean', 'nope/fly.toml'], 'flylint: cannot read nope/fly.toml (it does not exist)\n'],
    ['an invalid config file', 2, ['badconfig'], 'flylint: invalid config file\nbadconfig/.flylint.toml:3:1: Unknown rule "missing-swapp" in [rules]. Did you mean "missing-swap"?\n'],
    ['a config file given with --config that does not exist', 2, ['--config', 'none.toml', 'clean'], 'flylint: cannot read config file none.toml (it does not exist)\n'],
    ['--explain of an unknown rule', 2, ['--explain', 'missing-swapp'], 'flylint: unknown rule "missing-swapp" (did you mean "missing-swap"?); flylint --list-rules lists them\n'],
    ['--print-config of a missing file', 2, ['--print-config', 'nope.toml'], 'flylint: cannot read nope.toml (it does not exist)\n'],
  ])('%s → exit %i', (_name, code, args, stderr) => {
    const r = flylint(args, { cwd: dir });
    expect(r.code, r.stdout + r.stderr).toBe(code);
    if (typeof stderr === 'string') expect(r.stderr).toBe(stderr);
    else expect(r.stderr).toMatch(stderr);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('output', () => {
  it('prints errors with their position, a code frame, and the summary', () => {
    const dir = project({ 'fly.toml': BROKEN });
    const r = flylint([], { cwd: dir });
    expect(r.stdout).toMatch(/^fly\.toml\n/);
    expect(r.stdout).toMatch(/  2:18 +error +Unterminated string[^\n]*toml-syntax\n    2 \| primary_region = "ord\n      \|                  \^\^\^\^\n/);
    expect(r.stdout).toMatch(/\n✖ \d+ problems \(\d+ errors?, \d+ warnings?, \d+ infos?\) in 1 file checked\n/);
  });

  it.each([
    ['a duplicated [env] key', '[env]\n  DB_PASSWORD = "Hunter2Secret!x9"\n  DB_PASSWORD = "Hunter2Secret!x7"\n'],
    ['a duplicated dotted key', 'env.DB_PASSWORD = "Hunter2Secret!x9"\nenv.DB_PASSWORD = "Hunter2Secret!x7"\n'],
  ])('prints no code frame that shows a secret, even on %s', (_name, body) => {
    const dir = project({ 'fly.toml': `app = "shop"\nprimary_region = "ams"\n${body}` });
    const r = flylint([], { cwd: dir });
    expect(r.stdout).toMatch(/error +Duplicate key "(env\.)?DB_PASSWORD"/);
    expect(r.stdout).toContain('secret-in-env');
    expect(r.stdout).not.toContain('Hunter2');
  });

  it('shows paths relative to the current directory', () => {
    const dir = project({ 'apps/api/fly.toml': BROKEN });
    expect(flylint(['apps'], { cwd: dir }).stdout).toMatch(/^apps\/api\/fly\.toml\n/);
    expect(flylint(['.'], { cwd: join(dir, 'apps', 'api') }).stdout).toMatch(/^fly\.toml\n/);
    expect(flylint(['../api/fly.toml'], { cwd: join(dir, 'apps', 'api') }).stdout).toMatch(/^fly\.toml\n/);
  });

  it('colours only a terminal, or when FORCE_COLOR asks; NO_COLOR wins', () => {
    const dir = project({ 'fly.toml': BROKEN });
    expect(flylint([], { cwd: dir, env: { NO_COLOR: '' } }).stdout).not.toContain('\u001b[');
    expect(flylint([], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31merror');
    expect(flylint([], { cwd: dir, env: { NO_COLOR: '1', FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
    expect(flylint(['--format', 'github'], { cwd: dir, env: { NO_COLOR: '', FORCE_COLOR: '1' } }).stdout).not.toContain('\u001b[');
  });

  it('lints the files of one call as one project', () => {
    const dir = project({ 'fly.toml': WARNINGS, 'fly.staging.toml': 'app = "shop"\n' });
    const r = flylint(['--format', 'json'], { cwd: dir });
    const [staging, production] = JSON.parse(r.stdout) as Array<{ messages: Array<{ ruleId: string }> }>;
    expect(staging!.messages.map((m) => m.ruleId)).toContain('shared-app-name');
    expect(production!.messages.map((m) => m.ruleId)).toContain('shared-app-name');
    // Named alone, a file is still compared with the other configs of its folder; only it is reported.
    const alone = JSON.parse(flylint(['--format', 'json', 'fly.toml'], { cwd: dir }).stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string }> }>;
    expect(alone.map((f) => f.filePath)).toEqual([join(dir, 'fly.toml')]);
    expect(alone[0]!.messages.map((m) => m.ruleId)).toContain('shared-app-name');
  });

  it('--help, --version, --list-rules and --explain', () => {
    const help = flylint(['--help']);
    expect(help.code).toBe(0);
    for (const option of ['--format', '--env', '--fix', '--unsafe-fixes', '--stdin', '--stdin-filename', '--no-error-on-unmatched-pattern', '--config', '--rule', '--max-warnings', '--quiet', '--list-rules', '--explain', '--print-config', '--version', '--help']) expect(help.stdout).toContain(option);
    expect(flylint(['--version']).stdout).toBe(`${version}\n`);
    const list = flylint(['--list-rules']).stdout;
    expect(list).toMatch(/^rule +severity +env +fix +summary\n/);
    expect(list).toMatch(/\ntoml-duplicate-key +error +any +none +\S/);
    expect(list).toMatch(/\nmissing-swap +warning +production +suggestion +\S/);
    // An opt-in rule lists as off; a rule's one severity is what every finding of it carries.
    expect(list).toMatch(/\nmissing-metrics +off +production +none +\S/);
    expect(list).toMatch(/\nmissing-required +error +any +none +\S/);
    expect(flylint(['--explain', 'missing-metrics']).stdout).toContain('- Severity: off by default; turn it on with `missing-metrics = "info"` under `[rules]` in `.flylint.toml`');
    const page = flylint(['--explain', 'missing-swap']).stdout;
    expect(page).toMatch(/^# missing-swap\n/);
    for (const part of ['- Severity: warning', '- Applies to: production configs only', '## Why', 'Fly.io docs: https://fly.io/', '## Bad', '## Good', '--unsafe-fixes']) expect(page).toContain(part);
  });

  it('stops quietly when the reader closes the pipe', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" --list-rules | head -c 10`], { encoding: 'utf8' });
    expect(r.stdout).toBe('rule      ');
    expect(r.stderr).toBe('');
  });
});

describe('filters and overrides', () => {
  const dir = project({ 'fly.toml': WARNINGS, 'fly.staging.toml': `${CLEAN.replace('shop-staging', 'other-staging')}\n[[vm]]\n  size = "shared-cpu-1x"\n` });
  const ruleIds = (args: string[]) => (JSON.parse(flylint(['--format', 'json', ...args], { cwd: dir }).stdout) as Array<{ messages: Array<{ ruleId: string; severity: number }> }>).flatMap((f) => f.messages);

  it('--max-warnings counts the warnings --quiet hides, as ESLint does', () => {
    const r = flylint(['--quiet', '--max-warnings', '0', 'fly.toml'], { cwd: dir });
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^flylint: \d+ warnings, more than --max-warnings 0 allows\n$/);
    expect(r.code).toBe(1);
  });

  it('--quiet reports errors only', () => {
    expect(ruleIds(['fly.toml']).length).toBeGreaterThan(0);
    expect(ruleIds(['--quiet', 'fly.toml'])).toEqual([]);
    expect(ruleIds(['--quiet', '--rule', 'missing-swap=error', 'fly.toml']).map((m) => m.ruleId)).toEqual(['missing-swap']);
  });

  it('--rule turns a rule off or changes its level', () => {
    expect(ruleIds(['fly.toml']).find((m) => m.ruleId === 'missing-swap')?.severity).toBe(1);
    expect(ruleIds(['--rule', 'missing-swap=info', 'fly.toml']).find((m) => m.ruleId === 'missing-swap')?.severity).toBe(0);
    expect(ruleIds(['--rule', 'missing-swap=off', 'fly.toml']).map((m) => m.ruleId)).not.toContain('missing-swap');
  });

  it('--env forces the environment of every file', () => {
    expect(ruleIds(['fly.toml']).map((m) => m.ruleId)).toContain('missing-swap');
    expect(ruleIds(['--env', 'staging', 'fly.toml']).map((m) => m.ruleId)).not.toContain('missing-swap');
    expect(ruleIds(['fly.staging.toml']).map((m) => m.ruleId)).not.toContain('missing-swap');
    expect(ruleIds(['--env', 'production', 'fly.staging.toml']).map((m) => m.ruleId)).toContain('missing-swap');
  });
});

describe('directory discovery', () => {
  it('finds fly*.toml below a folder, skipping node_modules, .git and what .gitignore excludes', () => {
    const dir = project({
      '.git/HEAD': 'ref: refs/heads/main\n',
      '.gitignore': 'ignored/\n*.local.toml\n',
      'fly.toml': CLEAN,
      'apps/api/fly.toml': CLEAN,
      'apps/web/fly.staging.toml': CLEAN,
      'apps/web/fly.dev.local.toml': CLEAN,
      'apps/web/.gitignore': 'generated/\n!fly.keep.local.toml\n',
      'apps/web/fly.keep.local.toml': CLEAN,
      'apps/web/generated/fly.toml': CLEAN,
      'ignored/fly.toml': CLEAN,
      'other.toml': CLEAN,
      'flyctl-notes.txt': CLEAN,
      'node_modules/x/fly.toml': CLEAN,
      '.git/fly.toml': CLEAN,
    });
    symlinkSync(join(dir, 'apps', 'api', 'fly.toml'), join(dir, 'apps', 'fly.linked.toml'));
    expect(filesIn(flylint(['--format', 'json'], { cwd: dir }).stdout, dir)).toEqual(['apps/api/fly.toml', 'apps/fly.linked.toml', 'apps/web/fly.keep.local.toml', 'apps/web/fly.staging.toml', 'fly.toml']);
    // The repository's .gitignore applies when only a subfolder is linted.
    expect(filesIn(flylint(['--format', 'json', 'apps/web'], { cwd: dir }).stdout, dir)).toEqual(['apps/web/fly.keep.local.toml', 'apps/web/fly.staging.toml']);
  });

  it('lints a file named on the command line even when ignored, and each file once', () => {
    const dir = project({ '.gitignore': 'fly.toml\n', 'fly.toml': CLEAN });
    expect(filesIn(flylint(['--format', 'json', '--no-error-on-unmatched-pattern', 'fly.toml', './fly.toml', '.'], { cwd: dir }).stdout, dir)).toEqual(['fly.toml']);
  });
});

describe('include in .flylint.toml', () => {
  it('adds the configs it names to a folder walk, relative to its own folder, .gitignore still applying', () => {
    const dir = project({
      '.flylint.toml': 'include = ["deploy/fly/*.toml"]\n',
      '.gitignore': 'deploy/fly/local.toml\n',
      'deploy/fly/prod.toml': WARNINGS,
      'deploy/fly/local.toml': WARNINGS,
      'deploy/fly/notes.txt': WARNINGS,
      'deploy/other.toml': WARNINGS,
      'apps/api/.flylint.toml': 'include = ["*.toml"]\n',
      'apps/api/service.toml': CLEAN,
      'apps/api/fly.toml': CLEAN,
      'Cargo.toml': '[package]\n',
    });
    mkdirSync(join(dir, '.git'));
    expect(filesIn(flylint(['--format', 'json'], { cwd: dir }).stdout, dir)).toEqual(['apps/api/fly.toml', 'apps/api/service.toml', 'deploy/fly/prod.toml']);
    // A folder that holds only included configs is not empty.
    expect(filesIn(flylint(['--format', 'json', 'deploy'], { cwd: dir }).stdout, dir)).toEqual(['deploy/fly/prod.toml']);
    // --config replaces the search, include with it (relative to that file's folder).
    expect(filesIn(flylint(['--format', 'json', '--config', 'apps/api/.flylint.toml', 'apps'], { cwd: dir }).stdout, dir)).toEqual(['apps/api/fly.toml', 'apps/api/service.toml']);
  });

  it('is validated like the other keys, with a position', () => {
    const dir = project({ '.flylint.toml': 'include = [\n  "../fly.toml",\n]\n', 'fly.toml': CLEAN });
    expect(flylint([], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: 'flylint: invalid config file\n.flylint.toml:2:3: include: "../fly.toml" cannot reach above the folder of .flylint.toml: name such files in a .flylint.toml above them\n' });
  });
});

describe('a path that yields no config', () => {
  const NOTHING = 'nor files a .flylint.toml includes (--no-error-on-unmatched-pattern allows this)\n';
  const dir = project({ 'README.md': '', 'api/fly.toml': WARNINGS, 'docs/notes.toml': 'title = "x"\n' });
  mkdirSync(join(dir, 'empty'));

  it.each([
    ['an empty folder', ['empty'], `flylint: no fly*.toml files in empty, ${NOTHING}`],
    ['a folder of other TOML files, under a CI gate', ['--max-warnings', '0', 'docs'], `flylint: no fly*.toml files in docs, ${NOTHING}`],
    ['one empty folder among others', ['api', 'empty'], `flylint: no fly*.toml files in empty, ${NOTHING}`],
  ])('fails %s with exit 2 and says which, before linting anything', (_name, args, stderr) => {
    expect(flylint(args, { cwd: dir })).toEqual({ code: 2, stdout: '', stderr });
  });

  it('fails the current folder when it holds none', () => {
    expect(flylint(['--max-warnings', '0'], { cwd: join(dir, 'docs') })).toEqual({ code: 2, stdout: '', stderr: `flylint: no fly*.toml files in ., ${NOTHING}` });
  });

  it('passes with --no-error-on-unmatched-pattern, printing nothing', () => {
    expect(flylint(['--no-error-on-unmatched-pattern', '--max-warnings', '0', 'empty'], { cwd: dir })).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(flylint(['--no-error-on-unmatched-pattern', '--format', 'json', 'empty'], { cwd: dir })).toEqual({ code: 0, stdout: '[]\n', stderr: '' });
    // The other folders are still linted.
    expect(flylint(['--no-error-on-unmatched-pattern', '--rule', 'missing-swap=error', 'api', 'empty'], { cwd: dir }).code).toBe(1);
  });

  it('is no matter for a file named on the command line, whatever its name, nor for standard input', () => {
    expect(flylint(['docs/notes.toml'], { cwd: dir }).stdout).toMatch(/1 file checked/);
    expect(flylint(['--stdin'], { cwd: join(dir, 'empty'), input: CLEAN })).toEqual({ code: 0, stdout: '1 file checked, no problems\n', stderr: '' });
  });
});

describe('one wording for a path that cannot be read', () => {
  const dir = project({ 'fly.toml': CLEAN });

  it.each([
    ['a file given', ['nope/fly.toml'], 'flylint: cannot read nope/fly.toml (it does not exist)\n'],
    ['a folder given', ['nope'], 'flylint: cannot read nope (it does not exist)\n'],
    ['a path through a file', ['fly.toml/fly.toml'], 'flylint: cannot read fly.toml/fly.toml (a part of its path is not a directory)\n'],
    ['--config', ['--config', 'nope.toml', 'fly.toml'], 'flylint: cannot read config file nope.toml (it does not exist)\n'],
    ['--config with --stdin', ['--config', 'nope.toml', '--stdin'], 'flylint: cannot read config file nope.toml (it does not exist)\n'],
    ['--print-config', ['--print-config', 'nope/fly.toml'], 'flylint: cannot read nope/fly.toml (it does not exist)\n'],
    ['--print-config of a folder', ['--print-config', '.'], 'flylint: cannot read . (it is a directory)\n'],
  ])('%s', (_name, args, stderr) => {
    expect(flylint(args, { cwd: dir, input: CLEAN })).toEqual({ code: 2, stdout: '', stderr });
  });

  it('standard input', () => {
    const folder = openSync(dir, 'r');
    try {
      const r = spawnSync(process.execPath, [bin, '--stdin'], { cwd: dir, stdio: [folder, 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
      expect({ code: r.status, stderr: r.stderr }).toEqual({ code: 2, stderr: 'flylint: cannot read standard input (it is a directory)\n' });
    } finally {
      closeSync(folder);
    }
  });

  it('--stdin-filename is a name only: nothing is read from it', () => {
    expect(flylint(['--stdin', '--stdin-filename', 'nope/fly.toml'], { cwd: dir, input: CLEAN })).toEqual({ code: 0, stdout: '1 file checked, no problems\n', stderr: '' });
  });
});

describe('what the summary says', () => {
  it('counts the files checked, clean ones too', () => {
    const dir = project({ 'fly.toml': CLEAN, 'fly.review.toml': '# flylint-env: staging\napp = "shop-review"\nprimary_region = "ord"\n' });
    expect(flylint([], { cwd: dir })).toEqual({ code: 0, stdout: '2 files checked, no problems\n', stderr: '' });
    expect(flylint(['fly.toml'], { cwd: dir }).stdout).toBe('1 file checked, no problems\n');
  });
});

describe('standard input', () => {
  it('lints stdin under the given name', () => {
    const r = flylint(['--stdin', '--stdin-filename', 'apps/fly.toml', '--format', 'json'], { input: BROKEN });
    expect(r.code).toBe(1);
    const [file] = JSON.parse(r.stdout);
    expect(file.filePath).toBe(join(process.cwd(), 'apps', 'fly.toml'));
    expect(file.source).toBe(BROKEN);
  });

  it('takes the environment from the name, as for a file, and accepts - for --stdin', () => {
    const production = flylint(['-', '--format', 'json'], { input: WARNINGS }).stdout;
    const staging = flylint(['--stdin', '--stdin-filename', 'fly.staging.toml', '--format', 'json'], { input: WARNINGS }).stdout;
    expect(production).toContain('missing-swap');
    expect(staging).not.toContain('missing-swap');
  });
});

describe('.flylint.toml', () => {
  it('is found upward from each file; nearer files override farther ones; root = true stops the search', () => {
    const dir = project({
      '.flylint.toml': '[rules]\nmissing-swap = "error"\nmissing-metrics = "info"\n',
      'apps/.flylint.toml': 'root = true\n[rules]\nmissing-swap = "off"\n',
      'apps/api/fly.toml': WARNINGS,
      'fly.toml': WARNINGS,
    });
    const files = JSON.parse(flylint(['--format', 'json'], { cwd: dir }).stdout) as Array<{ filePath: string; messages: Array<{ ruleId: string; severity: number }> }>;
    const api = files.find((f) => f.filePath.endsWith('apps/api/fly.toml'))!;
    const top = files.find((f) => f.filePath === join(dir, 'fly.toml'))!;
    expect(top.messages.find((m) => m.ruleId === 'missing-swap')?.severity).toBe(2);
    // missing-metrics is off by default: the top-level file turns it on.
    expect(top.messages.map((m) => m.ruleId)).toContain('missing-metrics');
    expect(api.messages.map((m) => m.ruleId)).not.toContain('missing-swap');
    // root = true: the top-level file's "missing-metrics = info" does not reach apps/.
    expect(api.messages.map((m) => m.ruleId)).not.toContain('missing-metrics');
  });

  it('--config replaces the search; --rule overrides the file', () => {
    const dir = project({ '.flylint.toml': '[rules]\nmissing-swap = "error"\n', 'ci.toml': '[rules]\nmissing-swap = "off"\n', 'fly.toml': WARNINGS });
    expect(flylint(['fly.toml'], { cwd: dir }).code).toBe(1);
    expect(flylint(['--config', 'ci.toml', '--format', 'json', 'fly.toml'], { cwd: dir }).stdout).not.toContain('missing-swap');
    expect(flylint(['--rule', 'missing-swap=warning', 'fly.toml'], { cwd: dir }).code).toBe(0);
  });

  it.each([
    ['roots = true\n', '.flylint.toml:1:1: Unknown key "roots" in the top level. Did you mean "root"?'],
    ['[rules]\nmissing-swap = "warn"\n', '.flylint.toml:2:16: [rules] missing-swap must be "off", "info", "warning" or "error"'],
    ['[environments]\n"fly.*.toml" = 3\n', '.flylint.toml:2:1: "environments.fly.*.toml" must be a string'],
    ['root = \n', '.flylint.toml:1:8: Expected a value after "root ="'],
  ])('an invalid one (%j) stops with exit 2, naming the key and its position', (config, message) => {
    const dir = project({ '.flylint.toml': config, 'fly.toml': CLEAN });
    const r = flylint([], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`flylint: invalid config file\n${message}\n`);
  });
});

describe('--print-config', () => {
  it('shows the environment and why, the rule levels, and the config files used', () => {
    const dir = project({ '.flylint.toml': 'root = true\nprivate = ["shop-db"]\n[rules]\nmissing-metrics = "off"\n[environments]\n"deploy/*.toml" = "staging"\n', 'deploy/fly.toml': 'app = "shop-db"\n', 'fly.staging.toml': 'app = "x"\n' });
    const staging = JSON.parse(flylint(['--print-config', 'fly.staging.toml'], { cwd: dir }).stdout);
    expect(staging).toMatchObject({ filePath: join(dir, 'fly.staging.toml'), environment: { name: 'staging', isProduction: false, source: 'file-name' }, privateApp: false, configFiles: [join(dir, '.flylint.toml')] });
    expect(staging.environment.reason).toContain('fly.staging.toml');
    expect(staging.rules).toMatchObject({ 'missing-metrics': 'off', 'missing-swap': 'warning', 'toml-syntax': 'error' });
    const deploy = JSON.parse(flylint(['--print-config', 'deploy/fly.toml', '--rule', 'missing-swap=error'], { cwd: dir }).stdout);
    expect(deploy).toMatchObject({ environment: { name: 'staging', source: 'explicit' }, privateApp: true, rules: { 'missing-swap': 'error' } });
    expect(deploy.environment.reason).toContain('[environments] "deploy/*.toml" = "staging"');
    const forced = JSON.parse(flylint(['--print-config', 'fly.staging.toml', '--env', 'production'], { cwd: dir }).stdout);
    expect(forced.environment).toMatchObject({ name: 'production', isProduction: true, reason: '--env production' });
  });
});
