// One idempotency key per checkout attempt: kept across double clicks, retries and reloads, replaced once the attempt is settled.
const PREFIX = 'xr-assist.checkout-key.';

function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `co-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

export interface CheckoutKey {
  /** The key of the current attempt, created on first use. */
  current(): string;
  /** Ends the attempt (placed, or refused for sure): the next order gets a new key. */
  settle(): void;
}

/** `scope` separates attempts that must not share a key, e.g. the cart and a session's proposal. */
export function checkoutKey(scope: string): CheckoutKey {
  const storageKey = PREFIX + scope;
  return {
    current() {
      const stored = sessionStorage.getItem(storageKey);
      if (stored) return stored;
      const key = randomKey();
      sessionStorage.setItem(storageKey, key);
      return key;
    },
    settle() {
      sessionStorage.removeItem(storageKey);
    },
  };
}
