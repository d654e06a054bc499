/**
 * Renaming a process group: its key in `[processes]` (or a legacy item's `name`) and every
 * `processes` list that names it, each written in the quoting it had where that can hold the new
 * name, so the file stays valid TOML and keeps its style.
 */
import type { KeySegmentNode, StringNode } from '../toml/ast.js';
import type { FlyConfig } from './config-types.js';
import { isDefinedProcess, occurrencesOf } from './process-names.js';

export interface TextEdit {
  range: [number, number];
  text: string;
}

export type RenameResult = { ok: true; edits: TextEdit[] } | { ok: false; error: string };

/**
 * Why a name cannot name a group, or undefined when it can. flyctl itself accepts any key of
 * [processes], but its commands name groups as `NAME=COUNT` (`fly scale count web=2`) and in
 * comma-separated lists (`fly deploy --process-groups web,worker`), and a name with a space has
 * to be quoted in every shell: such names would be a group no command can address.
 */
export function processNameProblem(name: string): string | undefined {
  if (name === '') return 'A process group name cannot be empty';
  const why = '"fly scale count NAME=COUNT" and "fly deploy --process-groups a,b" could not name the group';
  if (/\s/u.test(name)) return `"${name}" has white space, which a process group name cannot have: ${why}`;
  if (/[\u0000-\u001f\u007f]/u.test(name)) return `"${name.replace(/[\u0000-\u001f\u007f]/gu, '?')}" has a control character, which a process group name cannot have`;
  const separator = /[=,]/u.exec(name)?.[0];
  if (separator) return `"${name}" has "${separator}", which a process group name cannot have: ${why}`;
  return undefined;
}

const BARE = /^[A-Za-z0-9_-]+$/;

function basic(name: string): string {
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function keyText(name: string, segment: KeySegmentNode): string {
  if (segment.quote === 'bare' && BARE.test(name)) return name;
  if (segment.quote === 'literal' && !name.includes("'")) return `'${name}'`;
  return basic(name);
}

function stringText(name: string, node: StringNode): string {
  return (node.style === 'literal' || node.style === 'mlLiteral') && !name.includes("'") ? `'${name}'` : basic(name);
}

/** The edits that rename group `from` to `to`, or why they cannot. */
export function renameProcess(config: FlyConfig, from: string, to: string): RenameResult {
  if (!isDefinedProcess(config, from)) return { ok: false, error: `No process group "${from}" is defined in [processes]: only a defined group can be renamed` };
  const problem = processNameProblem(to);
  if (problem) return { ok: false, error: problem };
  if (to === from) return { ok: true, edits: [] };
  if (isDefinedProcess(config, to)) return { ok: false, error: `A process group "${to}" is already defined in [processes]: choose another name` };
  const edits = occurrencesOf(config, from).map((site): TextEdit => {
    const node = site.node;
    return { range: [node.start, node.end], text: node.kind === 'keySegment' ? keyText(to, node) : stringText(to, node) };
  });
  return { ok: true, edits };
}
