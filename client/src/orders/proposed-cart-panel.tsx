// "Your agent proposes": the parts an agent proposed in a session, with Accept (checkout linked to the session) and Change.
import { useId } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { PartDetail } from '../../../core/catalog.ts';
import { formatPrice } from '../components/format.ts';
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
import { proposalLines, proposalOf, type ProposalState, type ProposalStore } from './proposal-store.ts';

/** Shows nothing until the agent of the page's session proposes a cart; `inAr` when shown in the AR overlay of a phone. */
export function ProposedCartPanel({ inAr = false }: { inAr?: boolean }) {
  const session = useLiveSession();
  return session ? <SessionProposal session={session} inAr={inAr} /> : null;
}

function SessionProposal({ session, inAr }: { session: LiveSession; inAr: boolean }) {
  const { t } = useTranslation('orders');
  const titleId = useId();
  const store = proposalOf(session);
  const state = useStore(store, (current) => current);
  const { proposal, parts } = state;
  if (!proposal) return null;
  return (
    <section className="proposed-cart" aria-labelledby={titleId} data-testid="proposed-cart">
      <h2 id={titleId}>{t('proposal.title')}</h2>
      {proposal.note && <p className="proposal-note">“{proposal.note}”</p>}
      {parts.status === 'loading' && <Loading />}
      {parts.status === 'error' && <ErrorView error={parts.error} retry={parts.retry} />}
      {parts.status === 'ready' && <ProposalBody sessionId={session.sessionId} store={store} state={state} proposal={proposal} parts={parts.data} inAr={inAr} />}
    </section>
  );
}

interface ProposalBodyProps {
  sessionId: string;
  store: ProposalStore;
  state: ProposalState;
  proposal: CartProposal;
  parts: PartDetail[];
  inAr: boolean;
}

function ProposalBody({ sessionId, store, state, proposal, parts, inAr }: ProposalBodyProps) {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const { orders } = useShopStores();
  const linked = useStore(orders, (current) => (proposal.orderId ? (current.orders.find((order) => order.id === proposal.orderId) ?? null) : null));
  const { quantities, mode, placed } = state;
  const { lines, totalCents } = proposalLines(state);
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
                  onChange={(next) => store.setQuantity(index, next)}
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
          origin={inAr ? 'ar' : 'page'}
          onPlaced={(placedOrder) => store.placed(placedOrder)}
        />
      ) : (
        <div className="proposal-actions">
          <button type="button" className="primary" onClick={() => store.setMode('checkout')} disabled={lines.length === 0} data-testid="proposal-accept">
            {t('proposal.accept')}
          </button>
          <button type="button" onClick={() => store.setMode(mode === 'change' ? 'review' : 'change')} aria-pressed={mode === 'change'} data-testid="proposal-change">
            {mode === 'change' ? t('proposal.doneChanging') : t('proposal.change')}
          </button>
        </div>
      )}
    </>
  );
}
