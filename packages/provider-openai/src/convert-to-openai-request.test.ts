import { describe, expect, it } from 'vitest';
import { convertToOpenAIRequest, isOpenAIReasoningModel } from './convert-to-openai-request.js';

const request = { system: 'sys', user: 'usr', model: 'gpt-4.1-mini', temperature: 0.2, maxOutputTokens: 100 };
const openAI = { maxTokensField: 'max_completion_tokens', dropsTemperatureForReasoningModels: true } as const;
const compatible = { maxTokensField: 'max_tokens', dropsTemperatureForReasoningModels: false } as const;

describe('convertToOpenAIRequest', () => {
  it('sends the system and user prompts as messages, with model, temperature and max tokens', () => {
    expect(convertToOpenAIRequest(request, openAI)).toEqual({
      body: {
        model: 'gpt-4.1-mini',
        messages: [
          { role: 'system', content: 'sys' },
          { role: 'user', content: 'usr' },
        ],
        temperature: 0.2,
        max_completion_tokens: 100,
      },
      warnings: [],
    });
  });

  it('uses max_tokens for OpenRouter and local servers, and leaves out what is not set', () => {
    const { body } = convertToOpenAIRequest(
      { ...request, system: '', maxOutputTokens: undefined },
      compatible,
    );
    expect(body).toEqual({
      model: 'gpt-4.1-mini',
      messages: [{ role: 'user', content: 'usr' }],
      temperature: 0.2,
    });
    expect(convertToOpenAIRequest(request, compatible).body).toMatchObject({ max_tokens: 100 });
  });

  it('drops the temperature for OpenAI reasoning models, with a warning', () => {
    const { body, warnings } = convertToOpenAIRequest({ ...request, model: 'o4-mini' }, openAI);
    expect(body).not.toHaveProperty('temperature');
    expect(warnings).toEqual(['temperature 0.2 was not sent: o4-mini accepts none']);
    expect(convertToOpenAIRequest({ ...request, model: 'o4-mini' }, compatible).body).toHaveProperty(
      'temperature',
      0.2,
    );
  });

  it('knows which models are reasoning models', () => {
    expect(['o1', 'o3-mini', 'gpt-5', 'gpt-5-mini'].map(isOpenAIReasoningModel)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(['gpt-4.1-mini', 'gpt-4o', 'gpt-5-chat-latest', 'openai/o3'].map(isOpenAIReasoningModel)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
