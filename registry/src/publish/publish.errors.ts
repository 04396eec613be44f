import { errorCodes } from '../common/registry-error.js';

/** Refusals of the publish pipeline. */
export class PublishError extends errorCodes('publish', {
  INVALID_PRODUCT: {
    status: 400,
    meaning: 'the descriptor, a contract or domain.yaml is not valid; details name each problem',
  },
  VERSION_CONFLICT: { status: 409, meaning: 'the version is stored with different content; versions are immutable' },
  PUBLISH_REJECTED: {
    status: 422,
    meaning: 'a check refused the version (ordering, compatibility, lineage or a policy); details name each problem',
  },
}) {}
