/**
 * Just enough of a Dockerfile to know what the image it builds exposes and runs: stages (`FROM …
 * AS name`), `ARG`/`ENV` with `$VAR` substitution, `EXPOSE`, `CMD` and `ENTRYPOINT`. It follows
 * BuildKit's reading: a parser directive may change the escape character, comment lines vanish
 * even inside a continued instruction, and heredoc bodies (`RUN <<EOF`) are not instructions.
 * Anything it cannot resolve is `undefined`, never a guess.
 */

export interface Instruction {
  keyword: string;
  /** The arguments, continuation lines joined. */
  args: string;
  /** 1-based line of the keyword. */
  line: number;
}

export interface Stage {
  /** The name after `AS`, lower-cased as BuildKit compares it. */
  name?: string;
  /** The index of the earlier stage this one is built `FROM`, if any. */
  parent?: number;
  /** Each `EXPOSE` token after substitution; undefined where a variable could not be resolved. */
  exposes: Array<string | undefined>;
  /** Environment set by `ENV` here and in the stages it is built from; undefined values are unresolved. */
  env: Map<string, string | undefined>;
  cmd?: string;
  entrypoint?: string;
}

export interface ParsedDockerfile {
  stages: Stage[];
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.*?)\s*$/;
const HEREDOC = /<<(-?)\s*(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

/** Splits a Dockerfile into instructions. */
export function instructions(text: string): Instruction[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let escape = '\\';
  let i = 0;
  // Parser directives: only at the very top, before any other comment, blank line or instruction.
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]!);
    if (!m) break;
    if (m[1]!.toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2];
  }
  const out: Instruction[] = [];
  while (i < lines.length) {
    const first = lines[i]!;
    const trimmed = first.trim();
    if (trimmed === '' || trimmed.startsWith('#')) {
      i++;
      continue;
    }
    const line = i + 1;
    let joined = '';
    let current = first;
    for (;;) {
      const end = current.replace(/\s+$/, '');
      i++;
      if (end.endsWith(escape)) {
        joined += end.slice(0, -1);
        // The next lines: comments and blank lines inside a continuation are dropped.
        while (i < lines.length && (lines[i]!.trim() === '' || lines[i]!.trim().startsWith('#'))) i++;
        if (i >= lines.length) break;
        current = lines[i]!;
        continue;
      }
      joined += current;
      break;
    }
    const m = /^\s*(\S+)\s*(.*)$/s.exec(joined);
    if (!m) continue;
    const keyword = m[1]!.toUpperCase();
    const args = m[2]!.trim();
    out.push({ keyword, args, line });
    // Heredoc bodies follow the instruction; they are data, not instructions.
    if (keyword === 'RUN' || keyword === 'COPY' || keyword === 'ADD') {
      for (const heredoc of args.matchAll(HEREDOC)) {
        const strip = heredoc[1] === '-';
        const word = heredoc[3]!;
        while (i < lines.length && (strip ? lines[i]!.replace(/^\t+/, '') : lines[i]!) !== word) i++;
        i++;
      }
    }
  }
  return out;
}

type Scope = ReadonlyMap<string, string | undefined>;

/**
 * `$VAR`, `${VAR}`, `${VAR:-word}`, `${VAR-word}`, `${VAR:+word}`, `${VAR+word}` replaced from
 * `scope`; undefined when a variable the value needs is unknown. The escape character makes a `$` plain.
 */
export function substitute(value: string, scope: Scope, escape = '\\'): string | undefined {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === escape && value[i + 1] === '$') {
      out += '$';
      i++;
      continue;
    }
    if (c !== '$') {
      out += c;
      continue;
    }
    if (value[i + 1] === '{') {
      const close = value.indexOf('}', i + 2);
      if (close < 0) return undefined;
      const inner = value.slice(i + 2, close);
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])(.*))?$/s.exec(inner);
      if (!m) return undefined;
      const [, name, op, word] = m;
      const set = scope.has(name!);
      const v = scope.get(name!);
      if (op === undefined) {
        if (v === undefined) return undefined;
        out += v;
      } else {
        const colon = op.startsWith(':');
        const present = set && v !== undefined && (!colon || v !== '');
        if (set && v === undefined) return undefined;
        const w = substitute(word ?? '', scope, escape);
        if (w === undefined) return undefined;
        if (op.endsWith('-')) out += present ? v! : w;
        else out += present ? w : '';
      }
      i = close;
      continue;
    }
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(value.slice(i + 1));
    if (!m) {
      out += c;
      continue;
    }
    const v = scope.get(m[0]);
    if (v === undefined) return undefined;
    out += v;
    i += m[0].length;
  }
  return out;
}

