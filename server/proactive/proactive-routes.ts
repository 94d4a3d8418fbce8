// Proactive help over HTTP for any signed-in person: claim the offer for the step they are on, read and set whether
// offers are wanted.
import { ROLES } from '../../core/auth.ts';
import { ProactiveOfferRequestSchema, ProactiveOfferResponseSchema, ProactivePreferenceSchema } from '../../core/proactive.ts';
import type { RouteTable } from '../http/define-route.ts';
import { requireUser } from '../platform/signed-in.ts';
import type { ProactiveService } from './proactive-service.ts';

const tag = 'proactive';
const roles = ROLES;

export function registerProactiveRoutes(routes: RouteTable, proactive: ProactiveService): void {
  routes.define(
    { method: 'POST', path: '/api/proactive/offers', operationId: 'claimProactiveOffer', tag, summary: 'The help offer for the step the person is on in their session, made at most once per session and step: why (they struggled there before, this unit needed help there, many people are far slower there than the guide’s norm) and the tip an agent gave; null when there is none to make or offers are turned off', body: ProactiveOfferRequestSchema, response: ProactiveOfferResponseSchema, roles, errors: [400, 404], rateLimit: { max: 120, windowMs: 60_000 } },
    async ({ body, user }) => ({ offer: await proactive.claimOffer(body, requireUser(user)) }),
  );

  routes.define(
    { method: 'GET', path: '/api/proactive/preference', operationId: 'getProactivePreference', tag, summary: 'Whether the person wants help offered before they ask', response: ProactivePreferenceSchema, roles },
    async ({ user }) => ({ offers: await proactive.wanted(requireUser(user)) }),
  );

  routes.define(
    { method: 'PUT', path: '/api/proactive/preference', operationId: 'setProactivePreference', tag, summary: 'Turn help offered before asking on or off for the person', body: ProactivePreferenceSchema, response: ProactivePreferenceSchema, roles, errors: [400] },
    async ({ body, user }) => {
      await proactive.setWanted(body.offers, requireUser(user));
      return { offers: body.offers };
    },
  );
}
