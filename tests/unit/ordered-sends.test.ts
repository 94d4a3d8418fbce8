// The session hub's send order: entries of one session go out in seq order however their commits resolve.
import { describe, expect, it } from 'vitest';
import type { SessionLogEntry } from '../../core/session.ts';
import { createOrderedSends } from '../../server/sessions/ordered-sends.ts';

const entry = (seq: number, sessionId = 's1'): SessionLogEntry => ({ sessionId, seq, at: seq, actorId: 'u1', type: 'chat', data: { text: `#${seq}` } });

function recorder() {
  const sent: Array<[string, number]> = [];
  const sends = createOrderedSends((sentEntry) => sent.push([sentEntry.sessionId, sentEntry.seq]));
  return { sends, sent };
}

describe('ordered sends', () => {
  it('holds a commit answered first until the earlier-numbered one of the same session is answered', () => {
    const { sends, sent } = recorder();
    const first = sends.begin('s1');
    const second = sends.begin('s1');
    second([entry(8)]);
    expect(sent).toEqual([]);
    first([entry(7)]);
    expect(sent).toEqual([['s1', 7], ['s1', 8]]);
  });

  it('sends at once when nothing else of the session is in flight, and other sessions never wait', () => {
    const { sends, sent } = recorder();
    const other = sends.begin('s2');
    sends.begin('s1')([entry(1), entry(2)]);
    expect(sent).toEqual([['s1', 1], ['s1', 2]]);
    other([entry(5, 's2')]);
    expect(sent.at(-1)).toEqual(['s2', 5]);
  });

  it('does not hold an entry back for a write begun after it committed', () => {
    const { sends, sent } = recorder();
    const first = sends.begin('s1');
    const second = sends.begin('s1');
    first([entry(1)]);
    const third = sends.begin('s1');
    second([entry(2)]);
    expect(sent).toEqual([['s1', 1]]);
    third([entry(3)]);
    expect(sent).toEqual([['s1', 1], ['s1', 2], ['s1', 3]]);
  });

  it('a write that failed or appended nothing lets the others go', () => {
    const { sends, sent } = recorder();
    const failed = sends.begin('s1');
    const ok = sends.begin('s1');
    ok([entry(4)]);
    failed([]);
    failed([entry(99)]);
    expect(sent).toEqual([['s1', 4]]);
  });
});
