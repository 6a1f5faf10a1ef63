// One program, two environments: the runner is chosen by the config file alone.
//   node src/runner-per-environment.ts laptop.config.json   -> a Python subprocess on this machine
//   node src/runner-per-environment.ts server.config.json   -> a hardened Docker container
// EXECUTER_CONFIG=server.config.json works too. No model is called (executeCode), so no API key
// is needed.
import { createExecuter } from '@executer/executer';

const configFile = process.argv[2] ?? process.env.EXECUTER_CONFIG ?? 'laptop.config.json';
const code = `import platform, sys
print(f"Python {platform.python_version()} on {platform.system()} ({sys.executable})")
print(sum(range(1, 101)))
`;

const executer = await createExecuter({ configFile });
try {
  const runner = executer.runner;
  console.log(
    `${configFile}: runner "${runner.name}" (isolation: ${runner.capabilities.isolation}), security ${executer.securityMode}`,
  );
  const result = await executer.executeCode(code);
  console.log(result.success ? result.output.trimEnd() : `failed: ${result.error}`);
  process.exitCode = result.success ? 0 : 1;
} finally {
  await executer.dispose();
}