function unquote(word: string): string {
  if (word.length >= 2 && (word[0] === '"' || word[0] === "'") && word.at(-1) === word[0]) return word.slice(1, -1);
  return word;
}

/** Whitespace-separated words, keeping quoted runs whole (`a="b c"` is one word). */
function words(args: string): string[] {
  return args.match(/(?:[^\s"']+|"(?:\\.|[^"\\])*"|'[^']*')+/g) ?? [];
}

/** `KEY=value …` pairs (a bare `KEY` for ARG), or ENV's legacy `KEY value` form. */
function assignments(args: string, legacy: boolean): Array<[string, string | undefined]> {
  const list = words(args);
  if (legacy && list.length && !list[0]!.includes('=')) {
    const name = list[0]!;
    return [[name, args.slice(args.indexOf(name) + name.length).trim()]];
  }
  return list.map((w) => {
    const eq = w.indexOf('=');
    return eq < 0 ? [w, undefined] : [w.slice(0, eq), unquote(w.slice(eq + 1))];
  });
}

/** An exec-form array joined with spaces, or the shell form as written. */
function commandText(args: string): string {
  if (args.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(args);
      if (Array.isArray(parsed) && parsed.every((p) => typeof p === 'string')) return parsed.join(' ');
    } catch {
      // Not JSON: Docker runs it as a shell command.
    }
  }
  return args;
}

/** The stages of a Dockerfile with what each exposes, sets and runs. `buildArgs` are `[build.args]`. */
export function parseDockerfile(text: string, buildArgs: ReadonlyMap<string, string> = new Map()): ParsedDockerfile {
  const globalArgs = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  let stage: Stage | undefined;
  let scope = new Map<string, string | undefined>();
  for (const ins of instructions(text)) {
    const current: Scope = stage ? new Map([...stage.env, ...scope]) : globalArgs;
    switch (ins.keyword) {
      case 'ARG': {
        for (const [name, value] of assignments(ins.args, false)) {
          const resolved = buildArgs.has(name) ? buildArgs.get(name) : value !== undefined ? substitute(value, current) : stage ? globalArgs.get(name) : undefined;
          (stage ? scope : globalArgs).set(name, resolved);
        }
        break;
      }
      case 'FROM': {
        const list = words(ins.args).filter((w) => !w.startsWith('--'));
        const base = substitute(list[0] ?? '', globalArgs)?.toLowerCase();
        const as = list[1]?.toLowerCase() === 'as' ? list[2]?.toLowerCase() : undefined;
        const parent = base === undefined ? undefined : stages.findIndex((s, index) => s.name === base || String(index) === base);
        const from = parent !== undefined && parent >= 0 ? stages[parent] : undefined;
        stage = {
          ...(as ? { name: as } : {}),
          ...(from ? { parent: parent! } : {}),
          exposes: [],
          env: new Map(from?.env ?? []),
          ...(from?.cmd !== undefined ? { cmd: from.cmd } : {}),
          ...(from?.entrypoint !== undefined ? { entrypoint: from.entrypoint } : {}),
        };
        stages.push(stage);
        scope = new Map();
        break;
      }
      case 'ENV': {
        if (!stage) break;
        for (const [name, value] of assignments(ins.args, true)) stage.env.set(name, value === undefined ? undefined : substitute(value, new Map([...stage.env, ...scope])));
        break;
      }
      case 'EXPOSE': {
        if (!stage) break;
        for (const word of words(ins.args)) {
          const v = substitute(unquote(word), current);
          stage.exposes.push(v === undefined ? undefined : unquote(v));
        }
        break;
      }
      case 'CMD':
        if (stage) stage.cmd = commandText(ins.args);
        break;
      case 'ENTRYPOINT':
        // Docker drops an inherited CMD here; keeping it only adds evidence of a port, never a finding.
        if (stage) stage.entrypoint = commandText(ins.args);
        break;
    }
  }
  return { stages };
}

/** The stage an image is built from: the `build-target`, else the last. */
export function targetStage(parsed: ParsedDockerfile, target?: string): number | undefined {
  if (target !== undefined) {
    const index = parsed.stages.findIndex((s) => s.name === target.toLowerCase());
    return index >= 0 ? index : undefined;
  }
  return parsed.stages.length ? parsed.stages.length - 1 : undefined;
}

/** The stage and the stages it is built `FROM`, nearest first. */
export function stageChain(parsed: ParsedDockerfile, index: number): Stage[] {
  const chain: Stage[] = [];
  for (let i: number | undefined = index; i !== undefined && chain.length <= parsed.stages.length; i = parsed.stages[i]!.parent) chain.push(parsed.stages[i]!);
  return chain;
}
