// The ordered list of schema migrations; the same migrations run on SQLite and Postgres.
import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './migrations/001-foundation.ts';

const migrations: Record<string, Migration> = {
  '001-foundation': m001,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
