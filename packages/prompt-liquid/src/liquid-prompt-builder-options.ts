export interface LiquidPromptBuilderOptions {
  /**
   * A folder of the user's own templates. A template found there wins; one that is not there is
   * taken from the templates shipped with this package.
   */
  templatesDir?: string;
  /** The template to render; default "code_executer.liquid". */
  templateName?: string;
}
