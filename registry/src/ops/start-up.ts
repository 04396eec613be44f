import type { AppOptions } from '../app.module.js';
import type { RegistryConfig } from '../config.js';
import type { OpsConfig } from './ops-config.js';

/** What `main` gives createApp from the configuration: the production switch, the rate limit, the logger. */
export function operations(config: RegistryConfig): Pick<AppOptions, 'access' | 'ops'> & { log: OpsConfig } {
  return {
    access: config.access,
    ops: { ...(config.ops.rateLimit && { rateLimit: config.ops.rateLimit }) },
    log: config.ops,
  };
}

/** The start-up banner's line about access. */
export function accessLine(config: RegistryConfig): string {
  const mode = config.access.production ? 'production' : 'development';
  const limit = config.ops.rateLimit ? `${config.ops.rateLimit.max}/min per token or address` : 'off';
  return `  access     anonymous reads ${config.access.anonymousRead ? 'on' : 'off'} (${mode}); rate limit ${limit}`;
}
