// The JSON API: the session's CSRF token goes with every change; a lost session sends the browser to sign in.

let csrfToken = null;

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function session() {
  const answer = await fetch('/api/session', { credentials: 'same-origin' });
  const body = await answer.json();
  csrfToken = body.csrfToken;
  return body;
}

export async function login(username, password) {
  const body = await call('POST', '/api/login', { username, password }, { redirect: false });
  csrfToken = body.csrfToken;
  return body;
}

export async function logout() {
  await call('POST', '/api/logout');
  location.assign('/ui/');
}

async function call(method, path, body, { redirect = true, contentType = 'application/json' } = {}) {
  const headers = { accept: 'application/json' };
  if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken;
  let payload;
  if (body !== undefined) {
    headers['content-type'] = contentType;
    payload = contentType === 'application/json' ? JSON.stringify(body) : body;
  }
  const answer = await fetch(path, { method, headers, body: payload, credentials: 'same-origin' });
  if (answer.status === 401 && redirect) {
    location.assign('/ui/');
    throw new ApiError(401, 'signed out');
  }
  if (answer.status === 204) return null;
  const text = await answer.text();
  const json = text ? JSON.parse(text) : null;
  if (!answer.ok) throw new ApiError(answer.status, json?.message || answer.statusText);
  return json;
}

export const api = {
  get: path => call('GET', path),
  post: (path, body = {}) => call('POST', path, body),
  postText: (path, text, type) => call('POST', path, text, { contentType: type }),
  patch: (path, body) => call('PATCH', path, body),
  put: (path, body = {}) => call('PUT', path, body),
  del: path => call('DELETE', path),
};

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null && v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}
