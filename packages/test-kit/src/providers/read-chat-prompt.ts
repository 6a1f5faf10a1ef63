/** Reads the system prompt and the last user message out of an OpenAI-style `messages` body. */
export function readChatPrompt(body: unknown): { system: string; user: string } {
  const messages = (body as { messages?: unknown } | undefined)?.messages;
  if (!Array.isArray(messages)) return { system: '', user: '' };
  const textOf = (content: unknown): string => {
    if (typeof content === 'string') return content;
    if (Array.isArray(content)) {
      return content
        .map((part) =>
          typeof (part as { text?: unknown })?.text === 'string' ? (part as { text: string }).text : '',
        )
        .join('');
    }
    return '';
  };
  const system = messages
    .filter((message) => message?.role === 'system' || message?.role === 'developer')
    .map((message) => textOf(message.content))
    .join('\n');
  const user = textOf(messages.filter((message) => message?.role === 'user').at(-1)?.content);
  return { system, user };
}
