export * from './create-security-module.js';
export * from './guard-module-path.js';
export * from './permissive-policy.js';
export * from './python-static-check.js';
export * from './safe-policy.js';
export * from './safe-rules.js';
