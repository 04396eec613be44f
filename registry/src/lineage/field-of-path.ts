/**
 * The field a compatibility change is about, from its JSON path:
 * `/properties/address/properties/city/type` → `address.city`; array items add
 * no segment (`/properties/lines/items/properties/sku` → `lines.sku`, as
 * listFields names them). Undefined for changes to the record as a whole.
 */
export function fieldOfPath(path: string): string | undefined {
  const segments = path
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const names: string[] = [];
  for (let i = 0; i < segments.length; i++) {
    if (segments[i] === 'properties' && i + 1 < segments.length) names.push(segments[++i]);
    else if (segments[i] === 'items') continue;
    else if (segments[i] === 'prefixItems' && /^\d+$/.test(segments[i + 1] ?? '')) i++;
    else break;
  }
  return names.length ? names.join('.') : undefined;
}
