// One fetch client for the JSON API: it sends the session's CSRF token on every change, asks
// for errors in the language the UI shows, and turns RFC 9457 problems into ApiError.

export interface Problem {
  type?: string
  title?: string
  status: number
  detail?: string
  code: string
  field?: string
  line?: number
  message?: { vi?: string; en?: string }
}

export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly field?: string
  readonly problem: Problem
  /** Seconds to wait, from Retry-After, when the server throttles (429). */
  readonly retryAfter?: number

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title ?? problem.code)
    this.status = problem.status
    this.code = problem.code
    this.field = problem.field
    this.problem = problem
    this.retryAfter = retryAfter
  }

  /** The message in the UI's language; the problem carries both, so a switch needs no new request. */
  text(language: string): string {
    const m = this.problem.message
    const localized = language === 'en' ? m?.en : m?.vi
    return localized || this.problem.detail || this.problem.title || this.code
  }
}

type Hooks = {
  language: () => string
  csrfToken: () => string
  /** Called when the server says the caller is not (or no longer) signed in. */
  unauthorized: (error: ApiError) => void
}

const hooks: Hooks = {
  language: () => 'vi',
  csrfToken: () => '',
  unauthorized: () => {},
}

export function configureClient(next: Partial<Hooks>): void {
  Object.assign(hooks, next)
}

export type Query = Record<string, string | number | boolean | undefined | null>

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '' || value === false) continue
    params.set(key, String(value))
  }
  const text = params.toString()
  return `/api/v1${path}${text ? `?${text}` : ''}`
}

interface RequestOptions {
  query?: Query
  body?: unknown
  /** Raw bytes (file uploads), sent as application/octet-stream unless `headers` name a type. */
  bytes?: Blob
  /** A failed sign-in answers 401 too, but is not an expired session. */
  quietUnauthorized?: boolean
  /** More headers, e.g. Idempotency-Key. */
  headers?: Record<string, string>
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': hooks.language(),
    ...options.headers,
  }
  let body: BodyInit | undefined
  if (options.bytes) {
    headers['Content-Type'] ??= 'application/octet-stream'
    body = options.bytes
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json'
    body = JSON.stringify(options.body)
  }
  if (method !== 'GET' && method !== 'HEAD') {
    headers['X-CSRF-Token'] = hooks.csrfToken()
    // DELETE without a body still has to say JSON: the server checks every change's type.
    if (!headers['Content-Type']) headers['Content-Type'] = 'application/json'
  }

  let response: Response
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
    })
  } catch {
    throw new ApiError({ status: 0, code: 'network.unreachable' })
  }

  if (response.ok) {
    if (response.status === 204) return undefined as T
    const text = await response.text()
    return (text ? JSON.parse(text) : undefined) as T
  }

  let problem: Problem
  try {
    problem = (await response.json()) as Problem
    if (!problem.code) problem.code = `http.${response.status}`
    problem.status = response.status
  } catch {
    problem = { status: response.status, code: `http.${response.status}` }
  }
  const retry = Number(response.headers.get('Retry-After'))
  const error = new ApiError(problem, Number.isFinite(retry) && retry > 0 ? retry : undefined)
  if (response.status === 401 && !options.quietUnauthorized) hooks.unauthorized(error)
  throw error
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, query?: Query) => request<T>('POST', path, { body, query }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T>(path: string, query?: Query) => request<T>('DELETE', path, { query }),
}
