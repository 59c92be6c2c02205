import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

/**
 * Calls the API as demo people, each signed in once by password: `call(login, method, url, body,
 * lang)`. The app and the password are read when first used, so a suite can make this before its
 * `beforeAll` starts the app.
 */
export function apiAs(app: () => FastifyInstance, password: () => string) {
  const tokens = new Map<string, string>();
  const tokenOf = async (login: string) => {
    if (!tokens.has(login))
      tokens.set(
        login,
        (await app().inject({ method: 'POST', url: '/api/auth/login', payload: { login, password: password() } })).json<{ token: string }>().token,
      );
    return tokens.get(login)!;
  };
  const call = async (login: string, method: 'GET' | 'POST', url: string, payload?: unknown, lang = 'en'): Promise<LightMyRequestResponse> =>
    app().inject({
      method,
      url,
      headers: { authorization: `Bearer ${await tokenOf(login)}`, 'accept-language': lang },
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
  return { tokenOf, call };
}
