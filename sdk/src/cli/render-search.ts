import type { RegistrySchemas } from '../io/registry-client.js';
import type { CliIO } from './io.js';

type ProductPage = RegistrySchemas['ProductPageDto'];
type FieldPage = RegistrySchemas['FieldPageDto'];

/** A snippet cut to about two lines, at a word. */
const clip = (text: string, max = 160) =>
  text.length <= max ? text : `${text.slice(0, text.lastIndexOf(' ', max))} …`;

const SLA_COLOUR = { met: 'green', at_risk: 'yellow', breached: 'red', unknown: 'dim' } as const;

/**
 * Search hits as people read them: id and title, then domain, owner, status,
 * SLA status and consumers, then where it matched (parts and fields) and the
 * description around the matched words.
 */
export function renderSearch(io: CliIO, page: ProductPage, next: (cursor: string) => string): void {
  const c = io.color;
  if (page.correctedQuery) io.out(c.dim(`no product has those words; showing results for "${page.correctedQuery}"`));
  if (!page.items.length) {
    io.out('no products match');
    return;
  }
  for (const p of page.items) {
    const sla = c[SLA_COLOUR[p.slaStatus as keyof typeof SLA_COLOUR] ?? 'dim'](`SLA ${p.slaStatus.replace('_', ' ')}`);
    const status = p.status === 'active' ? p.status : c.yellow(p.status);
    io.out(`${c.bold(`${p.id}@${p.latestVersion}`)}  ${p.title}`);
    io.out(
      `  ${[`domain ${p.domain}`, `owner ${p.owner.team}`, status, sla, `${p.consumers} consumer(s)`].join(c.dim(' · '))}`,
    );
    const fields = p.match.fields.map((f) => `${f.port}#${f.path}`);
    const matched = [
      ...(p.match.sections.length ? [`matched ${p.match.sections.join(', ')}`] : []),
      ...(fields.length ? [`field ${fields.join(', ')}`] : []),
    ];
    if (matched.length) io.out(c.dim(`  ${matched.join(' · ')}`));
    if (p.match.snippet) io.out(`  ${clip(p.match.snippet).replace(/«([^»]*)»/g, (_, w: string) => c.bold(w))}`);
  }
  io.out(c.dim(`${page.items.length} of ${page.totalCount} product(s)`));
  if (page.nextCursor) io.out(c.dim(`next page: ${next(page.nextCursor)}`));
}

/** Field hits, one a line: where the field is, its type, required-ness, classification and description. */
export function renderFields(io: CliIO, page: FieldPage, next: (cursor: string) => string): void {
  const c = io.color;
  if (!page.items.length) {
    io.out('no fields match');
    return;
  }
  const where = page.items.map((f) => `${f.product}/${f.port}#${f.path}`);
  const width = Math.max(...where.map((w) => w.length));
  page.items.forEach((f, k) => {
    const classification = f.classification ? (f.classification === 'pii' ? c.red('pii') : f.classification) : '';
    const facts = [f.type ?? '?', f.required ? 'required' : 'optional', classification].filter(Boolean).join(' ');
    const matched = f.match === 'name' ? '' : c.dim(` (${f.match})`);
    const text = f.description
      ? c.dim(` — ${f.description.length > 60 ? `${f.description.slice(0, 59)}…` : f.description}`)
      : '';
    io.out(`${c.bold(where[k].padEnd(width))}  ${facts}${matched}${text}`);
  });
  const counted = page.totalCount > 1000 ? 'over 1000' : String(page.totalCount);
  io.out(c.dim(`${page.items.length} of ${counted} field(s)`));
  if (page.nextCursor) io.out(c.dim(`next page: ${next(page.nextCursor)}`));
}
