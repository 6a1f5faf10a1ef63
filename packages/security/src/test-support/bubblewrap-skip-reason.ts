import { probeBubblewrap } from '@executer/python-runtime';

/** Why the bubblewrap suites cannot run here (printed once), or undefined when they can. */
export const bubblewrapSkipReason: string | undefined =
  probeBubblewrap().kind === 'bubblewrap'
    ? undefined
    : 'bwrap is missing or cannot create namespaces here (apt-get install bubblewrap; .ci/run does)';

if (bubblewrapSkipReason) console.warn(`[security] skipping the bubblewrap suites: ${bubblewrapSkipReason}`);
