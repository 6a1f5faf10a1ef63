import type { ServiceIdentifier } from 'inversify';
import type { Language } from '../domain/language.js';
import type { SecurityMode } from '../domain/security-mode.js';
import type { SecurityRule } from './security-policy.js';

/** Everything a prompt may need. */
export interface PromptInput {
  instruction: string;
  /** Extra material from the user (data, file contents, constraints). */
  context?: string;
  language: Language;
  securityMode: SecurityMode;
  /** The active mode's rules, so the model is told what it may not do. */
  rules: readonly SecurityRule[];
  /** On a retry: the code of the previous attempt. */
  previousCode?: string;
  /** On a retry: what went wrong with it (exception and traceback tail, or violations). */
  previousError?: string;
  /** 1 for the first attempt. */
  attempt?: number;
}

/** The two parts of a prompt. */
export interface Prompt {
  system: string;
  user: string;
}

/** Renders prompts from templates. */
export interface PromptBuilder {
  build(input: PromptInput): Promise<Prompt>;
}

export const PromptBuilder: ServiceIdentifier<PromptBuilder> = Symbol.for('@executer/core/PromptBuilder');
