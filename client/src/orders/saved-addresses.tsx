// The saved delivery addresses to choose from at checkout, each with a way to delete it (the book holds at most 20).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedAddress } from '../../../core/order.ts';
import { apiRequest } from '../api/http.ts';
import { formatCountry } from '../components/format.ts';
import { useLanguage } from '../components/use-language.ts';
import { errorText } from '../i18n/error-text.ts';

export interface SavedAddressesProps {
  addresses: SavedAddress[];
  selected: string;
  onSelect: (id: string) => void;
  /** The book after a deletion, as the server answers it. */
  onDeleted: (addresses: SavedAddress[]) => void;
}

export function SavedAddresses({ addresses, selected, onSelect, onDeleted }: SavedAddressesProps) {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const [problem, setProblem] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);

  const remove = async (address: SavedAddress) => {
    setProblem(null);
    setDeleting(address.id);
    try {
      const { addresses: left } = await apiRequest<{ addresses: SavedAddress[] }>(`/api/addresses/${encodeURIComponent(address.id)}`, { method: 'DELETE' });
      onDeleted(left);
    } catch (error) {
      setProblem(errorText(error));
    } finally {
      setDeleting(null);
    }
  };

  return (
    <>
      {addresses.map((address) => {
        const text = `${address.name}, ${address.street}, ${address.postalCode} ${address.city}, ${formatCountry(address.country, language)}`;
        return (
          <div key={address.id} className="address-option-row">
            <label className="address-option">
              <input type="radio" name="address" value={address.id} checked={selected === address.id} onChange={() => onSelect(address.id)} />
              <span>
                <strong>{address.name}</strong>, {address.street}, {address.postalCode} {address.city}, {formatCountry(address.country, language)}
              </span>
            </label>
            <button type="button" disabled={deleting === address.id} aria-label={t('checkout.deleteAddress', { address: text })} onClick={() => void remove(address)}>
              {t('checkout.delete')}
            </button>
          </div>
        );
      })}
      {problem && (
        <p className="status-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
