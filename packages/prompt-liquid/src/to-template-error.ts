import { TemplateError } from '@executer/core';
import { LiquidError } from 'liquidjs';

interface LiquidErrorToken {
  file?: string;
  getPosition(): [number, number];
}

/** Turns a liquidjs error into core's TemplateError, with the file and line it points at. */
export function toTemplateError(error: unknown, fallbackFile: string): TemplateError {
  if (error instanceof TemplateError) return error;
  if (LiquidError.is(error)) {
    const liquidError = error as LiquidError & { errors?: LiquidError[]; originalError?: Error };
    // LiquidErrors bundles several; the first is the one to fix first.
    const first = liquidError.errors?.[0] ?? liquidError;
    const token = (first as unknown as { token?: LiquidErrorToken }).token;
    const [line] = token?.getPosition() ?? [undefined];
    // liquidjs appends ", file:..., line:..., col:..."; TemplateError prints the place itself.
    const message = first.message.replace(/(, file:.*)?, line:\d+, col:\d+$/s, '');
    return new TemplateError(message, {
      file: token?.file ?? fallbackFile,
      line,
      cause: error,
      hint: 'Fix the template (Liquid syntax: https://liquidjs.com/tutorials/intro-to-liquid.html).',
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TemplateError(message, { file: fallbackFile, cause: error });
}
