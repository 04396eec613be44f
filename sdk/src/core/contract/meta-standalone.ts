import standaloneModule from 'ajv/dist/standalone/index.js';
import type { AnyValidateFunction } from 'ajv/dist/types/index.js';
import { createContractAjv } from './contract-ajv.js';
import { META_SCHEMA_IDS, type Draft } from './drafts.js';

type StandaloneCode = (ajv: unknown, validate: AnyValidateFunction) => string;
// ajv's standalone entry is CommonJS; under nodenext its default export is the module object.
const standaloneCode = ((standaloneModule as unknown as { default?: unknown }).default ??
  standaloneModule) as StandaloneCode;

/** The runtime modules ajv's standalone code may require, as the generated module imports them. */
const RUNTIME_IMPORTS: Record<string, string> = {
  'ajv/dist/runtime/equal': 'ajvRuntimeEqual',
};

/**
 * The source of `generated/meta-<draft>.ts`: the draft's meta-schema compiled by
 * ajv ahead of time (standalone code), with the options the meta check always
 * had (contract-ajv.ts). Compiling the 2020-12 meta-schema at run time was
 * ~60 ms of every `dmesh test`, `validate` and `publish`; the generated
 * validator answers with the same verdict and the same errors
 * (test/contract/meta-validators.test.ts, which also fails when a file drifts
 * from this function's output: `npm run generate` rewrites them).
 */
export function metaValidatorSource(draft: Draft): string {
  const ajv = createContractAjv(draft, { meta: true, standalone: true });
  const validate = ajv.getSchema(META_SCHEMA_IDS[draft]);
  if (!validate) throw new Error(`ajv has no meta-schema ${META_SCHEMA_IDS[draft]}`);
  const imports: string[] = [];
  const code = standaloneCode(ajv, validate).replace(/require\("([^"]+)"\)\.default/g, (_, id: string) => {
    const name = RUNTIME_IMPORTS[id];
    if (!name) throw new Error(`the ${draft} meta-schema's standalone code requires ${id}, which has no import here`);
    if (!imports.includes(id)) imports.push(id);
    return name;
  });
  if (/\brequire\(/.test(code)) throw new Error(`the ${draft} meta-schema's standalone code has a require() left`);
  const header = [
    `// Generated from ajv's ${draft} meta-schema by src/core/contract/meta-standalone.ts (npm run generate). Do not edit.`,
    '// @ts-nocheck',
    ...imports.flatMap((id) => [
      `import ${RUNTIME_IMPORTS[id]}Module from '${id}.js';`,
      `const ${RUNTIME_IMPORTS[id]} = ${RUNTIME_IMPORTS[id]}Module.default ?? ${RUNTIME_IMPORTS[id]}Module;`,
    ]),
  ];
  return `${header.join('\n')}\n${code}\n`;
}
