/** One request's limit when neither module options nor providers.<name>.timeout_ms give one. */
export const defaultProviderTimeoutMs = 120_000;
