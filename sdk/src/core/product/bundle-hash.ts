import { createHash } from 'node:crypto';
import { canonicalJson } from '../contract/canonical.js';
import type { ProductBundle } from './types.js';

/** Identity of a product version's content: key order and formatting never count. */
export function bundleHash(bundle: ProductBundle): string {
  return (
    'sha256:' +
    createHash('sha256')
      .update(canonicalJson({ descriptor: bundle.descriptor, contracts: bundle.contracts }))
      .digest('hex')
  );
}
