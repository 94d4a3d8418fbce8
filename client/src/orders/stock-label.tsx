// How many of a part are left, as a labelled span (see stock-text.ts).
import { useTranslation } from 'react-i18next';
import { stockLevel, stockText } from './stock-text.ts';

export function StockLabel({ stock }: { stock: number }) {
  const { t } = useTranslation('orders');
  const level = stockLevel(stock);
  return <span className={level === 'in' ? 'stock' : `stock stock-${level}`}>{stockText(stock, t)}</span>;
}
