// GraphQL over HTTP with the user's bearer token; the token lives in sessionStorage only.

const TOKEN_KEY = 'kimgraph.token';

export interface Session {
  token: string;
  role: string;
  tenant: string | null;
}

export function session(): Session | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    return null;
  }
  const claims = decodeClaims(token);
  const roles = claims['roles'];
  const role = Array.isArray(roles) ? String(roles[0] ?? '') : String(roles ?? '');
  const tenant = typeof claims['tenant'] === 'string' ? (claims['tenant'] as string) : null;
  return { token, role, tenant };
}

export function signIn(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token.trim());
}

export function signOut(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** The claims of a JWT, unchecked (the service checks the signature); empty when not a JWT. */
function decodeClaims(token: string): Record<string, unknown> {
  const part = token.split('.')[1];
  if (!part) {
    return {};
  }
  try {
    const json = atob(part.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(decodeURIComponent(escape(json))) as Record<string, unknown>;
  } catch {
    return {};
  }
}

export class ApiError extends Error {
  constructor(message: string, readonly status: number) {
    super(message);
  }
}

/**
 * One GraphQL request with the session's token. Errors come back as {@link ApiError} with the service's message
 * (German first); a request that ran out of time is not repeated, since the analysis would run again in full.
 */
export async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  return gqlOnce<T>(query, variables);
}

async function gqlOnce<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const s = session();
  if (!s) {
    throw new ApiError('Nicht angemeldet (not signed in).', 401);
  }
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/graphql-response+json, application/json',
      Authorization: 'Bearer ' + s.token,
    },
    body: JSON.stringify({ query, variables }),
  });
  let body: { data?: T; errors?: { message: string }[] } = {};
  try {
    body = await response.json();
  } catch {
    // not JSON: reported by the status below
  }
  if (response.status === 401) {
    throw new ApiError(body.errors?.[0]?.message ?? 'Anmeldung erforderlich (authentication required).', 401);
  }
  if (body.errors?.length && !body.data) {
    throw new ApiError(body.errors.map((e) => e.message).join('; '), response.status);
  }
  if (!response.ok && !body.data) {
    throw new ApiError('HTTP ' + response.status, response.status);
  }
  if (body.errors?.length) {
    console.warn('GraphQL errors', body.errors);
  }
  return body.data as T;
}

/** The development issuer's tokens (one per role), or null where it does not run (production). */
export async function devTokens(): Promise<{ role: string; label: string; tenant: string | null; access_token: string }[] | null> {
  try {
    const response = await fetch('/dev/tokens');
    if (!response.ok) {
      return null;
    }
    return await response.json();
  } catch {
    return null;
  }
}
