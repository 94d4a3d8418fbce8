// The lines of a cart or an order as a table: part, quantity, unit price, line total, and the total.
import { useTranslation } from 'react-i18next';
import type { PricedLine } from '../../../core/order.ts';
import { formatPrice } from '../components/format.ts';
import { useLanguage } from '../components/use-language.ts';

export function OrderLines({ lines, totalCents }: { lines: readonly PricedLine[]; totalCents: number }) {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  return (
    <table className="order-lines">
      <thead>
        <tr>
          <th scope="col">{t('lines.part')}</th>
          <th scope="col">{t('lines.quantity')}</th>
          <th scope="col">{t('lines.unitPrice')}</th>
          <th scope="col">{t('lines.lineTotal')}</th>
        </tr>
      </thead>
      <tbody>
        {lines.map((line) => (
          <tr key={line.sku}>
            <th scope="row">
              {line.name[language]} <small>{line.sku}</small>
            </th>
            <td>{line.quantity}</td>
            <td>{formatPrice(line.unitPriceCents, language)}</td>
            <td>{formatPrice(line.lineTotalCents, language)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={3}>
            {t('cart.total')}
          </th>
          <td data-testid="order-total">{formatPrice(totalCents, language)}</td>
        </tr>
      </tfoot>
    </table>
  );
}
