import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AuthService } from './auth.service.js';

/**
 * The development admin token of an embedded registry lives in
 * `$DMESH_DATA_DIR/admin-token` (mode 0600), created on first start.
 */
export async function ensureDevAdminToken(
  auth: AuthService,
  dataDir: string,
): Promise<{ file: string; token: string }> {
  const file = join(dataDir, 'admin-token');
  let token = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (!token) {
    token = AuthService.newToken();
    writeFileSync(file, token + '\n', { mode: 0o600 });
  }
  await auth.ensureToken(token, 'development-admin', 'admin');
  return { file, token };
}
