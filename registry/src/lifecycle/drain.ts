import type { FastifyInstance } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { RequestError } from '../common/registry-error.js';
import { sendError } from '../common/http/send-error.js';

/**
 * The registry's stopping state as the HTTP layer sees it. Once `begin()` is
 * called, a request that still arrives is refused with 503 UNAVAILABLE and
 * `Connection: close` (so /health/ready fails too, and a load balancer moves
 * on), and the answers of requests in flight close their connections.
 */
export class Drain {
  private stopping = false;
  private inFlight = 0;
  private lastArrival = 0;

  /** Requests being answered now (those refused while stopping not counted). */
  get pending(): number {
    return this.inFlight;
  }

  begin(): void {
    this.stopping = true;
  }

  /**
   * Resolves once no request has been in flight for `quietMs` (requests read
   * from the sockets meanwhile are refused, not reset), or after `maxMs`;
   * with whether it got quiet.
   */
  async settled(maxMs: number, quietMs = 250): Promise<boolean> {
    for (const deadline = Date.now() + maxMs; Date.now() < deadline; await sleep(20))
      if (this.inFlight === 0 && Date.now() - this.lastArrival >= quietMs) return true;
    return false;
  }

  install(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', async (request, reply) => {
      this.lastArrival = Date.now();
      if (this.stopping) {
        reply.header('connection', 'close');
        return sendError(reply, new RequestError('UNAVAILABLE', 'the registry is stopping; retry on another replica'));
      }
      this.inFlight++;
      reply.raw.once('close', () => this.inFlight--);
    });
    fastify.addHook('onSend', async (_request, reply) => {
      if (this.stopping) reply.header('connection', 'close');
    });
  }
}
