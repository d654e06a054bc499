/** Where the test data lives (test/data, see its README): the one place tests name these folders. */
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const dataDir = fileURLToPath(new URL('../data/', import.meta.url));
export const corpusDir = join(dataDir, 'corpus', 'real-world');
export const flyctlFixturesDir = join(dataDir, 'flyctl-fixtures');
export const tomlTestDir = join(dataDir, 'toml-test');
export const specDir = join(dataDir, 'spec');
export const sarifSchemaFile = join(dataDir, 'schemas-external', 'sarif-schema-2.1.0.json');
export const schemastoreFlySchemaFile = join(dataDir, 'schemas-external', 'schemastore-fly.json');
