import type { Language } from '../nlu/index.ts';

/** What the bot itself says (answers come from the knowledge base, flow prompts from the flow definitions). */
export const botTexts = {
  zh: {
    greeting: '您好！我是智能客服，请问有什么可以帮您？',
    greetingHint: '如需人工服务，请输入“转人工”。',
    clarify: '您是不是想问：',
    fallback: '抱歉，我没有理解您的问题。您可以换个说法，或输入“转人工”联系人工客服。',
    handoff: '正在为您转接人工客服，请稍候。',
    flowRetry: '您输入的内容格式不正确。',
    flowGiveUp: '抱歉，多次未能识别您的输入，正在为您转接人工客服。',
    flowCancelled: '好的，已为您取消。还有什么可以帮您？',
    confirmRetry: '请回复“是”或“否”。',
  },
  en: {
    greeting: 'Hello! I am the virtual assistant. How can I help you?',
    greetingHint: 'Type "agent" at any time to talk to a person.',
    clarify: 'Did you mean:',
    fallback: 'Sorry, I did not understand. Could you put it another way, or type "agent" to talk to a person?',
    handoff: 'Connecting you to a customer service agent, please wait.',
    flowRetry: 'That does not look right.',
    flowGiveUp: 'Sorry, I could not read your answer. Connecting you to a customer service agent.',
    flowCancelled: 'OK, cancelled. Is there anything else I can help with?',
    confirmRetry: 'Please answer yes or no.',
  },
} as const satisfies Record<Language, Record<string, string>>;

export type BotTexts = (typeof botTexts)[Language];
