import { CreateKnowledgeBase1795771100000 } from './1795771100000-create-knowledge-base.ts';

/** The knowledge module's migrations in the order they apply; backend/src/migrations.ts lists them. */
export const knowledgeMigrations = [CreateKnowledgeBase1795771100000];
