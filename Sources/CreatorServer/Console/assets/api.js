// The JSON API (docs/console.md): same-origin requests with the session cookie. A failure
// becomes an ApiError carrying the server's error object ({code, message, query_error?}).

/** A refused or failed request: HTTP status, the protocol's error code and its message. */
export class ApiError extends Error {
  constructor(status, error) {
    super(error?.message ?? `HTTP ${status}`);
    this.status = status;
    this.code = error?.code ?? 'ERR';
    /** For a query that cannot be parsed: {column, span: {start, end}, detail, hint}. */
    this.queryError = error?.query_error ?? null;
  }
}

/** GET (or `options.method`) a JSON document; sends `options.json` as the body when given. */
export async function request(path, options = {}) {
  const init = { method: options.method ?? 'GET', credentials: 'same-origin', headers: { Accept: 'application/json' } };
  if (options.json !== undefined) {
    init.method = options.method ?? 'POST';
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof options.json === 'string' ? options.json : JSON.stringify(options.json);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new ApiError(0, { code: 'NETWORK', message: `the server did not answer (${error.message})` });
  }
  if (response.status === 401) {
    // The session ended (or there never was one): sign in, then come back here.
    const next = location.pathname + location.search;
    location.assign('/login?next=' + encodeURIComponent(next));
    throw new ApiError(401, { code: 'NOAUTH', message: 'sign in first' });
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, body?.error);
  return body;
}

export const api = {
  search: (query) => request('/api/search?q=' + encodeURIComponent(query)),
  explain: (query) => request('/api/explain?q=' + encodeURIComponent(query)),
  creator: (reference) => request('/api/creators/' + encodeURIComponent(reference)),
  risk: (reference) => request('/api/creators/' + encodeURIComponent(reference) + '/risk'),
  match: (brief) => request('/api/match', { json: brief }),
  overlap: (ids) => request('/api/overlap?ids=' + ids.map(encodeURIComponent).join(',')),
  stats: () => request('/api/stats'),
};
