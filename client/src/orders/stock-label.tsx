// How many of a part are left, in words: in stock, only a few left, or out of stock.
import { useTranslation } from 'react-i18next';

const FEW = 5;

export function StockLabel({ stock }: { stock: number }) {
  const { t } = useTranslation('orders');
  if (stock === 0) return <span className="stock stock-out">{t('stock.out')}</span>;
  if (stock <= FEW) return <span className="stock stock-few">{t('stock.few', { count: stock })}</span>;
  return <span className="stock">{t('stock.in', { count: stock })}</span>;
}
