// An address on one line, as the usual's strip and headset sheet say where an order goes.
import type { Address } from '../../../../core/order.ts';
import type { Language } from '../../../../core/languages.ts';
import { formatCountry } from '../../components/format.ts';

export const addressLine = (address: Address, language: Language) => `${address.name}, ${address.street}, ${address.postalCode} ${address.city}, ${formatCountry(address.country, language)}`;
