import type { DataProduct } from '../core/product/types.js';
import { checkLoadedProduct, loadProduct } from '../io/load-product.js';
import type { LoadedPort } from './commands/test.js';
import { UsageError } from './io.js';
import { problemLocation } from './render.js';

/** Resolves the output port `dmesh test` checks from a product folder. */
export async function loadPortForTest(productDir: string, portName?: string): Promise<LoadedPort> {
  const loaded = await loadProduct(productDir);
  const problems = checkLoadedProduct(loaded);
  if (problems.length) {
    throw new UsageError(
      `${productDir} is not valid (run dmesh validate): ${problems.map((p) => `${problemLocation(p)}: ${p.message}`).join('; ')}`,
    );
  }
  const d = loaded.bundle.descriptor as DataProduct;
  const outputs = d.spec.outputs;
  const port = portName ? outputs.find((o) => o.name === portName) : outputs.length === 1 ? outputs[0] : undefined;
  if (!port) {
    throw new UsageError(
      portName
        ? `${d.metadata.domain}.${d.metadata.name} has no output port "${portName}" (ports: ${outputs.map((o) => o.name).join(', ')})`
        : `${d.metadata.domain}.${d.metadata.name} has ${outputs.length} output ports; choose one with --port (${outputs.map((o) => o.name).join(', ')})`,
    );
  }
  return {
    productId: `${d.metadata.domain}.${d.metadata.name}`,
    port: port.name,
    contract: loaded.bundle.contracts[port.contract],
    contractPath: port.contract,
    quality: port.quality ?? [],
    ...(port.location && { location: port.location }),
  };
}
