// Guide actions not yet acknowledged by the server, kept in localStorage per session so a reload or an outage loses none.
import { z } from 'zod';
import { GuideActionSchema } from '../../../core/guide-engine.ts';

export const QueuedActionSchema = z.object({
  actionId: z.string(),
  action: GuideActionSchema,
  clientAt: z.number(),
  guideId: z.string(),
});
export type QueuedAction = z.infer<typeof QueuedActionSchema>;

export interface ActionQueue {
  list(): QueuedAction[];
  push(entry: QueuedAction): void;
  remove(actionId: string): void;
}

/** Storage that only keeps values for this page, where localStorage is unavailable (private modes, tests). */
export function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

export function queueKey(sessionId: string): string {
  return `xr-assist.guide-queue.${sessionId}`;
}

export function createActionQueue(sessionId: string, storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>): ActionQueue {
  const key = queueKey(sessionId);
  const read = (): QueuedAction[] => {
    try {
      const parsed = z.array(QueuedActionSchema).safeParse(JSON.parse(storage.getItem(key) ?? '[]'));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  };
  let entries = read();
  const write = () => {
    if (entries.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(entries));
  };
  return {
    list: () => [...entries],
    push(entry) {
      entries = [...entries, entry];
      write();
    },
    remove(actionId) {
      entries = entries.filter((entry) => entry.actionId !== actionId);
      write();
    },
  };
}

export function newActionId(): string {
  return crypto.randomUUID();
}
