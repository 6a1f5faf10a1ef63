// The seed's file lister: listing a folder, a recursive search, filtering by extension and folder
// statistics. Reading is allowed in SAFE mode; the code runs with the listed folder as its working
// directory. Usage: node src/file-lister.ts [folder]   (default: the current folder)
import { resolve } from 'node:path';
import { createExecuter } from '@executer/executer';

const folder = resolve(process.argv[2] ?? '.');
const instructions = [
  'List the files and folders in the current directory, sorted by name, one per line',
  'Search the current directory recursively and print the relative path of every .md file',
  'Count the files per extension in the current directory tree and print "extension: count" lines, most common first',
  'Print the number of files, the number of folders and the total size in bytes of the current directory tree',
];

const executer = await createExecuter({ workingDirectory: folder });
let failures = 0;
try {
  console.log(
    `Listing ${folder} with ${executer.config.provider} (runner ${executer.config.mode}, ${executer.securityMode} mode)\n`,
  );
  for (const instruction of instructions) {
    const result = await executer.run(instruction, { context: `Skip node_modules and .git folders.` });
    console.log(`> ${instruction}`);
    if (result.success) {
      console.log(result.output.trimEnd());
    } else {
      failures++;
      console.log(`! failed after ${result.attempts.length} attempts: ${result.error.trimEnd()}`);
    }
    console.log('');
  }
} finally {
  await executer.dispose();
}
process.exitCode = failures === 0 ? 0 : 1;
