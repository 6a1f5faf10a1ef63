/** Token counts as they are stored: snake_case, like every key of a history file. */
export interface TokenUsageJson {
  input_tokens: number;
  output_tokens: number;
  total_tokens: number;
}

export interface ViolationJson {
  rule: string;
  message: string;
  line?: number;
  column?: number;
  source: 'static' | 'runtime';
}

export interface AttemptJson {
  number: number;
  status: string;
  code: string;
  output: string;
  error: string;
  violations: ViolationJson[];
  exit_code: number | null;
  duration_ms: number;
  usage?: TokenUsageJson;
}

/**
 * One history file. The first twelve keys are the seed's; `attempts` and `usage` are new and are
 * absent from files the seed's Python module wrote.
 */
export interface ExecutionRecordJson {
  execution_id: string;
  timestamp: string;
  instruction: string;
  code: string;
  success: boolean;
  output: string;
  error: string;
  execution_time: number;
  provider: string;
  model: string;
  security_mode: string;
  execution_mode: string;
  attempts?: AttemptJson[];
  usage?: TokenUsageJson;
}
