export * from './types.js';
export { BUILT_IN, effectiveParams } from './built-ins.js';
export { DEFAULT_GLOBAL_POLICIES } from './defaults.js';
export { evaluatePolicies, resolveDescriptor, activeWaiver } from './evaluate.js';
export { checkDomainPolicy, checkPolicyParams, effectivePolicies, type PolicyProblem } from './federation.js';
export { checkRetirement, type RetirementFacts } from './rules/deprecation-window.js';
