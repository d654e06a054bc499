/**
 * How a message names another config of the project: relative to the folder of the file the
 * message is about (`fly.toml`, `../api/fly.toml`). The same words then read right in the
 * terminal, in an editor and in a CI log, wherever the command was run from.
 */
export function pathFromFile(fromFile: string, toFile: string): string {
  const from = fromFile.split(/[\\/]/).slice(0, -1);
  const to = toFile.split(/[\\/]/);
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  // Paths that share nothing (another drive, a URI) are shown as given.
  if (common === 0 && from.length > 0) return toFile;
  return [...Array<string>(from.length - common).fill('..'), ...to.slice(common)].join('/');
}
