import { CreateKeyStore1795760000000 } from './1795760000000-create-key-store.ts';

/** The crypto module's migrations in the order they apply; backend/src/migrations.ts lists them. */
export const cryptoMigrations = [CreateKeyStore1795760000000];
