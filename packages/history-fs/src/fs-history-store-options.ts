export interface FsHistoryStoreOptions {
  /** The history folder. A missing one lists as empty; it is created on the first save. */
  directory: string;
  /**
   * Told once about each file that is skipped (corrupt, foreign or unreadable).
   * Default: `process.emitWarning`.
   */
  onWarning?: (message: string) => void;
}
