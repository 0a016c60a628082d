export { BotModule } from './bot.module.ts';
export { BotEngine, type DialogueMemory } from './bot-engine.service.ts';
export type {
  BotMessage,
  BotMessageKind,
  BotReading,
  BotReply,
  BotTurn,
  Channel,
  HandoffReason,
} from './bot-turn.ts';
export { botMigrations } from './migrations/bot-migrations.ts';
