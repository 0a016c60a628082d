/**
 * The two things a customer may say at any point that the bot must never misread: "give me a person" and "stop this
 * form". They are matched against a short phrase list rather than left to the NLU model, because a model can be
 * retrained into missing them and a customer who asks for a human must always get one (and a customer half-way
 * through a flow must always be able to leave it).
 */
const HANDOFF_PHRASES = [
  '转人工',
  '人工客服',
  '人工服务',
  '人工坐席',
  '找人工',
  '要人工',
  '接人工',
  '真人客服',
  '找客服',
  '客服经理',
  'talk to a human',
  'speak to a human',
  'talk to a person',
  'speak to a person',
  'talk to someone',
  'speak to someone',
  'real person',
  'human agent',
  'live agent',
  'customer service agent',
];

/** Whole messages that ask for a person without a verb around them ("人工", "agent please"). */
const HANDOFF_MESSAGES = new Set(['人工', '客服', 'human', 'agent', 'operator', 'representative', 'agent please']);

const CANCEL_MESSAGES = new Set([
  '取消',
  '不办了',
  '不要了',
  '算了',
  '退出',
  '结束',
  'cancel',
  'stop',
  'quit',
  'exit',
  'never mind',
  'nevermind',
]);

/** NFKC (full-width → half-width), lower case, punctuation and spaces at the ends dropped, inner runs collapsed. */
export function normalizeCommand(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\s]+/gu, ' ')
    .trim();
}

export function isHandoffRequest(text: string): boolean {
  const normalized = normalizeCommand(text);
  if (HANDOFF_MESSAGES.has(normalized)) return true;
  const compact = normalized.replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '');
  return HANDOFF_PHRASES.some((phrase) => compact.includes(phrase));
}

/** "取消", "cancel", or a message that starts with 取消 ("取消挂失"). */
export function isCancelRequest(text: string): boolean {
  const normalized = normalizeCommand(text);
  return CANCEL_MESSAGES.has(normalized) || normalized.startsWith('取消');
}
