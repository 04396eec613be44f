import type { FastifyInstance, FastifyRequest } from 'fastify';
import { RequestError } from '../registry-error.js';
import { sendError } from './send-error.js';

export interface BulkheadOptions {
  /** Heavy requests running at once; the rest of the database pool stays for publishes and single reads. */
  concurrency: number;
  /** Heavy requests waiting for a turn; more are refused with 503 BUSY at once. */
  maxQueue: number;
  /** A heavy request waiting longer is refused with 503 BUSY. */
  maxWaitMs: number;
}

export const DEFAULT_BULKHEAD: BulkheadOptions = { concurrency: 3, maxQueue: 32, maxWaitMs: 3_000 };

/**
 * The anonymous reads whose cost grows with the catalog or the request
 * (search, field search, lineage walks, paths, impact, drift, GraphQL). Single-product
 * reads, writes and health are not among them: they are what heavy reads
 * must not starve.
 */
export function isHeavy(request: FastifyRequest): boolean {
  const route = request.routeOptions.url ?? '';
  if (route === '/graphql') return true;
  if (route.startsWith('/v1/lineage/')) return request.method === 'GET' || route.endsWith('/impact');
  return request.method === 'GET' && (route === '/v1/products' || route === '/v1/fields');
}

/**
 * A bulkhead for heavy reads: at most `concurrency` run at once (each may
 * hold up to two pooled connections), the next wait in a bounded queue, and
 * the turn is given back when the response is done or the client is gone.
 */
export function installBulkhead(fastify: FastifyInstance, options: BulkheadOptions = DEFAULT_BULKHEAD): void {
  const bulkhead = new Bulkhead(options);
  fastify.addHook('onRequest', async (request, reply) => {
    if (!isHeavy(request)) return;
    const turn = bulkhead.turn();
    reply.raw.once('close', turn.leave);
    const refusal = await turn.entered;
    if (refusal) return sendError(reply, refusal);
  });
}

interface Turn {
  /** Resolves when the request may run, or with the refusal when it may not. */
  entered: Promise<RequestError | undefined>;
  /** Gives the turn back (response done or client gone); idempotent. */
  leave: () => void;
}

export class Bulkhead {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: BulkheadOptions) {}

  turn(): Turn {
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    let admit: (() => void) | undefined;
    const leave = () => {
      if (state === 'running') this.handOver();
      if (state === 'waiting' && admit) this.dequeue(admit);
      state = 'done';
    };
    if (this.running < this.options.concurrency) {
      this.running++;
      state = 'running';
      return { entered: Promise.resolve(undefined), leave };
    }
    if (this.waiting.length >= this.options.maxQueue) {
      state = 'done';
      return { entered: Promise.resolve(busy(`${this.waiting.length} are waiting already`)), leave };
    }
    const entered = new Promise<RequestError | undefined>((resolve) => {
      const timer = setTimeout(() => {
        leave();
        resolve(busy(`none finished within ${this.options.maxWaitMs} ms`));
      }, this.options.maxWaitMs);
      admit = () => {
        clearTimeout(timer);
        state = 'running';
        resolve(undefined);
      };
      this.waiting.push(admit);
    });
    return { entered, leave };
  }

  /** The next waiting request takes the turn over; with none waiting, one fewer runs. */
  private handOver(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  private dequeue(admit: () => void): void {
    const i = this.waiting.indexOf(admit);
    if (i >= 0) this.waiting.splice(i, 1);
  }
}

const busy = (why: string) =>
  new RequestError('BUSY', `too many searches, lineage walks and GraphQL queries at once (${why}); retry shortly`, [
    { code: 'HEAVY_READS_BUSY', message: why, fix: 'retry after the Retry-After header' },
  ]);
