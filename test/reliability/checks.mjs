// The properties flylint must hold for any input, written once for the vitest properties (source)
// and `npm run fuzz` (the built bundle): each check throws an Error that says what broke.

const FILE = '/project/fly.toml';
const SYNTAX_RULES = new Set(['toml-syntax', 'toml-duplicate-key']);

/** @param {import('./checks.d.mts').FlylintApi} api */
export function createChecks(api) {
  const lint = (text) => api.lintText(text, { filePath: FILE });

  /**
   * The tree is lossless; lint never throws; ranges lie inside the text; findings sorted and unique.
   * `findings`: lintText's result for `text` when the caller already has it (timed it).
   */
  function invariants(text, findings = undefined) {
    const { ast } = api.parseToml(text);
    let expected = 0;
    for (const token of ast.tokens) {
      if (token.start !== expected || token.end <= token.start) fail(`tokens are not contiguous at offset ${expected}`);
      expected = token.end;
    }
    if (expected !== text.length) fail(`tokens end at ${expected}, the text at ${text.length}`);
    if (api.printDocument(ast, text) !== text) fail('the printed tree differs from the input');
    for (const c of ast.comments) inside(c.start, c.end, text, 'comment');

    findings ??= lint(text);
    const seen = new Set();
    let previous;
    for (const f of findings) {
      inside(f.range[0], f.range[1], text, `${f.ruleId} finding`);
      for (const r of f.related ?? []) if (!r.filePath) inside(r.range[0], r.range[1], text, `${f.ruleId} related note`);
      for (const fix of [f.fix, ...(f.suggestions ?? []).map((s) => s.fix)]) if (fix) inside(fix.range[0], fix.range[1], text, `${f.ruleId} fix`);
      if (typeof f.message !== 'string' || f.message.length === 0) fail(`${f.ruleId} finding without a message`);
      if (previous && compare(previous, f) > 0) fail(`findings out of order: ${describe(previous)} before ${describe(f)}`);
      const identity = `${f.ruleId}\0${f.range[0]}\0${f.range[1]}\0${f.message}`;
      if (seen.has(identity)) fail(`duplicate finding ${describe(f)}`);
      seen.add(identity);
      previous = f;
    }
    return findings;
  }

  /**
   * Applies fixes the way `--fix` does (lint, apply, repeat; at most 10 passes) and checks each
   * pass: no new syntax finding, every comment kept (a removed suppression aside), lines outside
   * the fixes' ranges unchanged; then that the loop settled (one more pass changes nothing).
   * With `unsafe`, suggestions are applied too; a suggestion may remove whole lines (a secret),
   * so only parseability, comments and idempotence are checked.
   */
  function fixes(original, { unsafe = false } = {}) {
    const options = { unsafe };
    let text = original;
    let findings = lint(text);
    const syntaxBefore = countSyntax(findings);
    for (let pass = 1; ; pass++) {
      const edits = api.fixesOf(findings, options);
      const result = api.applyFixes(text, findings, options);
      if (result.applied === 0 || result.text === text) return { text, passes: pass - 1 };
      if (pass > 10) fail(`fixes still change the text after 10 passes (${edits.length} pending)`);
      const next = lint(result.text);
      const syntaxAfter = countSyntax(next);
      if (syntaxAfter > syntaxBefore) fail(`pass ${pass} added a syntax error: ${describe(next.find((f) => SYNTAX_RULES.has(f.ruleId)))}\n--- before ---\n${text}\n--- after ---\n${result.text}`);
      const removesSuppression = findings.some((f) => f.ruleId === 'unused-suppression' && f.fix);
      sameComments(text, result.text, edits, removesSuppression, unsafe, pass);
      if (!unsafe) untouchedLinesKept(text, result.text, edits, pass);
      text = result.text;
      findings = next;
    }
  }

  /** Every fix and every suggestion, applied on its own, keeps the TOML as readable as it was. */
  function eachFixAlone(text) {
    const findings = lint(text);
    const before = countSyntax(findings);
    for (const f of findings) {
      for (const [what, fix] of [['fix', f.fix], ...(f.suggestions ?? []).map((s) => [`suggestion "${s.desc}"`, s.fix])]) {
        if (!fix) continue;
        const after = api.applyFixes(text, [{ ...f, fix, suggestions: [] }]).text;
        const broken = lint(after).filter((g) => SYNTAX_RULES.has(g.ruleId));
        if (broken.length > before) fail(`the ${what} of ${describe(f)} adds ${describe(broken[0])}\n--- after ---\n${after}`);
      }
    }
  }

  /**
   * Safe fixes keep the comments exactly (a removed unused suppression aside). A suggestion that
   * removes lines (a secret, a public port) takes the comments on those lines along; every other
   * comment stays, and no comment is added or altered.
   */
  function sameComments(before, after, edits, removesSuppression, unsafe, pass) {
    const keep = (c) => !(removesSuppression && c.text.includes('flylint-disable'));
    const removable = (c) => unsafe && edits.some((e) => e.range[0] <= c.start && c.end <= e.range[1]);
    const old = commentsOf(before).filter(keep);
    const now = commentsOf(after).filter(keep).map((c) => c.text);
    const required = old.filter((c) => !removable(c)).map((c) => c.text);
    const allowed = old.map((c) => c.text);
    const missing = multisetMinus(required, now);
    const added = multisetMinus(now, allowed);
    if (missing.length || added.length) fail(`pass ${pass} changed the comments: lost ${JSON.stringify(missing)}, added ${JSON.stringify(added)}`);
  }

  function commentsOf(text) {
    return api.parseToml(text).ast.comments;
  }

  return { invariants, fixes, eachFixAlone, lint };
}

