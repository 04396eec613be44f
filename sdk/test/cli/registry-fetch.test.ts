import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer, type Socket } from 'node:net';
import { registryFetch, RegistryConnectionError, RegistryTimeoutError } from '../../src/io/registry-fetch.js';

/** A server on a free loopback port; `close` also ends the connections it holds. */
async function listen<T extends Server | TcpServer>(server: T): Promise<{ url: string; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => sockets.add(s));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** A port nothing listens on: a server is started and closed, so connecting is refused. */
async function refusedUrl(): Promise<string> {
  const { url, close } = await listen(createTcpServer());
  await close();
  return url;
}

const noSleep = { sleep: async () => {} };

describe('registry requests: timeouts', () => {
  it('gives up on a server that accepts the connection and never answers, after the timeout', async () => {
    const silent = await listen(createTcpServer(() => undefined));
    try {
      const started = Date.now();
      const request = registryFetch({ timeoutMs: 300, ...noSleep })(`${silent.url}/v1/products`);
      await expect(request).rejects.toBeInstanceOf(RegistryTimeoutError);
      await expect(request).rejects.toThrow(`no answer from ${silent.url}/v1/products within 0.3 s`);
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      await silent.close();
    }
  });

  it('bounds reading the body too: headers then silence is a timeout', async () => {
    const stalls = await listen(
      createServer((_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"items": [');
      }),
    );
    try {
      // The headers come at once; 2 s leaves room for a loaded machine to deliver them before the bound.
      const response = await registryFetch({ timeoutMs: 2_000 })(`${stalls.url}/v1/products`);
      await expect(response.json()).rejects.toMatchObject({ name: 'TimeoutError' });
    } finally {
      await stalls.close();
    }
  });
});

describe('registry requests: retries', () => {
  it('retries a refused connection with growing waits, then names the error and the attempts', async () => {
    const url = await refusedUrl();
    const waits: number[] = [];
    const request = registryFetch({ attempts: 3, backoffMs: 100, sleep: async (ms) => void waits.push(ms) })(
      `${url}/v1/products`,
      { method: 'POST', body: '{}' },
    );
    await expect(request).rejects.toBeInstanceOf(RegistryConnectionError);
    await expect(request).rejects.toMatchObject({ code: 'ECONNREFUSED', attempts: 3 });
    expect(waits.slice(0, 2)).toEqual([100, 200]);
  });

  it('retries a dropped connection for a GET and gets the answer', async () => {
    let calls = 0;
    const flaky = await listen(
      createServer((req, res) => {
        if (++calls === 1) return req.socket.destroy();
        res.end('{"ok":true}');
      }),
    );
    try {
      const response = await registryFetch(noSleep)(`${flaky.url}/v1/whoami`);
      expect(await response.json()).toEqual({ ok: true });
      expect(calls).toBe(2);
    } finally {
      await flaky.close();
    }
  });

  it('does not repeat a POST the server may have received, unless the caller says it is repeatable', async () => {
    let calls = 0;
    const drops = await listen(
      createServer((req) => {
        calls++;
        req.socket.destroy();
      }),
    );
    try {
      await expect(
        registryFetch(noSleep)(`${drops.url}/v1/products/a.b/versions`, { method: 'POST', body: '{}' }),
      ).rejects.toMatchObject({ code: expect.stringMatching(/ECONNRESET|UND_ERR_SOCKET/), attempts: 1 });
      expect(calls).toBe(1);
      calls = 0;
      await expect(
        registryFetch({ ...noSleep, idempotent: () => true })(`${drops.url}/v1/products/a.b/versions?dryRun=true`, {
          method: 'POST',
          body: '{}',
        }),
      ).rejects.toMatchObject({ attempts: 3 });
      expect(calls).toBe(3);
    } finally {
      await drops.close();
    }
  });
});
