import { CreateCustomerProfiles1795760100000 } from './1795760100000-create-customer-profiles.ts';

/** The privacy module's migrations in the order they apply; backend/src/migrations.ts lists them after crypto's. */
export const privacyMigrations = [CreateCustomerProfiles1795760100000];
