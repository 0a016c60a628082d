import type { ConversationLanguage } from './conversation.ts';

/** What the customer is told when people come and go; system messages, in the conversation's language. */
export const agentNotices: Record<
  ConversationLanguage,
  {
    joined(name: string): string;
    transferring: string;
    closed: string;
    idleClosed: string;
    leftMessage(ticketNumber: number): string;
  }
> = {
  zh: {
    joined: (name) => `客服 ${name} 为您服务。`,
    transferring: '正在为您转接其他客服，请稍候。',
    closed: '本次会话已结束，感谢您的咨询。',
    idleClosed: '由于长时间没有新消息，本次会话已结束。如需帮助，请随时再次发送消息。',
    leftMessage: (ticketNumber) => `当前没有客服可以接待，已为您登记留言工单 #${ticketNumber}，我们会尽快联系您。`,
  },
  en: {
    joined: (name) => `${name} is here to help you.`,
    transferring: 'Transferring you to another agent, please wait.',
    closed: 'This conversation has ended. Thank you for contacting us.',
    idleClosed: 'This conversation has ended after a while without messages. Write again whenever you need help.',
    leftMessage: (ticketNumber) =>
      `No agent is available right now. Your message is recorded as ticket #${ticketNumber}; we will contact you soon.`,
  },
};
