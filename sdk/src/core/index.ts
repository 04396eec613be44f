// The SDK's pure core: no files, network or process. The registry imports the
// same functions, so the CLI and the registry cannot disagree.
export * from './identifiers.js';
export * from './contract/canonical.js';
export * from './contract/compile.js';
export * from './contract/fields.js';
export * from './consumers/consumer-id.js';
export * from './export/index.js';
export * from './import/index.js';
export * from './product/index.js';
export { validateDocument } from '@dmesh/contracts';
export * from './compat/index.js';
export * from './governance/index.js';
export * from './sla/status.js';
export * from './sla/timeline.js';
export * from './sql/index.js';
