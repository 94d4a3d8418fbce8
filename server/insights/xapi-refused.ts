// The statements the LRS refused for good, newest first, for an admin to see what it answered.
import type { XapiRefused } from '../../core/xapi.ts';
import type { Store } from '../db/database.ts';

const LIMIT = 200;

export async function listRefusedStatements(store: Store): Promise<XapiRefused> {
  const rows = await store.db.selectFrom('xapi_refused').selectAll().orderBy('refused_at', 'desc').orderBy('source').limit(LIMIT).execute();
  return {
    refused: rows.map((row) => ({ source: row.source, statementId: row.statement_id, status: Number(row.status), answer: row.answer, statement: JSON.parse(row.statement) as unknown, refusedAt: Number(row.refused_at) })),
  };
}
