import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { type Prompt, type PromptBuilder, type PromptInput, TemplateError } from '@executer/core';
import { Context, Liquid, type Template } from 'liquidjs';
import { fence } from './fence.js';
import { languageName } from './language-name.js';
import type { LiquidPromptBuilderOptions } from './liquid-prompt-builder-options.js';
import { packagedTemplatesDir } from './packaged-templates-dir.js';
import { toTemplateError } from './to-template-error.js';

interface ParsedTemplate {
  file: string;
  templates: Template[];
}

const hasText = (value: string | undefined): value is string => value !== undefined && value.trim() !== '';

/**
 * Renders the system and user prompts from a Liquid template. The template captures two
 * variables, `system` and `user` (`{% capture system %}...{% endcapture %}`); everything else it
 * outputs is ignored. Templates are looked up in the user's folder first, then in the packaged one,
 * parsed on first use and kept.
 */
export class LiquidPromptBuilder implements PromptBuilder {
  /** Where templates are looked up, in order. */
  readonly templatesDirs: readonly string[];
  readonly templateName: string;
  readonly #customDir: string | undefined;
  readonly #liquid: Liquid;
  #parsed: Promise<ParsedTemplate> | undefined;

  constructor(options: LiquidPromptBuilderOptions = {}) {
    this.#customDir = options.templatesDir === undefined ? undefined : resolve(options.templatesDir);
    this.templatesDirs = this.#customDir ? [this.#customDir, packagedTemplatesDir] : [packagedTemplatesDir];
    this.templateName = options.templateName ?? 'code_executer.liquid';
    this.#liquid = new Liquid({
      root: [...this.templatesDirs],
      extname: '.liquid',
      cache: true,
      // A misspelt filter is a template bug: report it instead of passing the value through.
      strictFilters: true,
    });
    this.#liquid.registerFilter('fenced', (text: unknown, info?: unknown) =>
      fence(text, info === undefined ? '' : String(info)),
    );
  }

  async build(input: PromptInput): Promise<Prompt> {
    const { file, templates } = await this.#template();
    const context = new Context(templateVariables(input), this.#liquid.options, {}, { liquid: this.#liquid });
    try {
      await this.#liquid.render(templates, context);
    } catch (error) {
      throw toTemplateError(error, file);
    }
    return { system: captured(context, 'system', file), user: captured(context, 'user', file) };
  }

  #template(): Promise<ParsedTemplate> {
    if (!this.#parsed) {
      this.#parsed = this.#parse();
      // A failure is not kept: once the file is fixed, the next build reads it again.
      this.#parsed.catch(() => {
        this.#parsed = undefined;
      });
    }
    return this.#parsed;
  }

  async #parse(): Promise<ParsedTemplate> {
    if (this.#customDir && !(await isDirectory(this.#customDir))) {
      throw new TemplateError('the templates folder does not exist', {
        file: this.#customDir,
        hint: 'Set templatesDir (EXECUTER_TEMPLATES_DIR) to an existing folder, or unset it to use the packaged templates.',
      });
    }
    for (const folder of this.templatesDirs) {
      const file = join(folder, this.templateName);
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw new TemplateError('cannot read the template', { file, cause: error });
      }
      try {
        return { file, templates: this.#liquid.parse(text, file) };
      } catch (error) {
        throw toTemplateError(error, file);
      }
    }
    throw new TemplateError(`template not found in ${this.templatesDirs.join(', ')}`, {
      file: this.templateName,
      hint: 'Add the template to your templates folder, or unset templatesDir to use the packaged one.',
    });
  }
}

/** The variables a template sees, in Liquid's snake_case. Blank strings become nil. */
function templateVariables(input: PromptInput): Record<string, unknown> {
  const isRetry = hasText(input.previousCode) || hasText(input.previousError);
  return {
    instruction: input.instruction,
    context: hasText(input.context) ? input.context : undefined,
    language: input.language,
    language_name: languageName(input.language),
    security_mode: input.securityMode,
    rules: input.rules.map((rule) => ({ id: rule.id, summary: rule.summary })),
    attempt: input.attempt ?? (isRetry ? 2 : 1),
    is_retry: isRetry,
    previous_code: hasText(input.previousCode) ? input.previousCode : undefined,
    previous_error: hasText(input.previousError) ? input.previousError : undefined,
  };
}

function captured(context: Context, name: 'system' | 'user', file: string): string {
  const value = context.getSync([name]);
  if (typeof value !== 'string' || value.trim() === '') {
    throw new TemplateError(`the template does not capture \`${name}\``, {
      file,
      hint: `Wrap that part of the prompt in {% capture ${name} %}...{% endcapture %}.`,
    });
  }
  return value.trim();
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
