// The contract-to-SQL compiler: a dialect is one file implementing `SqlDialect` (dialect.ts).
export { compileSqlTest, SqlContractError, type CompileInput, type CompiledSqlTest } from './compile.js';
export type { SqlDialect, ValueView, ViewOptions, RowIdentity, DecidedCheck, JsonKind } from './dialect.js';
export type { RegexSyntax, TranslatedPattern } from './regex/emit.js';
export { translatePattern } from './regex/emit.js';
export { duckdbDialect } from './duckdb/dialect.js';
export { postgresDialect } from './postgres/dialect.js';
export type { SourceColumn } from './fields.js';
export type { PlacedCheck, Engine as CheckEngine } from './placement.js';
export type { SqlDataTestReport } from './report.js';
export { mainStatement, streamStatement, recordsStatement, rejectsStatement } from './statements.js';
export { SQL_FORMATS } from './formats.js';
export { parseZone, type Zone } from '../columnar/zone.js';
