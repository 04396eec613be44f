export * from './core/index.js';
export { loadProduct, checkLoadedProduct, ProductLoadError, type LoadedProduct } from './io/load-product.js';
export { parseYaml, parseJson } from './io/parse-files.js';
