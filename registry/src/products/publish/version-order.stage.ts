import { checkVersionOrder } from '@dmesh/sdk';
import { RegistryError } from '../../common/registry-error.js';
import type { PublishContext, PublishStage } from './publish.types.js';

/**
 * ARCHITECTURE.md "Versions", in order: identical content to a stored version →
 * idempotent success; same version with different content → conflict; then ordering.
 */
export class VersionOrderStage implements PublishStage {
  readonly name = 'versions';

  async run(ctx: PublishContext): Promise<void> {
    const identical = ctx.existing.find((v) => v.contentHash === ctx.contentHash);
    if (identical) {
      ctx.unchanged = identical;
      return;
    }
    const version = ctx.bundle.descriptor.metadata.version;
    if (ctx.existing.some((v) => v.version === version)) {
      throw new RegistryError(
        'VERSION_CONFLICT',
        `${ctx.productId}@${version} is already published with different content`,
        [
          {
            code: 'VERSION_EXISTS',
            path: '/metadata/version',
            file: 'dataproduct.yaml',
            message: `${ctx.productId}@${version} exists and versions are immutable`,
            fix: `raise metadata.version (e.g. to the next patch) and publish again`,
          },
        ],
      );
    }
    const verdict = checkVersionOrder(
      ctx.existing.map((v) => v.version),
      version,
    );
    if (!verdict.ok) {
      ctx.issues.push({
        severity: 'error',
        stage: this.name,
        code: verdict.code,
        path: '/metadata/version',
        file: 'dataproduct.yaml',
        message: verdict.message,
        fix: verdict.fix,
      });
    }
  }
}
