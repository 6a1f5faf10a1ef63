import type { Language } from '@executer/core';

const names: Record<string, string> = { python: 'Python', javascript: 'JavaScript' };

/** The name of a language as a person writes it ("Python"), for prose in prompts. */
export function languageName(language: Language): string {
  return names[language] ?? language.charAt(0).toUpperCase() + language.slice(1);
}
