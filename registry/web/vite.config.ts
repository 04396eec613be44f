import { defineConfig } from 'vite';

/**
 * The catalog is served by the registry (`registry/src/web/web-ui.ts`) from
 * `dist/`: `index.html` plus content-hashed files under `assets/`, cached for
 * a year. Everything is bundled (no CDN, no web fonts), so it works on a
 * closed network. JSX is compiled by Vite's esbuild (`jsx: react-jsx` in
 * tsconfig.json). `npm run dev` proxies the API to a registry on port 4000.
 */
export default defineConfig({
  base: '/',
  build: {
    target: 'es2022',
    assetsInlineLimit: 0,
    sourcemap: false,
    chunkSizeWarningLimit: 400,
  },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:4000', '/v1': 'http://127.0.0.1:4000' },
  },
});
