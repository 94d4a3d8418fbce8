// The ordered list of schema migrations; the same migrations run on SQLite and Postgres.
import type { Migration, MigrationProvider } from 'kysely';
import * as m001 from './migrations/001-foundation.ts';
import * as m002 from './migrations/002-guides.ts';
import * as m003 from './migrations/003-assist.ts';
import * as m004 from './migrations/004-orders.ts';
import * as m005 from './migrations/005-callbacks-done.ts';
import * as m006 from './migrations/006-cart-changes.ts';
import * as m007 from './migrations/007-sign-in.ts';
import * as m008 from './migrations/008-studio.ts';
import * as m009 from './migrations/009-guide-drafts.ts';
import * as m010 from './migrations/010-surveys.ts';
import * as m011 from './migrations/011-insights.ts';
import * as m012 from './migrations/012-xapi.ts';
import * as m013 from './migrations/013-agent-ratings.ts';
import * as m014 from './migrations/014-proactive-help.ts';
import * as m015 from './migrations/015-order-origin.ts';
import * as m016 from './migrations/016-xapi-outbox.ts';

const migrations: Record<string, Migration> = {
  '001-foundation': m001,
  '002-guides': m002,
  '003-assist': m003,
  '004-orders': m004,
  '005-callbacks-done': m005,
  '006-cart-changes': m006,
  '007-sign-in': m007,
  '008-studio': m008,
  '009-guide-drafts': m009,
  '010-surveys': m010,
  '011-insights': m011,
  '012-xapi': m012,
  '013-agent-ratings': m013,
  '014-proactive-help': m014,
  '015-order-origin': m015,
  '016-xapi-outbox': m016,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
