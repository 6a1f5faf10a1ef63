import type { Prompt, PromptBuilder, PromptInput } from '../ports/prompt-builder.js';

/** A PromptBuilder double: plain text, every input visible, and every input it got recorded. */
export class PromptBuilderDouble implements PromptBuilder {
  readonly inputs: PromptInput[] = [];

  async build(input: PromptInput): Promise<Prompt> {
    this.inputs.push(input);
    const rules = input.rules.map((rule) => `- ${rule.summary}`).join('\n');
    const retry = input.previousCode
      ? `\nPrevious code:\n${input.previousCode}\nIts error:\n${input.previousError ?? ''}`
      : '';
    return {
      system: `Write ${input.language}. Security: ${input.securityMode}.\n${rules}`,
      user: `${input.instruction}${input.context ? `\nContext: ${input.context}` : ''}${retry}`,
    };
  }
}
