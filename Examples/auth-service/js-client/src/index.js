/**
 * Client for the auth-service API: register, log in, read the current user, check health.
 * Uses the global fetch (Node 20+, browsers); keeps the bearer token between calls.
 */

/** Base class of every error this package throws. */
export class AuthClientError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The server could not be reached, or its answer was not the JSON the API promises. */
export class TransportError extends AuthClientError {}

/** The server answered with an error status; `status` and `detail` say which and why. */
export class ApiError extends AuthClientError {
  constructor(status, detail) {
    super(`HTTP ${status}: ${detail}`);
    this.status = status;
    this.detail = detail;
  }
}

/** 401: wrong credentials, or a missing, invalid or expired token. */
export class AuthenticationError extends ApiError {}

/** 409: the email address is already registered. */
export class ConflictError extends ApiError {}

const ERRORS_BY_STATUS = { 401: AuthenticationError, 409: ConflictError };

/** Calls one auth-service server. One instance holds one login. */
export class AuthClient {
  /**
   * @param {string} baseUrl e.g. "http://127.0.0.1:8000"
   * @param {{ token?: string, timeoutMs?: number, fetch?: typeof fetch }} [options]
   */
  constructor(baseUrl, { token = null, timeoutMs = 10_000, fetch: fetchImpl = fetch } = {}) {
    this.baseUrl = baseUrl.replace(/\/+$/, "");
    this.token = token;
    this.timeoutMs = timeoutMs;
    this.fetch = fetchImpl;
  }

  /** Create an account and return it. Throws ConflictError if the email is taken. */
  async register(email, password, displayName) {
    const body = { email, password };
    if (displayName !== undefined) body.display_name = displayName;
    return this.#request("POST", "/auth/register", body);
  }

  /** Log in, keep the token for later calls, and return it. */
  async login(email, password) {
    const answer = await this.#request("POST", "/auth/login", { email, password });
    if (typeof answer?.access_token !== "string") {
      throw new TransportError("login answer has no access_token");
    }
    this.token = answer.access_token;
    return this.token;
  }

  /** Forget the token; tokens are stateless, so the server is not told. */
  logout() {
    this.token = null;
  }

  /** The logged-in account. Throws AuthenticationError without a valid token. */
  async me() {
    return this.#request("GET", "/me");
  }

  /** The server's health report, e.g. { status: "ok" }. A 503 throws ApiError. */
  async health() {
    return this.#request("GET", "/health");
  }

  async #request(method, path, body) {
    const headers = { Accept: "application/json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    const url = this.baseUrl + path;

    let response;
    let text;
    try {
      response = await this.fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const reason = error.cause?.message ?? error.message;
      throw new TransportError(`${method} ${url} failed: ${reason}`, { cause: error });
    }

    if (!response.ok) throw apiError(response.status, text);
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new TransportError(`answer is not JSON: ${text.slice(0, 80)}`, { cause: error });
    }
  }
}

// FastAPI puts a message (or, for validation errors, a list of problems) under "detail".
function apiError(status, text) {
  let detail = text;
  try {
    detail = JSON.parse(text).detail ?? "";
  } catch {
    // Not JSON (a proxy's error page, say): keep the raw text.
  }
  if (typeof detail !== "string") detail = JSON.stringify(detail);
  const ErrorType = ERRORS_BY_STATUS[status] ?? ApiError;
  return new ErrorType(status, detail || "(no detail)");
}
