// The Spanish texts speak to the reader as "tú" everywhere, as the shop, guides and help do: Studio's texts once said
// "usted" ("Añada su propio producto", "Haga clic…"), which reads as a different app.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = path.resolve('client/src/i18n/locales/es');
const USTED = /\b(Añada|Suba|suba|Suelte|elíjalos|Compruebe|compruebe|corrija|Inténtelo|inténtelo|Haga|Seleccione|conviértalo|quite|Gire|captúrela|publíquelo|Ya tiene|Le echamos|le costó|le permite)\b/;

function texts(value: unknown, at: string): Array<[string, string]> {
  if (typeof value === 'string') return [[at, value]];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, child]) => texts(child, `${at}.${key}`));
  return [];
}

describe('Spanish register', () => {
  it('addresses the reader as tú in every namespace', () => {
    const formal = fs
      .readdirSync(DIR)
      .filter((file) => file.endsWith('.json'))
      .flatMap((file) => texts(JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8')), file.replace('.json', '')))
      .filter(([, text]) => USTED.test(text))
      .map(([key, text]) => `${key}: ${text}`);
    expect(formal).toEqual([]);
  });
});
