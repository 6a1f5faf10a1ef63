import { fileURLToPath } from 'node:url';

/** Absolute path of the stdlib-only harness (the same from src/ and dist/, both one level down). */
export const harnessPath: string = fileURLToPath(new URL('../assets/harness.py', import.meta.url));
