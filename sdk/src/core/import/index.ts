// Importers: ODCS v3 data contracts and dbt manifests as dmesh product folders.
export { fromOdcs, type OdcsImportOptions } from './odcs.js';
export { fromDbtManifest } from './dbt-product.js';
export type { DbtImportOptions, DbtProduct } from './dbt.js';
export { ImportError, type ImportedProduct } from './errors.js';
