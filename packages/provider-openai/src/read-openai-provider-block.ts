import { ConfigError, ProviderSettingsBlock } from '@executer/core';

/** The `providers.<name>` settings this package understands, checked. */
export interface OpenAIProviderBlock {
  baseUrl?: string;
  model?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
  /** OpenRouter attribution: your app's URL (HTTP-Referer) and name (X-Title). */
  appUrl?: string;
  appName?: string;
}

/** Reads and checks `providers.<name>` from config.json: base_url, model, headers, timeout_ms, app_url, app_name. */
export function readOpenAIProviderBlock(
  name: string,
  block: Record<string, unknown> | undefined,
): OpenAIProviderBlock {
  if (!block) return {};
  const settings = new ProviderSettingsBlock(name, block);
  const headers = settings.headers();
  const timeout = settings.timeoutMs();
  const baseUrl = settings.text('base_url');
  // Checked here, not in core: the OpenAI-compatible servers are where a mistyped URL is likely.
  if (baseUrl !== undefined && !URL.canParse(baseUrl)) {
    throw new ConfigError('is not a URL', {
      path: `providers.${name}.base_url`,
      value: baseUrl,
      allowed: 'an http(s) URL such as http://127.0.0.1:11434/v1',
    });
  }
  const model = settings.text('model');
  const appUrl = settings.text('app_url');
  const appName = settings.text('app_name');
  return {
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    ...(model !== undefined ? { model } : {}),
    ...(headers !== undefined ? { headers } : {}),
    ...(timeout !== undefined ? { timeoutMs: timeout } : {}),
    ...(appUrl !== undefined ? { appUrl } : {}),
    ...(appName !== undefined ? { appName } : {}),
  };
}
