export declare const ANNOTATIONS: string[];
/** Throws, naming the place, when the schema uses what flylint's validator does not implement. */
export declare function assertValidatorCovers(schema: unknown, where?: string): void;
