import { SetMetadata } from '@nestjs/common';

/**
 * What a route or resolver needs, read by the auth guard. Declared here so any
 * context can mark its transports without importing auth.
 * - no mark: a read; it needs a token of any role unless anonymous reads are on.
 * - `@RequiresToken()`: a write; it needs a valid token (the service checks the role and domain).
 * - `@RequiresRole(...)`: only these roles (e.g. the audit, for admins).
 * - `@Public()`: no token ever (health probes).
 */
export const ACCESS = 'dmesh:access';

export type Access = { kind: 'public' } | { kind: 'token' } | { kind: 'roles'; roles: string[] };

export const Public = () => SetMetadata(ACCESS, { kind: 'public' } satisfies Access);
export const RequiresToken = () => SetMetadata(ACCESS, { kind: 'token' } satisfies Access);
export const RequiresRole = (...roles: string[]) => SetMetadata(ACCESS, { kind: 'roles', roles } satisfies Access);
