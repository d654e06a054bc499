export declare const TOOLS_SCHEMA_PATH: string;
export declare const TOOLS_SCHEMA_URL: string;
export declare function toolsSchema(source: { [keyword: string]: unknown }, id?: string): { [keyword: string]: unknown };
export declare function toolsSchemaText(source: { [keyword: string]: unknown }, id?: string): string;
