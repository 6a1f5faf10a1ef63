export * from './attack-programs.js';
export * from './attack-sandbox.js';
export * from './describe-safe-mode-suite.js';
export * from './ordinary-program.js';
export * from './ordinary-programs.js';
export * from './security-attack.js';
