// "Propose parts": the agent picks quantities of the product's parts and a note; the requester sees it as a proposed cart.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { QuantityStepper } from '../orders/quantity-stepper.tsx';
import { formatPrice } from '../components/format.ts';
import { useStore } from '../state/use-store.ts';
import type { AgentTab } from './agent-console-store.ts';
import { errorText } from '../i18n/error-text.ts';

export function CartProposalForm({ client, tab, product }: { client: RealtimeClient; tab: AgentTab; product: ProductDetail }) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const headingId = useId();
  const noteId = useId();
  const active = useStore(tab.session.mirror, (state) => state.session?.help?.status === 'active');
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ kind: 'sent' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const items = product.parts.flatMap((part) => ((quantities[part.sku] ?? 0) > 0 ? [{ sku: part.sku, quantity: quantities[part.sku] ?? 0 }] : []));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (items.length === 0) return;
    setBusy(true);
    setStatus(null);
    try {
      const { entry } = await client.request('cart:propose', { sessionId: tab.sessionId, items, ...(note.trim() ? { note: note.trim() } : {}) });
      tab.session.mirror.take(entry);
      setStatus({ kind: 'sent', text: t('cart.sent', { count: items.length }) });
      setQuantities({});
      setNote('');
    } catch (failure) {
      setStatus({ kind: 'error', text: errorText(failure) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="cart-proposal" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('cart.title')}</h3>
      <form onSubmit={(event) => void submit(event)}>
        <ul>
          {product.parts.map((part) => (
            <li key={part.sku}>
              <QuantityStepper
                label={`${part.name[language]} (${formatPrice(part.priceCents, language)})`}
                value={quantities[part.sku] ?? 0}
                min={0}
                onChange={(quantity) => setQuantities((current) => ({ ...current, [part.sku]: quantity }))}
              />
            </li>
          ))}
        </ul>
        <label htmlFor={noteId}>{t('cart.note')}</label>
        <input id={noteId} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
        <button type="submit" className="primary" disabled={!active || busy || items.length === 0}>
          {t('cart.propose')}
        </button>
      </form>
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'status-error' : undefined}>
          {status.text}
        </p>
      )}
    </section>
  );
}
