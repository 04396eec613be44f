import { Injectable } from '@nestjs/common';
import { ContractsService } from '../contracts/contracts.service.js';
import { RequestError } from '../common/registry-error.js';
import { ProductsService } from '../products/products.service.js';

/** A published contract and its strong ETag (the content hash, quoted). */
export interface PortContract {
  etag: string;
  /** Reads the schema: only when the ETag did not match. */
  schema: () => Promise<unknown>;
}

/**
 * The published contract of one port of one version, as stored, for tools that
 * fetch schemas by URL (code generators, validators, `dmesh pull`). A
 * published version never changes, so its content hash is a strong ETag.
 */
@Injectable()
export class PortContractService {
  constructor(
    private readonly products: ProductsService,
    private readonly contracts: ContractsService,
  ) {}

  async contract(id: string, version: string, port: string): Promise<PortContract> {
    const v = await this.products.getVersion(id, version);
    const found = (await this.products.portsByVersions([v.id])).find((p) => p.name === port);
    if (!found)
      throw new RequestError('NOT_FOUND', `${id}@${version} has no output port ${port}`, [
        { code: 'PORT_NOT_FOUND', message: `no port ${port}`, fix: `see the ports with: dmesh show ${id}@${version}` },
      ]);
    const hash = found.contractHash;
    return {
      etag: `"${hash}"`,
      schema: async () => (await this.contracts.schemasByHashes([hash])).get(hash),
    };
  }
}

/** Whether an If-None-Match header names the ETag (weak or strong, one of a list, or `*`). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  return !!ifNoneMatch?.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === etag);
}
