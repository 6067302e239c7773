// The part of papaparse that Balie uses, typed without Node. (@types/papaparse pulls in
// Node's types, which would let pure and browser code reach for `process` unnoticed.)
// tsconfig.base.json maps the module name `papaparse` to this file.

export interface ParseError {
  readonly type: 'Quotes' | 'Delimiter' | 'FieldMismatch';
  readonly code: string;
  readonly message: string;
  readonly row?: number;
}

export interface ParseResult<T> {
  readonly data: T[];
  readonly errors: ParseError[];
}

export interface ParseConfig {
  readonly delimiter?: string;
  readonly header?: boolean;
  readonly skipEmptyLines?: boolean | 'greedy';
}

export interface UnparseConfig {
  readonly delimiter?: string;
  readonly newline?: string;
  readonly escapeFormulae?: boolean | RegExp;
}

declare const Papa: {
  parse<T>(text: string, config?: ParseConfig): ParseResult<T>;
  unparse(data: { fields: string[]; data: unknown[][] | object[] }, config?: UnparseConfig): string;
};

export default Papa;
