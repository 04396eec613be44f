// The Node.js flags the registry runs with: `npm start` and the benchmarks that
// host the registry use exactly these (registry/test/node-flags.test.ts checks it).
//
// --max-semi-space-size=32: a lineage answer is megabytes of short-lived objects
// (a 5,000-node graph is ~2 MB of JSON). With V8's default 16 MB semi-space they
// outlive a scavenge or two and are promoted, and old-space collections then land
// inside requests: on the 100,000-product bench catalog the depth-10 p99 was
// 107 ms with the default and 83 ms with 32 MB (p50 unchanged, ~52 ms).
export const REGISTRY_NODE_FLAGS = ['--max-semi-space-size=32'];
