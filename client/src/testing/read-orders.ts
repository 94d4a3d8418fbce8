// Ordering as tests see it: the part card on screen, the cart (with the changes not yet answered), the orders, and the
// agent's proposal in the page's session.
import type { OrdersTestState } from './test-state-shape.ts';
import { newest } from './exposed.ts';

export function readOrders(): OrdersTestState {
  const cart = newest('cart')?.getState();
  const card = newest('partCard')?.getState();
  const session = newest('session');
  const proposal = session?.mirror.getState().proposal ?? null;
  return {
    partCard: card?.part.status === 'ready' ? { partId: card.partId, sku: card.part.data.part.sku, stock: card.part.data.part.stock, inAr: card.inAr } : null,
    cartCount: cart?.cart?.items.reduce((sum, line) => sum + line.quantity, 0) ?? 0,
    cartLines: cart?.cart?.items.map(({ sku, quantity }) => ({ sku, quantity })) ?? [],
    cartPending: cart?.pending.length ?? 0,
    cartOnline: cart?.online ?? false,
    orders: newest('orders')?.getState().orders.map(({ id, number, status, sessionId, totalCents }) => ({ id, number, status, sessionId, totalCents })) ?? [],
    proposal: session && proposal ? { sessionId: session.sessionId, seq: proposal.seq, items: proposal.items.map(({ sku, quantity }) => ({ sku, quantity })), orderId: proposal.orderId } : null,
  };
}
