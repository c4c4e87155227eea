// The browser side of docs/protocol.md: one websocket per tab, an ordered outgoing queue,
// reconnect with back-off, and a store that is re-hydrated on every (re)connect.
// Everything environmental is injected so node tests can drive it with fakes.
import { browserEnv, performActions } from "./actions.js";
import { marks } from "./delta.js";

const TOKEN_KEY = "pyx_token";
const ALIVE_KEY = "pyx_tab_alive";
// Same rule as the server: anything else gets replaced by a server-issued token.
const TOKEN_RE = /^[A-Za-z0-9_-]{1,64}$/;

// getRandomValues works outside secure contexts (plain http on a LAN address), where
// crypto.randomUUID does not exist; `random` is only the last resort.
function newToken(random) {
  const bytes = new Uint8Array(16);
  if (globalThis.crypto?.getRandomValues) globalThis.crypto.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

// sessionStorage can throw (sandboxed iframes, privacy modes): fall back to memory so the
// page still works, just without surviving a reload.
function tokenStorage(storage) {
  const memory = new Map();
  return {
    read(key = TOKEN_KEY) {
      try {
        return storage ? storage.getItem(key) : memory.get(key) ?? null;
      } catch {
        return memory.get(key) ?? null;
      }
    },
    write(token, key = TOKEN_KEY) {
      memory.set(key, token);
      try {
        storage?.setItem(key, token);
      } catch {
        // memory copy is enough for this page's lifetime
      }
    },
    remove(key) {
      memory.delete(key);
      try {
        storage?.removeItem(key);
      } catch {
        // nothing stored, nothing to remove
      }
    },
  };
}

// A duplicated tab (or a window.open of this origin) starts with a copy of the original tab's
// sessionStorage, token included, and would share its state without getting its deltas. So a
// shown page keeps a mark in sessionStorage and clears it on pagehide: a page that starts and
// finds the mark is a copy of a live tab and takes a token of its own; a reload finds no mark
// (pagehide cleared it) and keeps the token. Returns true when the stored token is a copy.
function claimTab(tokens, pageEvents) {
  const copied = tokens.read(ALIVE_KEY) !== null;
  tokens.write("1", ALIVE_KEY);
  if (typeof pageEvents?.addEventListener === "function") {
    pageEvents.addEventListener("pagehide", () => tokens.remove(ALIVE_KEY));
    pageEvents.addEventListener("pageshow", () => tokens.write("1", ALIVE_KEY)); // back from bfcache
  }
  return copied;
}

function defaultStorage() {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined;
  }
}

function withToken(url, token) {
  return `${url}${url.includes("?") ? "&" : "?"}token=${encodeURIComponent(token)}`;
}

