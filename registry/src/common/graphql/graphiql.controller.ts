import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Controller, Get, Header, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../access.js';
import { RequestError } from '../registry-error.js';

const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The IDE's files, from their npm packages (GraphiQL's UMD build needs React 18's UMD builds). */
const ASSETS: Record<string, { file: () => string; type: string }> = {
  'react.js': { file: () => join(packageDir('react'), 'umd/react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': {
    file: () => join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'graphiql.js': { file: () => join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: () => join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
};

/** Starts GraphiQL on /graphql: a file of its own, so the page has no inline script. */
const START = `ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, {
    fetcher: GraphiQL.createFetcher({ url: new URL('/graphql', location.href).href }),
    defaultEditorToolsVisibility: true,
    defaultQuery: '{\\n  search(query: "orders", first: 5) {\\n    totalCount\\n    edges { node { id title slaStatus } match { sections } }\\n  }\\n}\\n',
  }),
);
`;

const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>dmesh GraphQL</title>
    <style>body { margin: 0; height: 100vh; } #graphiql { height: 100vh; }</style>
    <link rel="stylesheet" href="/graphiql/assets/graphiql.css" />
  </head>
  <body>
    <div id="graphiql">Loading GraphiQL…</div>
    <script src="/graphiql/assets/react.js"></script>
    <script src="/graphiql/assets/react-dom.js"></script>
    <script src="/graphiql/assets/graphiql.js"></script>
    <script src="/graphiql/assets/start.js"></script>
  </body>
</html>
`;

const cache = new Map<string, string>();

/** GraphiQL at /graphiql, served whole by the registry: it works with no internet (no CDN). */
@ApiExcludeController()
@Public() // the IDE's page and scripts hold no catalog data; its requests to /graphql carry the token
@Controller('graphiql')
export class GraphiqlController {
  @Get()
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return PAGE;
  }

  @Get('assets/start.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  start(): string {
    return START;
  }

  @Get('assets/:name')
  @Header('cache-control', 'public, max-age=86400')
  asset(@Param('name') name: string, @Res({ passthrough: true }) reply: FastifyReply): string {
    const asset = ASSETS[name];
    if (!asset)
      throw new RequestError(
        'NOT_FOUND',
        `no GraphiQL asset ${name}; the page loads ${Object.keys(ASSETS).join(', ')}`,
      );
    if (!cache.has(name)) cache.set(name, readFileSync(asset.file(), 'utf8'));
    reply.header('content-type', `${asset.type}; charset=utf-8`);
    return cache.get(name)!;
  }
}
