// The xAPI download: the statements of a filter as one JSON array, read from the database a page at a time and
// written as it is read.
import { Readable } from 'node:stream';
import type { XapiExport } from '../../core/xapi.ts';
import type { Store } from '../db/database.ts';
import { xapiSources } from './xapi-sources.ts';
import { toStatement } from './xapi-statements.ts';

const PAGE = 500;

export function xapiStatementStream(store: Store, filter: XapiExport, baseIri: string): Readable {
  async function* chunks(): AsyncGenerator<string> {
    yield '[';
    let after: { at: number; source: string } | undefined;
    let first = true;
    for (;;) {
      const page = await xapiSources(store.db, { ...filter, after, limit: PAGE });
      for (const source of page) {
        yield `${first ? '' : ','}${JSON.stringify(toStatement(source, baseIri))}`;
        first = false;
      }
      const last = page.at(-1);
      if (!last || page.length < PAGE) break;
      after = { at: last.at, source: last.source };
    }
    yield ']';
  }
  return Readable.from(chunks());
}
