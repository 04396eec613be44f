export * from './core/index.js';
export { loadProduct, checkLoadedProduct, ProductLoadError, type LoadedProduct } from './io/load-product.js';
export { parseYaml, parseJson } from './io/parse-files.js';
// Pipeline entry points: test a batch and report the SLA observation (see domains/sales/orders/pipeline/).
export { runDataTest, type RunDataTestOptions, type DataTestRunResult } from './io/data/run-data-test.js';
export { buildObservation, type DataObservation } from './core/quality/observation.js';
export { createRegistryClient, type RegistryClient, type RegistrySchemas } from './io/registry-client.js';
