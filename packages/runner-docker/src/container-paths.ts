/** Where the harness and guards live inside a container (an anonymous volume, root-owned files). */
export const runtimeDirectory = '/opt/executer';
export const containerHarnessPath = `${runtimeDirectory}/harness.py`;
export const containerGuardsDirectory = `${runtimeDirectory}/guards`;
