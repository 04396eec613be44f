import { errorCodes } from '../common/registry-error.js';

/** Refusals of the publish pipeline. */
export class PublishError extends errorCodes('publish', {
  /** The descriptor, a contract or domain.yaml is not valid (details name each problem). */
  INVALID_PRODUCT: 400,
  /** The version is stored with different content; versions are immutable. */
  VERSION_CONFLICT: 409,
  /** A check refused the version: ordering, compatibility, lineage or a policy (details name each problem). */
  PUBLISH_REJECTED: 422,
}) {}
