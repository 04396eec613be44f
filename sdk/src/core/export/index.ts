// Converters from a contract (or a whole product) to other formats; each says in its output what the format cannot express.
export { toJsonSchema } from './jsonschema.js';
export { toTypeScript } from './typescript.js';
export { toZod } from './zod.js';
export { toSqlDdl } from './sql-ddl.js';
export { toAvro } from './avro.js';
export { toOdcs, type ProductSource } from './odcs.js';
export { toDbt } from './dbt.js';
export type { PortSource } from './names.js';
export type { Loss } from './losses.js';
