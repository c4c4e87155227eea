// Test doubles for the socket tests (kept outside test/ so the runner does not run it as a test file).

// Each call returns a fresh class so tests never share instances.
export function fakeWebSocketClass() {
  class FakeWebSocket {
    static instances = [];
    static OPEN = 1;
    constructor(url) {
      this.url = url;
      this.readyState = 0;
      this.sent = []; // parsed frames, hydrate requests aside
      this.hydrateRequests = [];
      this.closedByClient = false;
      FakeWebSocket.instances.push(this);
    }
    send(data) {
      // Like the browser: sending while CONNECTING throws.
      if (this.readyState !== 1) throw new Error("InvalidStateError: not open");
      const frame = JSON.parse(data);
      (frame.type === "hydrate" ? this.hydrateRequests : this.sent).push(frame);
    }
    close() {
      this.closedByClient = true;
      this.readyState = 3;
    }
    // --- driven by tests ---
    serverOpen() {
      this.readyState = 1;
      this.onopen?.({});
    }
    serverSend(frame) {
      this.onmessage?.({ data: typeof frame === "string" ? frame : JSON.stringify(frame) });
    }
    serverDrop() {
      this.readyState = 3;
      this.onerror?.({});
      this.onclose?.({ code: 1006 });
    }
    get token() {
      return new URL(this.url).searchParams.get("token");
    }
  }
  FakeWebSocket.latest = () => FakeWebSocket.instances.at(-1);
  return FakeWebSocket;
}

export function fakeClock() {
  let nextId = 1;
  const timers = new Map(); // id -> { fn, ms }
  return {
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { fn, ms });
      return id;
    },
    clearTimeout: (id) => timers.delete(id),
    pending: () => [...timers.values()].map((t) => t.ms),
    // Fire every pending timer (the socket has at most one).
    runAll() {
      const due = [...timers.entries()];
      timers.clear();
      for (const [, t] of due) t.fn();
    },
  };
}

export function fakeStorage(initial = {}) {
  const map = new Map(Object.entries(initial));
  return {
    getItem: (k) => (map.has(k) ? map.get(k) : null),
    setItem: (k, v) => map.set(k, String(v)),
    removeItem: (k) => map.delete(k),
    map,
  };
}