export function createSocket({
  url,
  store,
  storage = defaultStorage(),
  WebSocketImpl = globalThis.WebSocket,
  setTimeoutImpl = (fn, ms) => setTimeout(fn, ms),
  clearTimeoutImpl = (id) => clearTimeout(id),
  random = Math.random,
  pageEvents = globalThis,
  onStatus,
  onError,
  actionEnv, // window/document/navigator/console/navigate for client actions; the browser's by default
  route = () => ({ path: "/", query: "" }), // where the page is, sent with each hydrate request
  clientStorage, // createClientStorage(...) when the app has storage vars: read, persist, persistAll
  minDelay = 100,
  maxDelay = 5000,
  autoConnect = true,
} = {}) {
  if (!url) throw new TypeError("createSocket: url is required");
  if (!store) throw new TypeError("createSocket: store is required");

  const tokens = tokenStorage(storage);
  const copiedTab = claimTab(tokens, pageEvents);
  let token = tokens.read();
  if (copiedTab || typeof token !== "string" || !TOKEN_RE.test(token)) {
    token = newToken(random);
    tokens.write(token);
  }

  let ws = null; // the live socket, or null between attempts
  let hydrated = false; // events flow only after this connection's hydrate
  let status = "closed";
  let stopped = false; // close() was called: never reconnect
  let attempt = 0; // consecutive failed connects, for the back-off
  let timer = null;
  let nextId = 1;
  let loaded = false; // a hydrate arrived once: later hydrate requests are reconnects, not loads
  const queue = []; // [{ id, frame }] not yet sent, in order
  const inflight = new Set(); // ids sent on this connection and not answered yet

  function setStatus(next) {
    if (next === status) return;
    status = next;
    try {
      onStatus?.(next);
    } catch (err) {
      console.error("pyx: onStatus failed", err);
    }
  }

  function connect() {
    if (stopped || ws) return;
    if (timer !== null) clearTimeoutImpl(timer); // a manual connect() pre-empts the back-off
    timer = null;
    setStatus("connecting");
    let sock;
    try {
      sock = new WebSocketImpl(withToken(url, token));
    } catch (err) {
      console.error("pyx: cannot open websocket", err);
      scheduleReconnect();
      return;
    }
    ws = sock;
    // Handlers check `ws === sock` so a late event from an old socket cannot touch state.
    sock.onopen = () => {
      if (ws === sock) requestHydrate(sock);
    };
    sock.onmessage = (ev) => {
      if (ws === sock) receive(ev.data);
    };
    sock.onerror = () => {}; // a close event always follows; reconnect happens there
    sock.onclose = () => {
      if (ws !== sock) return;
      ws = null;
      hydrated = false;
      if (inflight.size) {
        // At most once: these may or may not have run; the next hydrate shows the truth.
        console.warn(`pyx: connection lost with ${inflight.size} event(s) unanswered; not resending`);
        inflight.clear();
      }
      scheduleReconnect();
    };
  }

  // The first frame of every connection: where the page is, so the server's self.router is
  // right, and whether this is the page's load or a reconnect.
  function requestHydrate(sock) {
    const request = { type: "hydrate", load: !loaded, route: safeRoute() };
    const stored = clientStorage?.read();
    if (stored && Object.keys(stored).length) request.storage = stored;
    try {
      sock.send(JSON.stringify(request));
    } catch (err) {
      console.error("pyx: cannot send the hydrate request", err);
    }
  }

  function safeRoute() {
    try {
      return route();
    } catch (err) {
      console.error("pyx: cannot read the page's route", err);
      return { path: "/", query: "" };
    }
  }

  function scheduleReconnect() {
    setStatus("closed");
    if (stopped) return;
    const base = Math.min(maxDelay, minDelay * 2 ** attempt);
    attempt = Math.min(attempt + 1, 30);
    // "Equal jitter": spread reconnects of many tabs after a server restart, never below base/2.
    const delay = base / 2 + (random() * base) / 2;
    timer = setTimeoutImpl(connect, delay);
  }

  function receive(data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      console.error("pyx: ignoring a frame that is not JSON");
      return;
    }
    if (frame === null || typeof frame !== "object") return;
    marks.frame?.(frame, store);
    switch (frame.type) {
      case "hydrate":
        if (typeof frame.token === "string" && TOKEN_RE.test(frame.token) && frame.token !== token) {
          token = frame.token;
          tokens.write(token);
        }
        store.hydrate(frame.state ?? {});
        if (typeof frame.lost === "string") reportLost(frame.lost);
        clientStorage?.persistAll(store);
        hydrated = true;
        loaded = true;
        attempt = 0; // a real connection: next outage starts the back-off afresh
        setStatus("open");
        flush();
        break;
      case "delta":
        applyChanges(frame);
        // `final: false`: a frame sent at a handler's `yield`; the event's answer is still to come.
        if (frame.final !== false) inflight.delete(frame.id);
        break;
      case "error":
        applyChanges(frame); // what was sent along with the error still counts
        inflight.delete(frame.id);
        reportError(frame);
        break;
      default:
        break; // unknown frame types come from newer servers: ignore
    }
  }

  function applyChanges(frame) {
    if (frame.delta) store.apply(frame.delta);
    if (frame.patch) {
      const problems = store.patch(frame.patch);
      if (problems.length) resync(problems);
    }
    if (clientStorage && (frame.delta || frame.patch)) clientStorage.persist(frame, store);
    if (frame.actions) performActions(frame.actions, { ...(actionEnv ?? browserEnv()), send });
  }

  // A list tail that does not fit our copy: we missed something. Reconnecting re-hydrates.
  function resync(problems) {
    console.error(`pyx: state out of sync (${problems.join("; ")}); reconnecting to re-hydrate`);
    const sock = ws;
    if (!sock) return;
    try {
      sock.close();
    } catch {
      // closing anyway
    }
    sock.onclose?.();
  }

  // The server kept no state for our token (it expired, was evicted, or a memory-only server
  // restarted): the page now shows defaults, and says so rather than silently resetting.
  const LOST_REASONS = {
    expired: "it was idle too long",
    evicted: "the server needed room for other clients",
    restarted: "the server restarted",
  };

  function reportLost(reason) {
    const why = LOST_REASONS[reason] ?? reason;
    reportError({ id: null, error: { code: "state_lost", message: `this page's state was lost (${why}); it starts afresh`, reason } });
  }

  function reportError(frame) {
    const code = frame.error?.code ?? "error";
    const message = frame.error?.message ?? "";
    const id = frame.id ?? null;
    const report = { id, code, message };
    // error_id names the server log's entry; traceback comes only from a server in --dev.
    for (const key of ["error_id", "traceback", "reason"]) {
      if (typeof frame.error?.[key] === "string") report[key === "error_id" ? "errorId" : key] = frame.error[key];
    }
    const where = id != null ? ` (event ${id})` : "";
    console.error(`pyx: ${code}: ${message}${where}${report.traceback ? `\n${report.traceback}` : ""}`);
    try {
      onError?.(report);
    } catch (err) {
      console.error("pyx: onError failed", err);
    }
  }

  function flush() {
    while (hydrated && ws && queue.length) {
      const { id, frame } = queue[0];
      if (typeof frame === "function") {
        // An upload's turn: it starts its own HTTP request, answered over this socket.
        queue.shift();
        inflight.add(id);
        try {
          frame(id, token);
        } catch (err) {
          settle(id, { code: "upload_failed", message: `the upload could not start: ${err}` });
        }
        continue;
      }
      try {
        ws.send(frame);
      } catch (err) {
        // Not sent, so it stays queued for the next connection (still at most once).
        console.error("pyx: send failed", err);
        return;
      }
      inflight.add(queue.shift().id);
    }
  }

  function send(handler, args = []) {
    if (typeof handler !== "string" || !handler) throw new TypeError("pyx: handler must be a name");
    if (!Array.isArray(args)) throw new TypeError("pyx: args must be an array");
    if (stopped) {
      console.warn(`pyx: socket closed; dropping event ${handler}`);
      return null;
    }
    // Serialise now: a bad argument fails at the call site, and later mutation of args
    // cannot change what is sent.
    const argsJson = JSON.stringify(args);
    return enqueue((id) => `{"id":${id},"handler":${JSON.stringify(handler)},"args":${argsJson}}`);
  }

  // The page loaded or moved to `where` ({ path, query }): the server runs that page's
  // on_load handlers. Queued with the events, so it runs in order with them.
  function navigate(where) {
    if (stopped) return null;
    const path = String(where?.path ?? "/");
    const query = String(where?.query ?? "");
    return enqueue((id) => JSON.stringify({ id, type: "navigate", route: { path, query } }));
  }

  // Another tab changed synced storage vars ({state: {var: text or null}}): the server sets them.
  function storageChanged(values) {
    if (stopped) return null;
    return enqueue((id) => JSON.stringify({ id, type: "storage", values }));
  }

  function enqueue(frameFor) {
    const id = nextId++;
    queue.push({ id, frame: frameFor(id) });
    flush();
    return id;
  }

  // An upload (uploadRequest.js): `start(id, token)` runs in queue order once connected.
  function upload(start) {
    if (stopped) return null;
    return enqueue(() => start);
  }

  // An upload that failed before its handler ran (HTTP 413, 4xx, cancelled): the server sends
  // no frame for it, so it is answered here.
  function settle(id, error) {
    inflight.delete(id);
    reportError({ id, error });
  }

  function close() {
    stopped = true;
    if (timer !== null) clearTimeoutImpl(timer);
    timer = null;
    const sock = ws;
    ws = null;
    hydrated = false;
    if (sock) {
      try {
        sock.close();
      } catch {
        // already closing
      }
    }
    setStatus("closed");
  }

  if (autoConnect) connect();

  return {
    send,
    navigate,
    storageChanged,
    upload,
    settle,
    close,
    connect,
    get status() {
      return status;
    },
    get token() {
      return token;
    },
    // Events queued or sent and not yet answered: browser tests wait for 0.
    get pending() {
      return queue.length + inflight.size;
    },
  };
}
