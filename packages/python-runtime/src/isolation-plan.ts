/** How a Python child is separated from the host. */
export type IsolationPlan = { kind: 'none' } | { kind: 'bubblewrap'; bwrapPath: string };

/** The isolation setting: `execution.isolation`. */
export type IsolationSetting = 'auto' | 'bubblewrap' | 'none';
