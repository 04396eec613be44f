import type { FastifyInstance } from 'fastify';
import { RequestError } from '../common/registry-error.js';
import { sendError } from '../common/http/send-error.js';

/**
 * The registry's stopping state as the HTTP layer sees it. Once `begin()` is
 * called, a request that still arrives (on a kept-alive connection) is
 * refused with 503 and `Connection: close`, and the answers of requests in
 * flight close their connections, so the server empties without waiting for
 * keep-alive timeouts.
 */
export class Drain {
  private stopping = false;
  private inFlight = 0;

  get draining(): boolean {
    return this.stopping;
  }

  /** Requests being answered now. */
  get pending(): number {
    return this.inFlight;
  }

  begin(): void {
    this.stopping = true;
  }

  install(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', async (request, reply) => {
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
