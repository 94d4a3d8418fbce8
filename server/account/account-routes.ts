// "My data" over HTTP for any signed-in person: download everything held about them as one JSON file, erase the account.
import { EraseAccountRequestSchema, EraseAccountResponseSchema, PersonalDataExportSchema } from '../../core/account.ts';
import { ROLES } from '../../core/auth.ts';
import { clearRefreshCookie } from '../auth/refresh-cookie.ts';
import type { RouteTable } from '../http/define-route.ts';
import { requireUser } from '../platform/signed-in.ts';
import type { AccountService } from './account-service.ts';

const tag = 'account';
const roles = ROLES;

export function registerAccountRoutes(routes: RouteTable, account: AccountService, ended: (userId: string, signInIds: readonly string[]) => void): void {
  routes.define(
    { method: 'GET', path: '/api/account/export', operationId: 'exportMyData', tag, summary: 'Everything the product holds about the signed-in person as one JSON file: profile, saved addresses, sign-ins, guide progress and step events, help sessions and transcripts they took part in, orders, surveys, proactive-help settings', response: PersonalDataExportSchema, download: { contentType: 'application/json', description: 'The person’s data (format `xr-assist.personal-data/1`)' }, roles, rateLimit: { max: 10, windowMs: 60_000 } },
    async ({ user, reply }) => {
      const data = await account.exportData(requireUser(user));
      void reply.header('content-disposition', `attachment; filename="xr-assist-my-data-${new Date(data.exportedAt).toISOString().slice(0, 10)}.json"`).header('cache-control', 'private, no-store');
      return data;
    },
  );

  routes.define(
    { method: 'POST', path: '/api/account/erase', operationId: 'eraseMyAccount', tag, summary: 'Erase the signed-in person’s account, confirmed with its e-mail address typed again and the current password: their personal data goes in one transaction, their orders stay (lines and totals) with no name, address or user id, and every sign-in and open connection of theirs ends. Answered once committed', body: EraseAccountRequestSchema, response: EraseAccountResponseSchema, roles, errors: [400, 403], rateLimit: { max: 10, windowMs: 60_000 } },
    async ({ body, user, reply }) => {
      const person = requireUser(user);
      const erased = await account.erase(body, person);
      ended(person.id, erased.signInIds);
      clearRefreshCookie(reply);
      return { erased: true as const, ordersKept: erased.ordersKept };
    },
  );
}
