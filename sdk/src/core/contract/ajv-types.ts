import type * as Core from 'ajv/dist/core.js';

/** The ajv class every draft's class extends (ajv's CommonJS default export, named for nodenext). */
export type AjvCore = Core.default;
