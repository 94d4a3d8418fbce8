// Sends statements to the LRS and sorts out a batch it refuses for good: a 4xx other than 408 and 429 is split in
// halves until the refused statements stand alone, so one bad statement never holds back the others. Any other failure
// (5xx, 408, 429, a network error) is thrown for the push to retry later.
import type { XapiStatement } from '../../core/xapi.ts';

export type XapiOutcome = { sent: true } | { sent: false; status: number; answer: string };

const ANSWER_LIMIT = 2000;

export function refusedForGood(status: number): boolean {
  return status >= 400 && status < 500 && status !== 408 && status !== 429;
}

export type XapiPost = (statements: XapiStatement[]) => Promise<Response>;

export class XapiRetryLater extends Error {}

/**
 * The outcome of each statement, in order. When a retryable failure stops it part-way, the outcomes known so far are
 * returned with `stopped` set (a prefix of the batch), so what was sent is still recorded.
 */
export async function deliver(post: XapiPost, statements: XapiStatement[]): Promise<{ outcomes: XapiOutcome[]; stopped: Error | null }> {
  const outcomes: XapiOutcome[] = [];
  async function send(part: XapiStatement[]): Promise<void> {
    const response = await post(part);
    if (response.ok) {
      await response.body?.cancel();
      for (let index = 0; index < part.length; index += 1) outcomes.push({ sent: true });
      return;
    }
    if (!refusedForGood(response.status)) {
      await response.body?.cancel();
      throw new XapiRetryLater(`the LRS answered ${response.status}`);
    }
    if (part.length === 1) {
      const answer = (await response.text()).slice(0, ANSWER_LIMIT);
      outcomes.push({ sent: false, status: response.status, answer });
      return;
    }
    await response.body?.cancel();
    const half = Math.ceil(part.length / 2);
    await send(part.slice(0, half));
    await send(part.slice(half));
  }
  try {
    await send(statements);
    return { outcomes, stopped: null };
  } catch (error) {
    return { outcomes, stopped: error instanceof Error ? error : new Error(String(error)) };
  }
}
