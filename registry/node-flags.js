// The Node.js flags the registry runs with: `npm start` and the benchmarks that
// host the registry use exactly these (registry/test/node-flags.test.ts checks it).
//
// --max-semi-space-size=64: a lineage answer is megabytes of short-lived objects
// (a 5,000-node graph is ~2 MB of JSON, ~20,000 edge objects). With V8's default
// 16 MB semi-space they outlive a scavenge or two, each scavenge copies the graph
// built so far, and the promoted rest brings old-space collections into requests.
// On the 100,000-product bench catalog (in-process, 200 depth-10 walks) the depth-10
// p99 was 107 ms with the default, 83-93 ms with 32 MB and 70-82 ms with 64 MB
// (scavenge time 1.2 s -> 0.45 s per 205 walks; 128 MB was no better); peak RSS of
// that process went from 386 to 461 MB.
export const REGISTRY_NODE_FLAGS = ['--max-semi-space-size=64'];
