import { fileURLToPath } from 'node:url';

/**
 * The templates shipped inside this package. Both src/ and dist/ sit one level below the package
 * root, so the same relative path works from sources and from the build.
 */
export const packagedTemplatesDir = fileURLToPath(new URL('../templates/', import.meta.url));