/** Lines no fix touches must come through unchanged and in order; the head and tail exactly. */
function untouchedLinesKept(before, after, edits, pass) {
  const starts = lineStarts(before);
  const lineAt = (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const touched = new Set();
  for (const edit of edits) for (let l = lineAt(edit.range[0]); l <= lineAt(edit.range[1]); l++) touched.add(l);
  const oldLines = before.split('\n');
  const newLines = after.split('\n');
  const first = Math.min(...touched);
  const last = Math.max(...touched);
  for (let l = 0; l < first; l++) if (oldLines[l] !== newLines[l]) fail(`pass ${pass} changed line ${l + 1}, before any fix: ${JSON.stringify(oldLines[l])} → ${JSON.stringify(newLines[l])}`);
  const tail = oldLines.length - 1 - last;
  for (let k = 1; k <= tail; k++) {
    if (oldLines[oldLines.length - k] !== newLines[newLines.length - k]) fail(`pass ${pass} changed line ${oldLines.length - k + 1}, after every fix: ${JSON.stringify(oldLines[oldLines.length - k])}`);
  }
  let cursor = first;
  for (let l = first; l <= last; l++) {
    if (touched.has(l)) continue;
    while (cursor < newLines.length && newLines[cursor] !== oldLines[l]) cursor++;
    if (cursor >= newLines.length) fail(`pass ${pass} lost or changed line ${l + 1}, which no fix targets: ${JSON.stringify(oldLines[l])}`);
    cursor++;
  }
}

/** The items of `a` left after taking out one of each item of `b`. */
function multisetMinus(a, b) {
  const counts = new Map();
  for (const x of b) counts.set(x, (counts.get(x) ?? 0) + 1);
  return a.filter((x) => {
    const n = counts.get(x) ?? 0;
    if (n > 0) counts.set(x, n - 1);
    return n === 0;
  });
}

function lineStarts(text) {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function countSyntax(findings) {
  return findings.filter((f) => SYNTAX_RULES.has(f.ruleId)).length;
}

/** The engine's order: start, end, rule id, message. */
function compare(a, b) {
  return a.range[0] - b.range[0] || a.range[1] - b.range[1] || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message);
}

function inside(start, end, text, what) {
  if (!(Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start <= end && end <= text.length)) fail(`${what} range [${start}, ${end}] is outside a text of ${text.length}`);
}

function describe(f) {
  return f ? `${f.ruleId} [${f.range[0]}, ${f.range[1]}] ${JSON.stringify(f.message.slice(0, 80))}` : '(none)';
}

function fail(message) {
  throw new Error(message);
}

/**
 * Milliseconds per KB to lint `text` once and repeated `times` times (best of `runs`, after a warm-up).
 * Best-of keeps a garbage-collection pause on a 2-core machine from deciding the result.
 */
export function perKbTimes(lintText, text, times, runs = 3) {
  const measure = (input) => {
    lintText(input, { filePath: FILE });
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      lintText(input, { filePath: FILE });
      best = Math.min(best, performance.now() - start);
    }
    return best / (input.length / 1024);
  };
  return { one: measure(text), many: measure(text.repeat(times)) };
}
