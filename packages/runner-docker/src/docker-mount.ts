/** A host folder (or file) mounted into every container. */
export interface DockerMount {
  /** Absolute path on the engine's host. */
  source: string;
  /** Absolute path inside the container. */
  target: string;
  /** Read-only unless set to false. */
  readOnly: boolean;
}
