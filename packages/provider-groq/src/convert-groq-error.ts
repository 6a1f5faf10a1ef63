import { convertStainlessError, type ProviderError, type ProviderErrorContext } from '@executer/core';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'groq-sdk';

const groqErrorClasses = { APIError, APIConnectionError, APIConnectionTimeoutError, APIUserAbortError };

/**
 * Maps anything groq-sdk throws to a ProviderError (core's Stainless converter, given groq-sdk's
 * own error classes). The key never appears in the result.
 */
export function convertGroqError(error: unknown, context: ProviderErrorContext): ProviderError {
  return convertStainlessError(error, groqErrorClasses, context);
}
