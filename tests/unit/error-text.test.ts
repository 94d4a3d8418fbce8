// Every error code and reason has a sentence in English and Spanish, and a failure is never shown as a client literal
// ("timeout", "network") or, to a Spanish reader, as the server's English message.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_REASONS, type ErrorBody } from '../../core/ack.ts';
import { errorText, noAnswer } from '../../client/src/i18n/error-text.ts';
import en from '../../client/src/i18n/locales/en/common.json';
import es from '../../client/src/i18n/locales/es/common.json';

beforeAll(async () => {
  await i18next.init({ resources: { en: { common: en }, es: { common: es } }, lng: 'en', fallbackLng: false, defaultNS: 'common', interpolation: { escapeValue: false } });
});

const SERVER_SENTENCE = 'The thumbnail must be a PNG image (captured from the 3D view).';

describe('error texts', () => {
  for (const language of ['en', 'es'] as const) {
    it(`has a ${language} sentence for every code and every reason`, async () => {
      await i18next.changeLanguage(language);
      for (const code of ERROR_CODES) {
        const key = `common:failure.code.${code}`;
        expect(i18next.exists(key), `${language} ${key}`).toBe(true);
        expect(errorText({ code, message: '' })).toBe(i18next.t(key as never));
      }
      for (const reason of ERROR_REASONS) {
        const key = `common:failure.reason.${reason}`;
        expect(i18next.exists(key), `${language} ${key}`).toBe(true);
        const text = errorText({ code: 'bad_request', message: SERVER_SENTENCE, reason, params: { file: 'pump.glb', megabytes: 5, count: 3, name: 'Ada Admin', revision: 4, version: 2, date: '2026-04-10', id: 'grinder' } });
        expect(text, `${language} ${reason}`).not.toMatch(/\{\{|\}\}/);
        expect(text).not.toBe(SERVER_SENTENCE);
      }
    });
  }

  it('never shows a client literal, and shows the server’s English sentence to an English reader only', async () => {
    const refused: ErrorBody = { code: 'bad_request', message: SERVER_SENTENCE };
    await i18next.changeLanguage('es');
    expect(errorText(noAnswer('timeout'))).toBe('El servidor no ha respondido a tiempo. Inténtalo de nuevo.');
    expect(errorText(noAnswer('network'))).toMatch(/^No podemos conectar/);
    expect(errorText(refused)).toBe(es.failure.code.bad_request);
    expect(errorText({ body: refused })).toBe(es.failure.code.bad_request);
    expect(errorText(new Error('WebGL context lost'))).toBe(es.error.generic);
    expect(errorText({ code: 'bad_request', message: 'x', reason: 'import.corrupt', params: { file: 'pump.glb' } })).toMatch(/^pump\.glb está dañado/);
    await i18next.changeLanguage('en');
    expect(errorText(refused)).toBe(SERVER_SENTENCE);
    expect(errorText(noAnswer('timeout'))).toBe('The server did not answer in time. Try again.');
  });
});
