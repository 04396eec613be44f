import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const DEFAULT_REGISTRY = 'http://localhost:4000';

export interface StoredCredentials {
  registry?: string;
  token?: string;
}

/** `$XDG_CONFIG_HOME/dmesh/credentials.json` (default ~/.config/dmesh), written with mode 0600. */
export function credentialsPath(env: Record<string, string | undefined>): string {
  const base = env.DMESH_CONFIG_DIR ?? join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'dmesh');
  return join(base, 'credentials.json');
}

export function readCredentials(env: Record<string, string | undefined>): StoredCredentials {
  const file = credentialsPath(env);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as StoredCredentials;
  } catch {
    return {};
  }
}

/** Written to a temporary file and renamed, so a crash never leaves half a credentials file. */
export function writeCredentials(env: Record<string, string | undefined>, credentials: StoredCredentials): string {
  const file = credentialsPath(env);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(credentials, null, 2) + '\n', { mode: 0o600 });
  renameSync(tmp, file);
  return file;
}

/** Flags, then DMESH_REGISTRY_URL / DMESH_TOKEN, then what `dmesh login` stored, then the default registry. */
export function resolveRegistrySettings(
  flags: { registry?: string; token?: string },
  env: Record<string, string | undefined>,
): { registry: string; token?: string } {
  const stored = readCredentials(env);
  const registry = flags.registry ?? env.DMESH_REGISTRY_URL ?? stored.registry ?? DEFAULT_REGISTRY;
  const token =
    flags.token ??
    env.DMESH_TOKEN ??
    (stored.registry === undefined || stored.registry === registry ? stored.token : undefined);
  return { registry, ...(token && { token }) };
}

/** The registry a person has chosen (environment or `dmesh login`), or undefined when only the default would be tried. */
export function configuredRegistry(env: Record<string, string | undefined>): string | undefined {
  return env.DMESH_REGISTRY_URL ?? readCredentials(env).registry;
}
