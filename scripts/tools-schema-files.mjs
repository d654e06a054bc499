// Every file generated from schemas/fly.schema.json for other tools, by path: the build writes
// them, a test compares them with what is committed.
import { TOOLS_SCHEMA_PATH, toolsSchemaText } from './tools-schema.mjs';

/** SchemaStore serves its copy under its own URL: the submission's schema carries that `$id`. */
export const SCHEMASTORE_SCHEMA_PATH = 'schemastore/src/schemas/json/fly.json';
export const SCHEMASTORE_ID = 'https://json.schemastore.org/fly.json';

export function generatedFiles(source) {
  return {
    [TOOLS_SCHEMA_PATH]: toolsSchemaText(source),
    [SCHEMASTORE_SCHEMA_PATH]: toolsSchemaText(source, SCHEMASTORE_ID),
  };
}
