/** A port across versions: SLA observations and status belong to `<domain>.<product>/<port>`, not to one version. */
export interface PortKey {
  productId: string;
  port: string;
}

export const portKeyId = (k: PortKey) => `${k.productId}/${k.port}`;

export function parsePortKeyId(id: string): PortKey {
  const slash = id.indexOf('/');
  return { productId: id.slice(0, slash), port: id.slice(slash + 1) };
}

/** `unnest` parameters for a list of ports: two parallel text arrays. */
export const keyArrays = (keys: readonly PortKey[]) => [keys.map((k) => k.productId), keys.map((k) => k.port)];
