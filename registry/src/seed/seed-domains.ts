import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { checkLoadedProduct, loadProduct, type DataProduct, type LoadedProduct } from '@dmesh/sdk';
import type { Principal } from '../auth/auth.service.js';
import type { PolicyService } from '../governance/policy.service.js';
import type { PublishPipeline } from '../publish/publish.pipeline.js';
import { parse } from 'yaml';
import { readFileSync } from 'node:fs';

const SEEDER: Principal = { name: 'demo-seeder', role: 'admin', domains: [] };

interface Release {
  id: string;
  version: string;
  dir: string;
  loaded: LoadedProduct;
}

function productDirs(domainsDir: string): string[] {
  const out: string[] = [];
  for (const domain of readdirSync(domainsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    for (const product of readdirSync(join(domainsDir, domain), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()) {
      if (existsSync(join(domainsDir, domain, product, 'dataproduct.yaml')))
        out.push(join(domainsDir, domain, product));
    }
  }
  return out;
}

async function releasesOf(dir: string): Promise<Release[]> {
  const dirs = [dir];
  const releases = join(dir, 'releases');
  if (existsSync(releases)) dirs.push(...readdirSync(releases).map((v) => join(releases, v)));
  const out: Release[] = [];
  for (const d of dirs) {
    const loaded = await loadProduct(d);
    const problems = checkLoadedProduct(loaded);
    if (problems.length)
      throw new Error(
        `${d}: ${problems.map((p) => `${p.file ?? ''}${p.line ? `:${p.line}` : ''} ${p.path} ${p.message}`).join('; ')}`,
      );
    const m = (loaded.bundle.descriptor as DataProduct).metadata;
    // Releases live in <product>/releases/<v>/, so their domain.yaml is two levels further up.
    if (!loaded.domain && d !== dir) loaded.domain = (await loadProduct(dir)).domain;
    out.push({ id: `${m.domain}.${m.name}`, version: m.version, dir: d, loaded });
  }
  return out.sort((a, b) => semver.compare(a.version, b.version));
}

/** Upstream products before their consumers (over the inputs of every version). */
function topologicalOrder(byProduct: Map<string, Release[]>): string[] {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (id: string, trail: string[]) => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'visiting')
      throw new Error(`the demo catalog has a lineage cycle: ${[...trail, id].join(' -> ')}`);
    state.set(id, 'visiting');
    for (const r of byProduct.get(id) ?? []) {
      for (const input of (r.loaded.bundle.descriptor as DataProduct).spec.inputs ?? []) {
        if (byProduct.has(input.product)) visit(input.product, [...trail, id]);
      }
    }
    state.set(id, 'done');
    order.push(id);
  };
  [...byProduct.keys()].sort().forEach((id) => visit(id, []));
  return order;
}

/** Registers `domains/<d>/policies/*.yaml` (idempotent: a policy is replaced by the same content). */
async function seedPolicies(policies: PolicyService, domainsDir: string, log: (line: string) => void): Promise<number> {
  let count = 0;
  for (const domain of readdirSync(domainsDir).sort()) {
    const dir = join(domainsDir, domain, 'policies');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f))
      .sort()) {
      const doc = parse(readFileSync(join(dir, file), 'utf8')) as { id?: string };
      if (!doc?.id) throw new Error(`${join(dir, file)}: a policy needs an id`);
      await policies.put(doc.id, doc, SEEDER);
      log(`  policy ${doc.id} (${domain}/policies/${file})`);
      count++;
    }
  }
  return count;
}

/**
 * Publishes every domain and product under `domainsDir` through the same
 * pipeline as `dmesh publish`: domain policies first (when `policies` is
 * given), then earlier releases first, upstream before downstream.
 * Publishing is idempotent, so a second start changes nothing.
 */
export async function seedDomains(
  pipeline: PublishPipeline,
  domainsDir: string,
  log: (line: string) => void,
  policies?: PolicyService,
): Promise<{ published: number; unchanged: number }> {
  if (policies) await seedPolicies(policies, domainsDir, log);
  const byProduct = new Map<string, Release[]>();
  for (const dir of productDirs(domainsDir)) {
    const releases = await releasesOf(dir);
    byProduct.set(releases[0].id, releases);
  }
  let published = 0;
  let unchanged = 0;
  for (const id of topologicalOrder(byProduct)) {
    for (const r of byProduct.get(id)!) {
      const result = await pipeline.publish(
        id,
        {
          ...r.loaded.bundle,
          contracts: r.loaded.bundle.contracts,
          ...(r.loaded.domain && { domain: r.loaded.domain }),
        },
        SEEDER,
      );
      if (result.outcome === 'published') published++;
      else unchanged++;
      log(`  ${result.outcome === 'published' ? 'published' : 'unchanged'} ${id}@${r.version}`);
    }
  }
  return { published, unchanged };
}
