import { mayPublish, type Principal } from '../../auth/auth.service.js';
import { RequestError } from '../../common/registry-error.js';

/**
 * Observed lineage changes the drift and lineage of the products an event
 * writes to, so posting one needs `publisher` for the domain of every product
 * whose port the event names as an output, or the `lineage-writer` role (a
 * scheduler reporting for every team), or admin. Inputs change nothing of
 * their products. An event whose outputs match no port still needs a role
 * that writes lineage.
 */
export function assertMayIngest(principal: Principal, outputProducts: string[]): void {
  if (principal.role === 'admin' || principal.role === 'lineage-writer') return;
  const refuse = (message: string, product?: string) =>
    new RequestError('FORBIDDEN', message, [
      {
        code: 'LINEAGE_FORBIDDEN',
        ...(product && { path: product }),
        message,
        fix: product
          ? `post it with a publisher token for ${product.split('.')[0]} (dmesh token create), or a lineage-writer token`
          : 'use a publisher or lineage-writer token',
      },
    ]);
  if (principal.role !== 'publisher')
    throw refuse(`${principal.name} (${principal.role}) may not post OpenLineage events`);
  for (const product of [...new Set(outputProducts)].sort())
    if (!mayPublish(principal, product.split('.')[0]))
      throw refuse(
        `${principal.name} may not post lineage for ${product}: the event names its port as an output, and ${principal.name} does not publish to ${product.split('.')[0]}`,
        product,
      );
}
