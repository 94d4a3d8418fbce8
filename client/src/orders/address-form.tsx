// Delivery address fields with labels, autocomplete hints and a message under each field that needs fixing.
import { useId, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { COUNTRY_CODES } from '../../../core/order.ts';
import type { AddressDraft, AddressField, AddressFieldProblem, AddressProblems } from './address-validation.ts';
import { useLanguage } from '../components/use-language.ts';
import { formatCountry } from '../components/format.ts';
import { errorText } from '../i18n/error-text.ts';

export interface AddressFormProps {
  value: AddressDraft;
  onChange: (value: AddressDraft) => void;
  problems: AddressProblems;
}

const AUTOCOMPLETE: Record<AddressField, string> = {
  name: 'name',
  street: 'street-address',
  city: 'address-level2',
  postalCode: 'postal-code',
  country: 'country',
};

export function AddressForm({ value, onChange, problems }: AddressFormProps) {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const base = useId();
  const countries = useMemo(() => {
    return [...COUNTRY_CODES].map((code) => ({ code, name: formatCountry(code, language) })).sort((a, b) => a.name.localeCompare(b.name, language));
  }, [language]);

  const describe = (problem: AddressFieldProblem): string => {
    switch (problem.kind) {
      case 'required':
        return t('address.errors.required');
      case 'too-long':
        return t('address.errors.tooLong', { max: problem.max });
      case 'postal-code':
        return t('address.errors.postalCode');
      case 'country':
        return t('address.errors.country');
      case 'server':
        return errorText({ code: 'bad_request', message: problem.message });
    }
  };

  const field = (name: AddressField, input: (props: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode) => {
    const id = `${base}-${name}`;
    const problem = problems[name];
    return (
      <div className="field" key={name}>
        <label htmlFor={id}>{t(`address.${name}`)}</label>
        {input({ id, 'aria-invalid': problem !== undefined, ...(problem ? { 'aria-describedby': `${id}-error` } : {}) })}
        {problem && (
          <p id={`${id}-error`} className="field-error" data-testid={`address-error-${name}`}>
            {describe(problem)}
          </p>
        )}
      </div>
    );
  };

  const text = (name: Exclude<AddressField, 'country'>) =>
    field(name, (props) => <input {...props} name={name} autoComplete={AUTOCOMPLETE[name]} value={value[name]} onChange={(event) => onChange({ ...value, [name]: event.target.value })} />);

  return (
    <div className="address-form">
      {text('name')}
      {text('street')}
      {text('city')}
      {text('postalCode')}
      {field('country', (props) => (
        <select {...props} name="country" autoComplete={AUTOCOMPLETE.country} value={value.country} onChange={(event) => onChange({ ...value, country: event.target.value })}>
          <option value="">{t('address.chooseCountry')}</option>
          {countries.map(({ code, name }) => (
            <option key={code} value={code}>
              {name}
            </option>
          ))}
        </select>
      ))}
    </div>
  );
}
