import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * The web catalog's routes: the page itself at `/` and at the client's own
 * routes (never a catch-all, so `/v1`, `/graphql`, `/graphiql`, `/docs`,
 * `/openapi.json`, `/health` and `/metrics` keep their answers, 404s
 * included), its content-hashed assets under `/assets/`, and the few unhashed
 * files at the top of the build (the icon).
 */
export const WEB_PAGES = ['/', '/domains', '/products/*', '/consumers/*'];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json; charset=utf-8',
};

/** Every request the page makes goes to this registry: the policy says so to the browser too. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

interface StaticFile {
  body: Buffer;
  gzip?: Buffer;
  type: string;
  etag: string;
}

/** Tells the page that `/graphiql` is off (production), so it does not link a page that answers 404. */
const withoutIde = (html: Buffer) =>
  Buffer.from(html.toString('utf8').replace('</head>', '<meta name="dmesh-graphiql" content="off"></head>'));

function load(path: string, rewrite?: (body: Buffer) => Buffer): StaticFile {
  const read = readFileSync(path);
  const body = rewrite ? rewrite(read) : read;
  const type = TYPES[extname(path)] ?? 'application/octet-stream';
  const compressible = /^(text|application\/json|image\/svg)/.test(type) && body.length > 1024;
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;
  return { body, type, etag, ...(compressible && { gzip: gzipSync(body, { level: 9 }) }) };
}

/** The built bundle of `@dmesh/web` (registry/web/dist), or undefined when it was not built. */
export function webDistDir(): string | undefined {
  try {
    const dir = join(dirname(createRequire(import.meta.url).resolve('@dmesh/web/package.json')), 'dist');
    return existsSync(join(dir, 'index.html')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

function send(request: FastifyRequest, reply: FastifyReply, file: StaticFile, cacheControl: string) {
  reply.header('content-type', file.type).header('cache-control', cacheControl).header('etag', file.etag);
  reply.header('x-content-type-options', 'nosniff').header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  if (file.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
    return reply.header('content-encoding', 'gzip').send(file.gzip);
  }
  return reply.send(file.body);
}

const notFound = (reply: FastifyReply, message: string) =>
  reply.code(404).header('content-type', 'application/json; charset=utf-8').send({
    code: 'NOT_FOUND',
    message,
    details: [],
  });

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>dmesh</title></head>
<body><main><h1>dmesh registry</h1><p>The web catalog is not built: run <code>npm run build</code> at the repository
root and restart. GraphQL is at <a href="/graphql">/graphql</a>, REST docs at <a href="/docs">/docs</a>.</p></main></body></html>`;

/**
 * Registers the web catalog on the Fastify instance, before Nest adds its
 * routes: plain routes, outside the API's guards, because the page must load
 * before it can ask for a token. Files are read once, at start-up.
 */
export function serveWebUi(
  fastify: FastifyInstance,
  options: { ide: boolean },
  dir: string | undefined = webDistDir(),
): void {
  const page: StaticFile = dir
    ? load(join(dir, 'index.html'), options.ide ? undefined : withoutIde)
    : { body: Buffer.from(NOT_BUILT), type: TYPES['.html'], etag: '"not-built"' };
  const assets = new Map<string, StaticFile>();
  if (dir && existsSync(join(dir, 'assets')))
    for (const name of readdirSync(join(dir, 'assets'))) assets.set(name, load(join(dir, 'assets', name)));
  const topFiles = dir ? readdirSync(dir).filter((name) => name !== 'index.html' && extname(name) in TYPES) : [];

  const pageHandler = (request: FastifyRequest, reply: FastifyReply) => {
    reply.header('content-security-policy', CSP).header('referrer-policy', 'no-referrer');
    return send(request, reply, page, 'no-cache');
  };
  for (const url of WEB_PAGES) fastify.get(url, pageHandler);
  fastify.get<{ Params: { name: string } }>('/assets/:name', (request, reply) => {
    const file = assets.get(request.params.name);
    if (!file) return notFound(reply, `no web asset ${request.params.name}; reload the page for the current ones`);
    return send(request, reply, file, 'public, max-age=31536000, immutable');
  });
  for (const name of topFiles) {
    const file = load(join(dir!, name));
    fastify.get(`/${name}`, (request, reply) => send(request, reply, file, 'public, max-age=3600'));
  }
}
