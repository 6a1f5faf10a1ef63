import { convertStainlessError, type ProviderError, type ProviderErrorContext } from '@executer/core';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

const openAIErrorClasses = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };

/**
 * Maps anything the openai SDK throws to a ProviderError (core's Stainless converter, given the
 * openai SDK's own error classes). The key never appears in the result.
 */
export function convertOpenAIError(error: unknown, context: ProviderErrorContext): ProviderError {
  return convertStainlessError(error, openAIErrorClasses, context);
}
