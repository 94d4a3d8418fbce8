// How many of a part are left, in words: in stock, only a few left, or out of stock.
import type { TFunction } from 'i18next';

const FEW = 5;

export function stockLevel(stock: number): 'out' | 'few' | 'in' {
  return stock === 0 ? 'out' : stock <= FEW ? 'few' : 'in';
}

export function stockText(stock: number, t: TFunction<'orders'>): string {
  const level = stockLevel(stock);
  return level === 'out' ? t('stock.out') : level === 'few' ? t('stock.few', { count: stock }) : t('stock.in', { count: stock });
}
