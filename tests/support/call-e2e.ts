// Browser helpers for the call e2e tests: a page's call as the test window shows it, and how much audio came in.
import type { Page } from 'playwright-core';
import type { AssistTestState } from '../../client/src/test-hook.ts';
import { readTestState } from './browser.ts';

export type CallState = NonNullable<AssistTestState['call']>;

export async function callState(page: Page): Promise<CallState> {
  const state = (await readTestState(page)).assist.call;
  if (!state) throw new Error('no call state published');
  return state;
}

/** Inbound audio bytes over a couple of seconds of stats. */
export async function inboundGrowth(page: Page, ms = 2500): Promise<number> {
  const before = (await callState(page)).inboundAudioBytes;
  await page.waitForTimeout(ms);
  return (await callState(page)).inboundAudioBytes - before;
}
