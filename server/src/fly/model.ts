/** Placeholder: the fly.toml model is defined by the model module (issue 3). */
export interface FlyConfig {
  readonly appName: string | undefined;
}
