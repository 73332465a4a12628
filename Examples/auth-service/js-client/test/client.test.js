import assert from "node:assert/strict";
import { createServer } from "node:http";
import { afterEach, beforeEach, describe, test } from "node:test";

import {
  ApiError,
  AuthClient,
  AuthClientError,
  AuthenticationError,
  ConflictError,
  TransportError,
} from "../src/index.js";

// An in-memory stand-in for the auth-service API, served on 127.0.0.1.
const FAKE_TOKEN = "fake-token";

/** Starts a fake server on a free port; resolves to { url, state, close }. */
async function startFakeServer() {
  const state = { users: new Map(), passwords: new Map(), requests: [], healthy: true };
  const server = createServer(async (request, response) => {
    let raw = "";
    for await (const chunk of request) raw += chunk;
    const body = raw ? JSON.parse(raw) : undefined;
    state.requests.push({ method: request.method, url: request.url, headers: request.headers });
    const [status, answer] = route(state, request.method, request.url, request.headers, body);
    response.writeHead(status, { "Content-Type": "application/json" });
    response.end(JSON.stringify(answer));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}`,
    state,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function route(state, method, url, headers, body) {
  const key = `${method} ${url}`;
  if (key === "GET /health") {
    return state.healthy ? [200, { status: "ok" }] : [503, { status: "unavailable" }];
  }
  if (key === "POST /auth/register") {
    if ((body.password ?? "").length < 8) {
      return [422, { detail: [{ loc: ["body", "password"], msg: "too short" }] }];
    }
    if (state.users.has(body.email)) return [409, { detail: "Email already registered" }];
    const user = {
      id: state.users.size + 1,
      email: body.email,
      display_name: body.display_name ?? null,
      created_at: "2025-01-06T10:00:00Z",
    };
    state.users.set(body.email, user);
    state.passwords.set(body.email, body.password);
    return [201, user];
  }
  if (key === "POST /auth/login") {
    if (state.passwords.get(body.email) !== body.password) {
      return [401, { detail: "Incorrect email or password" }];
    }
    return [200, { access_token: FAKE_TOKEN, token_type: "bearer", expires_in: 3600 }];
  }
  if (key === "GET /me") {
    if (headers.authorization !== `Bearer ${FAKE_TOKEN}` || state.users.size === 0) {
      return [401, { detail: "Not authenticated" }];
    }
    return [200, state.users.values().next().value];
  }
  return [404, { detail: "Not Found" }];
}

const EMAIL = "ada@example.com";
const PASSWORD = "correct horse battery staple";

describe("AuthClient", () => {
  let server;
  let client;

  beforeEach(async () => {
    server = await startFakeServer();
    client = new AuthClient(server.url, { timeoutMs: 5000 });
  });

  afterEach(async () => {
    await server.close();
  });

  test("health returns the server report", async () => {
    assert.deepEqual(await client.health(), { status: "ok" });
  });

  test("health of an unhealthy server throws ApiError with status 503", async () => {
    server.state.healthy = false;
    await assert.rejects(client.health(), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 503);
      return true;
    });
  });

  test("register sends JSON and returns the user", async () => {
    const user = await client.register(EMAIL, PASSWORD, "Ada");

    assert.equal(user.email, EMAIL);
    assert.equal(user.display_name, "Ada");
    assert.equal(server.state.passwords.get(EMAIL), PASSWORD);
    assert.equal(server.state.requests.at(-1).headers["content-type"], "application/json");
  });

  test("register with a taken email throws ConflictError", async () => {
    await client.register(EMAIL, PASSWORD);

    await assert.rejects(client.register(EMAIL, PASSWORD), (error) => {
      assert.ok(error instanceof ConflictError);
      assert.ok(error instanceof AuthClientError);
      assert.equal(error.status, 409);
      assert.equal(error.detail, "Email already registered");
      assert.equal(error.name, "ConflictError");
      return true;
    });
  });

  test("validation problems are kept in the detail", async () => {
    await assert.rejects(client.register(EMAIL, "short"), (error) => {
      assert.equal(error.status, 422);
      assert.match(error.detail, /too short/);
      return true;
    });
  });

  test("login stores the token for later calls", async () => {
    await client.register(EMAIL, PASSWORD);

    const token = await client.login(EMAIL, PASSWORD);
    const user = await client.me();

    assert.equal(token, FAKE_TOKEN);
    assert.equal(client.token, FAKE_TOKEN);
    assert.equal(user.email, EMAIL);
    assert.equal(server.state.requests.at(-1).headers.authorization, `Bearer ${FAKE_TOKEN}`);
  });

  test("login with a wrong password throws AuthenticationError", async () => {
    await client.register(EMAIL, PASSWORD);

    await assert.rejects(client.login(EMAIL, "not the password"), AuthenticationError);
    assert.equal(client.token, null);
  });

  test("me without login sends no token and throws AuthenticationError", async () => {
    await client.register(EMAIL, PASSWORD);

    await assert.rejects(client.me(), AuthenticationError);
    assert.equal(server.state.requests.at(-1).headers.authorization, undefined);
  });

  test("logout forgets the token", async () => {
    await client.register(EMAIL, PASSWORD);
    await client.login(EMAIL, PASSWORD);

    client.logout();

    await assert.rejects(client.me(), AuthenticationError);
  });

  test("a token given to the constructor is used", async () => {
    await client.register(EMAIL, PASSWORD);
    const other = new AuthClient(`${server.url}/`, { token: FAKE_TOKEN });

    assert.equal((await other.me()).email, EMAIL);
  });

  test("an unknown route throws ApiError with its status", async () => {
    const other = new AuthClient(`${server.url}/v2`);

    await assert.rejects(other.health(), (error) => {
      assert.ok(error instanceof ApiError);
      assert.equal(error.status, 404);
      assert.equal(error.message, "HTTP 404: Not Found");
      return true;
    });
  });
});

test("an unreachable server throws TransportError", async () => {
  // Take a free port, then release it: nothing listens there while the client tries it.
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));

  const client = new AuthClient(`http://127.0.0.1:${port}`, { timeoutMs: 5000 });

  await assert.rejects(client.health(), TransportError);
});
