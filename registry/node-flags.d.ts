/** The Node.js flags the registry runs with (node-flags.js). */
export declare const REGISTRY_NODE_FLAGS: string[];
