import { validateDocument, type DataProduct, type Problem, type ProductBundle } from '@dmesh/sdk';
import { mayPublish, type Principal } from '../auth/auth.service.js';
import { RequestError } from '../common/registry-error.js';
import { PublishError } from './publish.errors.js';

export interface PublishRequest {
  descriptor: unknown;
  contracts: Record<string, unknown>;
  domain?: Record<string, unknown>;
}

export interface ParsedRequest {
  bundle: ProductBundle & { descriptor: DataProduct };
  domainDoc?: Record<string, unknown>;
  contentHash: string;
}

/** Validates a bundle and hashes it when valid: the SDK's checks, run inline or on a worker thread. */
export type CheckBundle = (bundle: ProductBundle) => Promise<{ problems: Problem[]; contentHash: string | undefined }>;

/**
 * The request as the stages need it: a valid descriptor with its contracts,
 * sent to the product it declares, in a domain the principal may publish to.
 * Everything here is checked before the transaction starts.
 */
export async function parsePublishRequest(
  productId: string,
  request: PublishRequest,
  principal: Principal,
  checkBundle: CheckBundle,
): Promise<ParsedRequest> {
  assertShape(request);
  const bundle = { descriptor: request.descriptor, contracts: request.contracts } as ProductBundle;
  const { problems, contentHash } = await checkBundle(bundle);
  if (problems.length) {
    throw new PublishError(
      'INVALID_PRODUCT',
      `the product is invalid: ${problems[0].message}`,
      problems.map((p) => ({ code: p.code, path: p.path, file: p.file, message: p.message, fix: p.fix })),
    );
  }
  const descriptor = bundle.descriptor as DataProduct;
  assertAddressedTo(productId, descriptor);
  if (request.domain !== undefined) assertDomainDoc(request.domain, descriptor.metadata.domain);
  if (!mayPublish(principal, descriptor.metadata.domain)) {
    throw new RequestError(
      'FORBIDDEN',
      `${principal.name} (${principal.role}) may not publish to domain ${descriptor.metadata.domain}`,
    );
  }
  const parsed = { descriptor, contracts: request.contracts };
  return { bundle: parsed, contentHash: contentHash!, ...(request.domain && { domainDoc: request.domain }) };
}

function assertShape(request: PublishRequest): void {
  const isObject = (v: unknown) => typeof v === 'object' && v !== null;
  if (!request || !isObject(request.descriptor) || !isObject(request.contracts)) {
    throw new RequestError(
      'BAD_REQUEST',
      'the body must be { "descriptor": {...}, "contracts": { "<path>": <JSON Schema> }, "domain"?: {...} }',
    );
  }
}

function assertAddressedTo(productId: string, d: DataProduct): void {
  const declared = `${d.metadata.domain}.${d.metadata.name}`;
  if (declared === productId) return;
  throw new RequestError('BAD_REQUEST', `the descriptor declares ${declared} but was sent to ${productId}`, [
    {
      code: 'ID_MISMATCH',
      path: '/metadata',
      message: `metadata.domain/name give ${declared}`,
      fix: `POST to /v1/products/${declared}/versions`,
    },
  ]);
}

function assertDomainDoc(doc: Record<string, unknown>, domain: string): void {
  const problems = validateDocument('domain', doc);
  if (problems.length) {
    throw new PublishError(
      'INVALID_PRODUCT',
      `domain.yaml is invalid: ${problems[0].path} ${problems[0].message}`,
      problems.map((p) => ({ code: 'DOMAIN_INVALID', file: 'domain.yaml', path: p.path, message: p.message })),
    );
  }
  const named = (doc as { name?: string }).name;
  if (named !== domain) {
    throw new RequestError('BAD_REQUEST', `domain.yaml names "${String(named)}" but the product is in "${domain}"`);
  }
}
