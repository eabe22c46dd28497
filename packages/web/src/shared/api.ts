/** An error reply from the HTTP API: `{ error: { code, message, detail? } }`. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly detail?: string,
  ) {
    super(message);
  }
}

/** JSON over HTTP with the project's error shape; `token` goes in as a bearer token. */
export async function api<T>(path: string, opts: { method?: string; body?: unknown; token?: string; lang?: string } = {}): Promise<T> {
  const headers: Record<string, string> = {};
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.lang) headers['accept-language'] = opts.lang;
  const res = await fetch(path, { method: opts.method ?? 'GET', headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
  const json = (await res.json().catch(() => ({}))) as { error?: { code: string; message: string; detail?: string } };
  if (!res.ok) throw new ApiError(json.error?.code ?? 'HTTP_' + res.status, json.error?.message ?? res.statusText, res.status, json.error?.detail);
  return json as T;
}
