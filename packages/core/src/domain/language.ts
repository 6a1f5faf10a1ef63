/** The language of generated code. Python is the product's language; runners declare what they run. */
export type Language = 'python' | 'javascript' | (string & {});
