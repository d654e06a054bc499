/**
 * Hover on `internal_port`: what the Dockerfile the config builds exposes, so a port that does
 * not match shows where the app is expected to listen.
 */
import type { AnalyzedFile } from '../lint/engine.js';
import type { ProjectView } from '../project/project-view.js';
import { imageFacts } from '../project/built-image.js';

/** Markdown to add to the hover at `offset`, or undefined when it is not on an `internal_port` or no Dockerfile is built. */
export function internalPortHover(file: AnalyzedFile, offset: number, view: ProjectView): string | undefined {
  const field = file.config.services.map((s) => s.internalPort).find((f) => f !== undefined && offset >= f.key.start && offset <= f.node.end);
  if (!field) return undefined;
  const image = imageFacts(file.config, view);
  if (!image) return undefined;
  const exposed = image.exposed === undefined ? 'a port this hover cannot resolve' : image.exposed.length === 0 ? 'no port' : image.exposed.length === 1 ? `port ${image.exposed[0]}` : `ports ${image.exposed.join(', ')}`;
  const env = image.envPort ? ' and sets `PORT` with `ENV`' : '';
  return `**Dockerfile**: the image built from \`${image.dockerfile}\` exposes ${exposed}${env}.`;
}
