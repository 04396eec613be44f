// jest on Node 20 cannot require() ES modules, and @fastify/static (CommonJS)
// requires the ESM-only content-disposition@3 for file downloads. The registry
// never sends downloads; plain Node 20.19+ loads the real module. This shim
// keeps the same API for tests only (see registry/jest.config.js).
function create(filename) {
  const safe = String(filename ?? '').replace(/[^\x20-\x7e]|["\\]/g, '_');
  return filename === undefined ? 'attachment' : `attachment; filename="${safe}"`;
}
function parse() {
  throw new Error('content-disposition parse is not available in the registry tests');
}
module.exports = { create, parse };
