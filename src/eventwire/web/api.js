// Calls to the JSON API. Errors arrive in one shape, {"ok": false, "error", "status"}, and are
// thrown as ApiError so that views can show the server's message.

const TOKEN_KEY = "eventwire-token";

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export function getToken() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(value) {
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function headers() {
  const token = getToken();
  return token ? { Authorization: `Bearer ${token}` } : {};
}

/** The query string of a params object; empty values are left out, arrays repeat the key. */
export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === "" || value === false) continue;
    for (const item of Array.isArray(value) ? value : [value]) search.append(key, String(item));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export async function apiGet(path, params) {
  const response = await fetch(`/api/${path}${queryString(params)}`, { headers: headers() });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    throw new ApiError(response.status, (body && body.error) || `${response.status} ${response.statusText}`);
  }
  return body;
}

/** POST a FormData to /api/ingest with upload progress (fetch has none, so XMLHttpRequest). */
export function apiUpload(form, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/ingest");
    for (const [key, value] of Object.entries(headers())) request.setRequestHeader(key, value);
    request.responseType = "json";
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    });
    request.addEventListener("load", () => {
      const body = request.response;
      if (request.status >= 200 && request.status < 300) resolve(body);
      else reject(new ApiError(request.status, (body && body.error) || `${request.status} ${request.statusText}`));
    });
    request.addEventListener("error", () => reject(new ApiError(0, "the server could not be reached")));
    request.send(form);
  });
}
