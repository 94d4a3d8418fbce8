// Types every t() key against the English translations.
import type common from './locales/en/common.json';
import type catalog from './locales/en/catalog.json';
import type orders from './locales/en/orders.json';
import type guide from './locales/en/guide.json';
import type assist from './locales/en/assist.json';
import type studio from './locales/en/studio.json';
import type emulator from './locales/en/emulator.json';
import type backOffice from './locales/en/backOffice.json';
import type survey from './locales/en/survey.json';
import type insights from './locales/en/insights.json';
import type offline from './locales/en/offline.json';
import type activity from './locales/en/activity.json';
import type account from './locales/en/account.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: { common: typeof common; catalog: typeof catalog; orders: typeof orders; guide: typeof guide; assist: typeof assist; studio: typeof studio; emulator: typeof emulator; backOffice: typeof backOffice; survey: typeof survey; insights: typeof insights; offline: typeof offline; activity: typeof activity; account: typeof account };
  }
}
