export declare const SCHEMASTORE_SCHEMA_PATH: string;
export declare const SCHEMASTORE_ID: string;
export declare function generatedFiles(source: { [keyword: string]: unknown }): Record<string, string>;
