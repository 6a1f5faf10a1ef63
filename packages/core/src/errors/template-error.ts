import { ExecuterError, type ExecuterErrorOptions } from './executer-error.js';

/** A prompt template is missing or does not parse. */
export class TemplateError extends ExecuterError {
  override readonly name = 'TemplateError';
  readonly file: string | undefined;
  readonly line: number | undefined;

  constructor(message: string, details: ExecuterErrorOptions & { file?: string; line?: number }) {
    const where = details.file ? `${details.file}${details.line ? `:${details.line}` : ''}: ` : '';
    super('TEMPLATE_INVALID', `${where}${message}`, details);
    this.file = details.file;
    this.line = details.line;
  }
}
