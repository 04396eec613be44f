export * from './types.js';
export * from './validate-product.js';
export * from './versions.js';
export { bundleHash } from './bundle-hash.js';
export * from './required-bump.js';
