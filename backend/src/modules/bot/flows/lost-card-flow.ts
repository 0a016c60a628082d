import type { Flow } from './flow-definition.ts';

/**
 * The flow Kefu ships with (seeded once per database by a migration, then the trainers' to edit or disable): report
 * a lost card by checking who is asking (resident ID number with its check digit, read by the NLU entity rules),
 * taking the card's last four digits, reading the request back, and calling the bank's card service.
 */
export const lostCardFlow: Flow = {
  id: 'report-lost-card',
  version: 1,
  triggers: ['zh-card-lost-debit', 'zh-card-lost-credit', 'en-card-lost-debit', 'en-card-lost-credit'],
  enabled: true,
  definition: {
    slots: [
      {
        name: 'idNumber',
        prompt: {
          zh: '我可以帮您立即挂失。为核实身份，请输入您的18位身份证号码。',
          en: 'I can block the card for you now. To verify your identity, please enter your 18-character resident ID number.',
        },
        retryPrompt: {
          zh: '身份证号码校验未通过，请重新输入18位身份证号码。',
          en: 'That ID number did not pass the check. Please enter your 18-character resident ID number again.',
        },
        validator: { kind: 'entity', entity: 'id_number' },
        maxRetries: 2,
        personal: true,
      },
      {
        name: 'cardLast4',
        prompt: { zh: '请输入要挂失的银行卡卡号后四位。', en: 'Please enter the last four digits of the card.' },
        retryPrompt: {
          zh: '请输入4位数字，即卡号的最后四位。',
          en: 'Please enter 4 digits: the last four digits of the card number.',
        },
        validator: { kind: 'digits', length: 4 },
        maxRetries: 2,
        personal: false,
      },
    ],
    confirmation: {
      zh: '确认挂失尾号{cardLast4}的卡吗？挂失后该卡将立即停用。请回复“是”或“否”。',
      en: 'Block the card ending in {cardLast4}? It will stop working at once. Please answer yes or no.',
    },
    action: { endpoint: 'card-service', method: 'POST', path: '/cards/report-lost', timeoutMs: 3000, retries: 2 },
    messages: {
      success: {
        zh: '已为您挂失尾号{cardLast4}的卡。如需补办新卡，请携带身份证件到任一网点办理。',
        en: 'The card ending in {cardLast4} is now blocked. To get a replacement, visit any branch with your ID.',
      },
      rejected: {
        zh: '未能挂失尾号{cardLast4}的卡：身份信息与卡片不匹配。正在为您转接人工客服。',
        en: 'We could not block the card ending in {cardLast4}: the details do not match our records. Connecting you to an agent.',
      },
      failure: {
        zh: '抱歉，挂失系统暂时无法处理，您的卡尚未挂失。正在为您转接人工客服，请稍候。',
        en: 'Sorry, the card system is not responding and your card is not blocked yet. Connecting you to an agent.',
      },
      declined: {
        zh: '好的，未为您挂失。还有什么可以帮您？',
        en: 'OK, the card has not been blocked. Is there anything else I can help with?',
      },
    },
  },
};
