import { fileURLToPath } from 'node:url';

/** The runtime guard shipped with this package (src/ and dist/ both sit one level below assets/). */
export const guardModulePath: string = fileURLToPath(new URL('../assets/guard.py', import.meta.url));
