import { describe, expect, it } from 'vitest';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { atCursor } from './marker.js';
import { complete } from '../../server/src/lsp/completion.js';
import { LineIndex } from '../../server/src/lint/line-index.js';

function completions(marked: string, options = { snippets: true }) {
  const at = atCursor(marked);
  return { at, items: complete(at.file, at.offset, at.index, options) };
}

/** The document after accepting an item (its text edit). */
function accept(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const index = new LineIndex(text);
  return text.slice(0, index.offsetAt(edit.range.start)) + edit.newText + text.slice(index.offsetAt(edit.range.end));
}

const PROCESSES = '[processes]\n  app = "bin/server"\n  worker = "bin/worker"\n\n';

describe('completion', () => {
  it.each([
    ['enum values after `=` on a half-typed line', '[http_service]\n  auto_stop_machines = |\n', ['off', 'stop', 'suspend']],
    ['enum values inside a half-typed string', '[http_service]\n  auto_stop_machines = "s|\n', ['off', 'stop', 'suspend']],
    ['deploy strategies', '[deploy]\n  strategy = "|"\n', ['rolling', 'immediate', 'canary', 'bluegreen']],
    ['booleans', '[http_service]\n  force_https = |\n', ['true', 'false']],
    ['process names inside `processes = [`', `${PROCESSES}[http_service]\n  processes = [|\n`, ['app', 'worker']],
    ['process names not yet in the list', `${PROCESSES}[[vm]]\n  processes = ["app", |]\n`, ['worker']],
    ['memory sizes valid for the CPU kind', '[[vm]]\n  cpu_kind = "performance"\n  memory = |\n', ['2gb', '4gb', '8gb']],
    ['memory sizes for 2 shared CPUs', '[[vm]]\n  cpus = 2\n  memory = "|"\n', ['512mb', '1gb', '2gb', '4gb']],
  ])('%s', (_name, marked, labels) => {
    expect(completions(marked).items.map((i) => i.label)).toEqual(labels);
  });

  it('offers the handlers of a port, without those already listed', () => {
    const labels = completions('[[services]]\n  [[services.ports]]\n    handlers = ["tls", |]\n').items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['http', 'pg_tls', 'proxy_proto']));
    expect(labels).not.toContain('tls');
  });

  it('offers regions with their city names', () => {
    const { items } = completions('app = "shop"\nprimary_region = |\n');
    const ams = items.find((i) => i.label === 'ams');
    expect(ams?.detail).toBe('Amsterdam, Netherlands');
    expect(items.length).toBeGreaterThan(10);
    expect(items.every((i) => /^[a-z]{3}$/.test(String(i.label)) && i.detail)).toBe(true);
  });

  it('offers VM size presets with their CPUs and memory', () => {
    const { items } = completions('[[vm]]\n  size = "perf|"\n');
    expect(items.find((i) => i.label === 'performance-2x')?.detail).toBe('2 performance CPUs, 4gb');
    expect(items.find((i) => i.label === 'shared-cpu-1x')?.detail).toBe('1 shared CPU, 256mb');
  });

  it.each([
    ['replaces the typed part of a string, closing quote included', 'app = "a"\n[http_service]\n  auto_stop_machines = "s|"\n', 'stop', '  auto_stop_machines = "stop"'],
    ['quotes a value typed bare', '[http_service]\n  auto_stop_machines = su|\n', 'suspend', '  auto_stop_machines = "suspend"'],
    ['writes booleans bare', '[http_service]\n  force_https = t|\n', 'true', '  force_https = true'],
    ['adds a process to a list', `${PROCESSES}[http_service]\n  processes = ["app", "w|"]\n`, 'worker', '  processes = ["app", "worker"]'],
    ['completes a half-typed key with ` = `', '[http_service]\n  internal_port = 8080\n  force|\n', 'force_https', '  force_https = '],
    ['completes a key before an existing `=` without a second one', '[http_service]\n  forc| = true\n', 'force_https', '  force_https = true'],
    ['completes a string key with quotes and a tab stop', 'app = "a"\nprim|\n', 'primary_region', 'primary_region = "$1"'],
    ['completes a dotted key', 'http_service.forc|\n', 'force_https', 'http_service.force_https = '],
    ['completes a table header', 'app = "a"\n[http_s|\n', '[http_service]', '[http_service]'],
    ['completes an array-of-tables header after `[[`', 'app = "a"\n[[vm|\n', '[[vm]]', '[[vm]]'],
    ['replaces the closing brackets already typed', 'app = "a"\n[http_s|]\n', '[http_service]', '[http_service]'],
  ])('%s', (_name, marked, label, line) => {
    const { at, items } = completions(marked);
    const item = items.find((i) => i.label === label);
    expect(item, items.map((i) => i.label).join(', ')).toBeDefined();
    const after = accept(at.text, item!);
    expect(after.split('\n')[at.position.line]).toBe(line);
  });

  it('offers the keys of the current table that are not set yet', () => {
    const labels = completions('[http_service]\n  internal_port = 8080\n  force_https = true\n  |\n').items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['auto_stop_machines', 'auto_start_machines', 'min_machines_running', 'processes']));
    expect(labels).not.toContain('internal_port');
    expect(labels).not.toContain('force_https');
    expect(labels).not.toContain('app');
  });

  it('offers the keys of the array-of-tables element being edited, not of another one', () => {
    const labels = completions('[[services]]\n  internal_port = 8080\n\n[[services]]\n  protocol = "tcp"\n  |\n').items.map((i) => i.label);
    expect(labels).toContain('internal_port');
    expect(labels).not.toContain('protocol');
  });

  it('offers the keys of an inline table', () => {
    expect(completions('[http_service]\n  concurrency = { type = "requests", |}\n').items.map((i) => i.label)).toEqual(['soft_limit', 'hard_limit']);
  });

  it('leaves out tables already present, but always offers arrays of tables', () => {
    const labels = completions('app = "a"\n[http_service]\n  internal_port = 8080\n[[vm]]\n  memory = "1gb"\n[|\n').items.map((i) => i.label);
    expect(labels).not.toContain('[http_service]');
    expect(labels).toEqual(expect.arrayContaining(['[[vm]]', '[[services]]', '[deploy]', '[http_service.concurrency]', '[[http_service.checks]]']));
  });

  it('offers only arrays of tables after `[[`', () => {
    const labels = completions('app = "a"\n[[|\n').items.map((i) => String(i.label));
    expect(labels).toContain('[[services]]');
    expect(labels.every((l) => l.startsWith('[['))).toBe(true);
  });

  it('offers no section snippet where keys of the current table follow: they would move into the new section', () => {
    const labels = (marked: string) => completions(marked).items.map((i) => i.label);
    expect(labels('app = "shop"\n[http_service]\n  internal_port = 8080\n  |\n  force_https = true\n')).not.toContain('[[vm]]');
    expect(labels('|\napp = "shop"\n')).not.toContain('[[vm]]');
    expect(labels('app = "shop"\n[http_service]\n  internal_port = 8080\n|\n[[vm]]\n  cpus = 1\n')).toContain('[[vm]]');
    expect(labels('app = "shop"\n[http_service]\n  internal_port = 8080\n|\n')).toContain('[[vm]]');
  });

  it('writes a list for a key that takes one, unless the cursor is already in it', () => {
    const { at, items } = completions(`${PROCESSES}[http_service]\n  processes = |\n`, { snippets: false });
    const worker = items.find((i) => i.label === 'worker')!;
    expect(accept(at.text, worker)).toContain('  processes = ["worker"]\n');
    const inList = completions(`${PROCESSES}[http_service]\n  processes = [|]\n`);
    expect(accept(inList.at.text, inList.items.find((i) => i.label === 'worker')!)).toContain('  processes = ["worker"]\n');
    const handlers = completions('[[services]]\n  [[services.ports]]\n    handlers = |\n');
    expect((handlers.items.find((i) => i.label === 'http')!.textEdit as TextEdit).newText).toBe('["http"]');
  });

  it('offers memory sizes for the 8 performance CPUs a GPU kind brings', () => {
    expect(completions('[[vm]]\n  gpu_kind = "l40s"\n  memory = |\n').items.map((i) => i.label)).toEqual(['16gb', '32gb', '64gb']);
  });

  it('names the default process group in a new [http_service] when [processes] defines others', () => {
    const plain = completions('app = "shop"\n[processes]\n  web = "bin/web"\n\n|\n', { snippets: false }).items.find((i) => i.label === '[http_service]')!;
    expect((plain.textEdit as TextEdit).newText).toContain('processes = ["web"]');
  });

  it('offers section snippets on an empty line, expanded or plain by client support', () => {
    const snippet = completions('app = "shop"\n|\n').items.find((i) => i.label === '[http_service]')!;
    expect(snippet.insertTextFormat).toBe(2);
    expect((snippet.textEdit as TextEdit).newText).toContain('internal_port = ${1:8080}');
    const plain = completions('app = "shop"\n|\n', { snippets: false }).items.find((i) => i.label === '[http_service]')!;
    expect(plain.insertTextFormat).toBeUndefined();
    expect((plain.textEdit as TextEdit).newText).toContain('internal_port = 8080\n  force_https = true\n  auto_stop_machines = "stop"');
    expect(completions('[http_service]\n  internal_port = 1\n|\n').items.some((i) => i.label === '[http_service]')).toBe(false);
  });

  it.each([
    ['in a comment', 'app = "a" # the |app\n'],
    ['after a finished number', '[http_service]\n  internal_port = 80|\n'],
    ['in the middle of a value that has no choices', 'app = "sh|op"\n'],
    ['after `[` on a line of a multi-line list (no header goes there)', 'app = "a"\n[experimental]\n  cmd = [\n    [|\n  ]\n'],
  ])('offers nothing %s', (_name, marked) => {
    expect(completions(marked).items).toEqual([]);
  });

  const SET_HTTP_SERVICE = 'app = "shop"\n[http_service]\n  internal_port = 8080\n  force_https = true\n  auto_stop_machines = "stop"\n  auto_start_machines = true\n  min_machines_running = 0\n  processes = ["app"]\n';

  it('offers the table-valued keys of a table whose plain keys are all set, as inline tables', () => {
    const { at, items } = completions(`${SET_HTTP_SERVICE}  |\n`);
    const labels = items.map((i) => i.label);
    expect(labels).toEqual(expect.arrayContaining(['concurrency', 'http_options', 'tls_options', 'machine_checks', 'checks']));
    const concurrency = items.find((i) => i.label === 'concurrency')!;
    expect((concurrency.textEdit as TextEdit).newText).toBe('concurrency = { $1 }');
    expect(concurrency.insertTextFormat).toBe(2);
    expect(concurrency.documentation).toEqual({ kind: 'markdown', value: expect.stringContaining('Load limits per Machine') });
    expect((items.find((i) => i.label === 'checks')!.textEdit as TextEdit).newText).toBe('checks = [{ $1 }]');
    expect(accept(at.text, concurrency).split('\n')[at.position.line]).toBe('  concurrency = { $1 }');
    const plain = completions(`${SET_HTTP_SERVICE}  |\n`, { snippets: false }).items.find((i) => i.label === 'concurrency')!;
    expect((plain.textEdit as TextEdit).newText).toBe('concurrency = { }');
    expect(plain.insertTextFormat).toBeUndefined();
  });

  it('offers sub-table headers at the end of a table, never where keys of the table follow', () => {
    const atEnd = completions(`${SET_HTTP_SERVICE}|\n[[vm]]\n  cpus = 1\n`).items.map((i) => i.label);
    expect(atEnd).toEqual(expect.arrayContaining(['[http_service.concurrency]', '[http_service.http_options]', '[[http_service.machine_checks]]', '[build]']));
    const inside = completions('app = "shop"\n[http_service]\n  internal_port = 8080\n  |\n  force_https = true\n').items.map((i) => String(i.label));
    expect(inside).toContain('concurrency');
    expect(inside.filter((l) => l.startsWith('['))).toEqual([]);
    expect(completions('app = "shop"\n[http_service]\n  internal_port = 8080\n[|\n  force_https = true\n').items).toEqual([]);
  });

  it.each([
    ['a dotted key', '[http_service]\n  internal_port = 8080\n  http_options.response.pristine = true\n  |\n'],
    ['an inline table', '[http_service]\n  internal_port = 8080\n  http_options = { compress = true }\n  |\n'],
    ['a sub-table header further down', '[http_service]\n  internal_port = 8080\n  |\n\n[deploy]\n  strategy = "rolling"\n\n[http_service.http_options]\n  compress = true\n'],
  ])('does not offer a table set by %s again', (_name, marked) => {
    const labels = completions(marked).items.map((i) => String(i.label));
    expect(labels).not.toContain('http_options');
    expect(labels).not.toContain('[http_service.http_options]');
    expect(labels).toContain('tls_options');
  });

  it('offers no [[mounts]] beside a legacy [mounts] table, on an empty line or after `[`', () => {
    const legacy = 'app = "shop"\n[mounts]\n  source = "data"\n  destination = "/data"\n\n';
    expect(completions(`${legacy}|\n`).items.map((i) => i.label)).not.toContain('[[mounts]]');
    expect(completions(`${legacy}[|\n`).items.map((i) => i.label)).not.toContain('[[mounts]]');
    expect(completions(`${legacy}[[|\n`).items.map((i) => i.label)).not.toContain('[[mounts]]');
    expect(completions(`${legacy}[|\n`).items.map((i) => i.label)).toContain('[[vm]]');
    // An array of tables written with [[mounts]] takes another element.
    expect(completions('app = "shop"\n[[mounts]]\n  source = "data"\n  destination = "/data"\n\n|\n').items.map((i) => i.label)).toContain('[[mounts]]');
    expect(completions('app = "shop"\nmounts = [{ source = "data", destination = "/data" }]\n\n|\n').items.map((i) => i.label)).not.toContain('[[mounts]]');
  });

  it('offers no new [[services]] element where sub-tables of the element above follow', () => {
    const labels = completions('app = "shop"\n[[services]]\n  internal_port = 8080\n|\n[[services.ports]]\n  port = 443\n').items.map((i) => i.label);
    expect(labels).not.toContain('[[services]]');
    expect(labels).toContain('[[vm]]');
  });

  it('documents enum values with their meaning and the key they belong to', () => {
    const tcp = completions('app = "shop"\n[[services]]\n  protocol = |\n').items.find((i) => i.label === 'tcp')!;
    expect(tcp.documentation).toEqual({ kind: 'markdown', value: expect.stringMatching(/^`"tcp"`: TCP[^]*`tcp` or `udp`/) });
    for (const [marked, label] of [
      ['[[services]]\n  [[services.ports]]\n    handlers = [|]\n', 'tls'],
      ['[http_service]\n  auto_stop_machines = |\n', 'suspend'],
      ['[[vm]]\n  cpu_kind = |\n', 'performance'],
      ['[deploy]\n  strategy = |\n', 'canary'],
      ['[http_service.concurrency]\n  type = |\n', 'requests'],
      ['[[http_service.checks]]\n  protocol = |\n', 'https'],
    ]) {
      const item = completions(marked!).items.find((i) => i.label === label);
      expect(item?.detail, marked).toBeTruthy();
      expect((item?.documentation as { value: string } | undefined)?.value, marked).toContain(item!.detail!);
    }
  });

  it('replaces the value after the cursor right after `=`, and leaves a list alone', () => {
    const { at, items } = completions('[[services]]\n  protocol =| "tcp"\n');
    expect(accept(at.text, items.find((i) => i.label === 'udp')!).split('\n')[1]).toBe('  protocol = "udp"');
    for (const marked of ['[[services]]\n  protocol =|"tcp"\n', '[[services]]\n  protocol = |"tcp"\n']) {
      const next = completions(marked);
      expect(accept(next.at.text, next.items.find((i) => i.label === 'udp')!).split('\n')[1], marked).toMatch(/^  protocol = ?"udp"$/);
    }
    expect(completions(`${PROCESSES}[http_service]\n  processes =| ["app"]\n`).items).toEqual([]);
  });

  it('writes the commas a new item of a multi-line list needs', () => {
    const { at, items } = completions('[[services]]\n  [[services.ports]]\n    handlers = [\n      "tls"\n|\n    ]\n');
    expect(accept(at.text, items.find((i) => i.label === 'http')!)).toContain('"tls"\n, "http"\n');
    const first = completions('[[services]]\n  [[services.ports]]\n    handlers = [\n|      "tls"\n    ]\n');
    expect(accept(first.at.text, first.items.find((i) => i.label === 'http')!)).toContain('\n"http",       "tls"\n');
  });

  it('replaces a key typed in quotes, quotes included', () => {
    const { at, items } = completions('[http_service]\n  "forc|"\n');
    expect(accept(at.text, items.find((i) => i.label === 'force_https')!).split('\n')[1]).toBe('  force_https = ');
  });

  it('offers no key after a dotted prefix naming a table a header defines', () => {
    expect(completions('app = "shop"\nhttp_service.|\n[http_service]\n  internal_port = 8080\n').items).toEqual([]);
    expect(completions('app = "shop"\nhttp_service.|\n').items.map((i) => i.label)).toContain('internal_port');
  });

  it('offers no key where it would break the line: before a dotted key or a value without `=`', () => {
    expect(completions('[http_service]\n  |http_options.compress = true\n').items).toEqual([]);
    expect(completions('[http_service]\n  |"quoted" = true\n').items).toEqual([]);
  });

  it('asks VS Code for the values right after a key with choices', () => {
    const at = atCursor('[http_service]\n  auto_st|\n');
    const item = complete(at.file, at.offset, at.index, { retrigger: true }).find((i) => i.label === 'auto_stop_machines')!;
    expect(item.command?.command).toBe('editor.action.triggerSuggest');
    const internal = complete(at.file, at.offset, at.index, { retrigger: true }).find((i) => i.label === 'internal_port')!;
    expect(internal.command).toBeUndefined();
  });
});
