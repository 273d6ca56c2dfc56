import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { getSession } from '../auth/session';
import { getLocale } from '../i18n';
import { problemOf } from './problem';

// The typed client of our own OpenAPI contract (schema.d.ts is generated from the snapshot at build time):
// the app is the first third-party client of the API.
const auth: Middleware = {
  onRequest({ request }) {
    const s = getSession();
    if (s) request.headers.set('Authorization', `Bearer ${s.accessToken}`);
    request.headers.set('Accept-Language', getLocale());
    return request;
  },
  async onResponse({ response }) {
    if (!response.ok) throw await problemOf(response);
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: location.origin });
api.use(auth);
