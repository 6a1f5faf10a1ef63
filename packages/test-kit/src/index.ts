// The conformance suites and wire-format servers live under subpaths:
// @executer/test-kit/runners, @executer/test-kit/providers, @executer/test-kit/security.
export {};
