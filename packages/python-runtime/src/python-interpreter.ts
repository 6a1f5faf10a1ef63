/** A Python interpreter that answered and is recent enough. */
export interface PythonInterpreter {
  /** What was configured (`execution.python`), e.g. "python3" or ".venv/bin/python". */
  executable: string;
  /** `sys.executable` as the interpreter reported it (absolute). */
  path: string;
  /** "3.11.7". */
  version: string;
}
