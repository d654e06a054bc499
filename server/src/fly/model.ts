/** Placeholder: the fly.toml model is defined by the model module (issue 3). */
import type { TomlTable } from '../toml/values.js';

export interface FlyConfig {
  readonly appName: string | undefined;
}

export function buildModel(value: TomlTable): FlyConfig {
  const app = value.entries.get('app')?.value;
  return { appName: app?.type === 'string' ? (app.value as string) : undefined };
}
