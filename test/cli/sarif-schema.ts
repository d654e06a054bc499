/** The official SARIF 2.1.0 schema (draft-04), compiled once for the tests. */
import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import { sarifSchemaFile } from '../support/data-paths.js';

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };
const Ajv = ((AjvDraft04 as unknown as { default?: unknown }).default ?? AjvDraft04) as new (options: object) => { compile(schema: object): Validate };

const schema = JSON.parse(readFileSync(sarifSchemaFile, 'utf8'));
export const validateSarif: Validate = new Ajv({ allErrors: true, strict: false, logger: false }).compile(schema);
