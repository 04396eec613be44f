export * from './schemas.js';
export * from './validate.js';
export type * from './generated/dataproduct.js';
export type { Domain } from './generated/domain.js';
export type { Observation } from './generated/observation.js';
