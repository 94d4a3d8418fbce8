// "Your agent proposes": the parts an agent proposed in a session, with Accept (checkout linked to the session) and Change.
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { PartDetailSchema, type PartDetail } from '../../../core/catalog.ts';
import type { Order } from '../../../core/order.ts';
import { apiGet } from '../api/http.ts';
import { formatPrice } from '../components/format.ts';
import { useResource } from '../components/use-resource.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { useLanguage } from '../components/use-language.ts';
import type { LiveSession } from '../sessions/live-session.ts';
import { useLiveSession } from '../sessions/session-provider.tsx';
import type { CartProposal } from '../sessions/session-mirror.ts';
import { useStore } from '../state/use-store.ts';
import { CheckoutForm } from './checkout-form.tsx';
import { QuantityStepper } from './quantity-stepper.tsx';
import { useShopStores } from './shop-stores.ts';
import { StockLabel } from './stock-label.tsx';

/** Shows nothing until the agent of the page's session proposes a cart. */
export function ProposedCartPanel() {
  const session = useLiveSession();
  return session ? <SessionProposal session={session} /> : null;
}

function SessionProposal({ session }: { session: LiveSession }) {
  const proposal = useStore(session.mirror, (state) => state.proposal);
  return proposal ? <ProposalView key={proposal.seq} sessionId={session.sessionId} proposal={proposal} /> : null;
}

function ProposalView({ sessionId, proposal }: { sessionId: string; proposal: CartProposal }) {
  const { t } = useTranslation('orders');
  const titleId = useId();
  const parts = useResource(
    (signal) => Promise.all(proposal.items.map((item) => apiGet(`/api/parts/${encodeURIComponent(item.sku)}`, PartDetailSchema, signal))),
    [proposal.seq],
  );
  return (
    <section className="proposed-cart" aria-labelledby={titleId} data-testid="proposed-cart">
      <h2 id={titleId}>{t('proposal.title')}</h2>
      {proposal.note && <p className="proposal-note">“{proposal.note}”</p>}
      {parts.status === 'loading' && <Loading />}
      {parts.status === 'error' && <ErrorView error={parts.error} retry={parts.retry} />}
      {parts.status === 'ready' && <ProposalBody sessionId={sessionId} proposal={proposal} parts={parts.data} />}
    </section>
  );
}

function ProposalBody({ sessionId, proposal, parts }: { sessionId: string; proposal: CartProposal; parts: PartDetail[] }) {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const { orders } = useShopStores();
  const linked = useStore(orders, (state) => (proposal.orderId ? (state.orders.find((order) => order.id === proposal.orderId) ?? null) : null));
  const [quantities, setQuantities] = useState(() => proposal.items.map((item) => item.quantity));
  const [mode, setMode] = useState<'review' | 'change' | 'checkout'>('review');
  const [placed, setPlaced] = useState<Order | null>(null);

  const lines = parts.flatMap((part, index) => {
    const quantity = quantities[index] ?? 0;
    return quantity > 0 ? [{ part, quantity, index }] : [];
  });
  const totalCents = lines.reduce((sum, { part, quantity }) => sum + part.priceCents * quantity, 0);
  const order = placed ?? linked;

  if (order || proposal.orderId) {
    return (
      <p role="status" data-testid="proposal-ordered">
        {order ? t('proposal.ordered', { number: order.number }) : t('proposal.orderedElsewhere')}{' '}
        {order && <Link href={`/orders/${order.id}`}>{t('proposal.viewOrder')}</Link>}
      </p>
    );
  }

  return (
    <>
      <ul className="proposal-lines">
        {parts.map((part, index) => {
          const quantity = quantities[index] ?? 0;
          const name = part.name[language];
          return (
            <li key={part.sku} data-sku={part.sku}>
              <span>
                <strong>{name}</strong> <small>{part.sku}</small> — {formatPrice(part.priceCents, language)}
                {quantity > part.stock && (
                  <>
                    {' '}
                    <StockLabel stock={part.stock} />
                  </>
                )}
              </span>
              {mode === 'change' ? (
                <QuantityStepper
                  label={t('quantity.labelFor', { name })}
                  value={quantity}
                  min={0}
                  onChange={(next) => setQuantities((current) => current.map((q, i) => (i === index ? next : q)))}
                />
              ) : (
                <span>{t('proposal.quantity', { count: quantity })}</span>
              )}
            </li>
          );
        })}
      </ul>
      <p>
        {t('cart.total')}: <strong>{formatPrice(totalCents, language)}</strong>
      </p>
      {mode === 'checkout' ? (
        <CheckoutForm
          lines={lines.map(({ part, quantity }) => ({ sku: part.sku, name: part.name[language], quantity, unitPriceCents: part.priceCents }))}
          totalCents={totalCents}
          keyScope={`session:${sessionId}:${proposal.seq}`}
          sessionId={sessionId}
          onPlaced={setPlaced}
        />
      ) : (
        <div className="proposal-actions">
          <button type="button" className="primary" onClick={() => setMode('checkout')} disabled={lines.length === 0} data-testid="proposal-accept">
            {t('proposal.accept')}
          </button>
          <button type="button" onClick={() => setMode(mode === 'change' ? 'review' : 'change')} aria-pressed={mode === 'change'} data-testid="proposal-change">
            {mode === 'change' ? t('proposal.doneChanging') : t('proposal.change')}
          </button>
        </div>
      )}
    </>
  );
}
