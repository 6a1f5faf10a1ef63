/**
 * A program an LLM typically writes for an ordinary instruction. It runs with the fixture folder
 * as its working directory (data.json, numbers.csv, notes.txt, tree/) and must print `stdout` exactly.
 */
export interface OrdinaryProgram {
  name: string;
  code: string;
  stdout: string;
}
