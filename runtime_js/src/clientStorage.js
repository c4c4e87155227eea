// Client storage vars (rx.Cookie, rx.LocalStorage, rx.SessionStorage; docs/protocol.md): read
// what the browser stored for the hydrate request, write back every value the server sends,
// and report changes another tab made to LocalStorage(sync=True) vars.
// `spec` is {state: {var: {kind, name, raw, default, ...cookie options, sync}}} from the build;
// `env` holds document/localStorage/sessionStorage/window so node tests use fakes.

export function browserStorageEnv() {
  const get = (name) => {
    try {
      return globalThis[name];
    } catch {
      return undefined; // storage access can throw (sandboxed iframes, privacy modes)
    }
  };
  return {
    document: globalThis.document,
    localStorage: get("localStorage"),
    sessionStorage: get("sessionStorage"),
    window: globalThis.window,
    console: globalThis.console,
  };
}

// A str var is stored as its text (a cookie another system set reads as it should); any other
// value as JSON. null means "remove the entry".
export function encodeStored(value, raw) {
  if (value === undefined || value === null) return raw ? null : "null";
  return raw && typeof value === "string" ? value : JSON.stringify(value);
}

function readCookie(cookieText, name) {
  for (const part of String(cookieText ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    let key = part.slice(0, eq).trim();
    try {
      key = decodeURIComponent(key);
    } catch {
      // a name with malformed escapes is not ours
    }
    if (key !== name) continue;
    const value = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return value;
    }
  }
  return null;
}

export function cookieString(name, text, { path = "/", max_age, same_site = "lax", secure, domain } = {}) {
  const parts = [`${encodeURIComponent(name)}=${text === null ? "" : encodeURIComponent(text)}`, `path=${path}`];
  if (text === null) parts.push("max-age=0"); // removes it
  else if (max_age !== undefined && max_age !== null) parts.push(`max-age=${max_age}`);
  if (domain) parts.push(`domain=${domain}`);
  parts.push(`samesite=${same_site}`);
  if (secure) parts.push("secure");
  return parts.join("; ");
}

export function createClientStorage(spec = {}, env = browserStorageEnv()) {
  const entries = []; // [{ state, name: var, options }]
  for (const [state, vars] of Object.entries(spec ?? {})) {
    for (const [name, options] of Object.entries(vars ?? {})) entries.push({ state, name, options });
  }
  const log = env.console ?? console;
  const area = (kind) => (kind === "local" ? env.localStorage : env.sessionStorage);

  function readOne({ options }) {
    if (options.kind === "cookie") return readCookie(env.document?.cookie, options.name);
    return area(options.kind)?.getItem(options.name) ?? null;
  }

  function writeOne(entry, value) {
    const { options } = entry;
    const text = encodeStored(value, options.raw);
    try {
      if (options.kind === "cookie") {
        if (readCookie(env.document.cookie, options.name) !== text) env.document.cookie = cookieString(options.name, text, options);
        return;
      }
      const storage = area(options.kind);
      if (!storage || storage.getItem(options.name) === text) return; // unchanged: no storage event in other tabs
      if (text === null) storage.removeItem(options.name);
      else storage.setItem(options.name, text);
    } catch (err) {
      log.error(`pyx: cannot store ${entry.state}.${entry.name}`, err); // quota, disabled storage
    }
  }

  return {
    get size() {
      return entries.length;
    },
    // {state: {var: text}} of what is stored, for the hydrate request (absent: nothing stored).
    read() {
      const values = {};
      for (const entry of entries) {
        let text = null;
        try {
          text = readOne(entry);
        } catch (err) {
          log.error(`pyx: cannot read stored ${entry.state}.${entry.name}`, err);
        }
        if (text !== null) (values[entry.state] ??= {})[entry.name] = text;
      }
      return values;
    },
    // After a delta or patch: write the storage vars the frame changed.
    persist(frame, store) {
      for (const entry of entries) {
        const touched = Object.hasOwn(frame.delta?.[entry.state] ?? {}, entry.name) || Object.hasOwn(frame.patch?.[entry.state] ?? {}, entry.name);
        if (touched) writeOne(entry, store.get(entry.state, entry.name));
      }
    },
    // After a hydrate: the server's values are the truth (a reconnect may carry changes whose
    // delta was lost). A default with nothing stored stays unstored: no cookie nobody set.
    persistAll(store) {
      for (const entry of entries) {
        const value = store.get(entry.state, entry.name);
        if (value === undefined) continue;
        let stored = null;
        try {
          stored = readOne(entry);
        } catch {
          // unreadable: write anyway
        }
        if (stored === null && encodeStored(value, entry.options.raw) === entry.options.default) continue;
        writeOne(entry, value);
      }
    },
    // Calls onChange({state: {var: text or null}}) when another tab changes a synced var.
    listen(onChange) {
      const synced = entries.filter((e) => e.options.kind === "local" && e.options.sync);
      if (!synced.length || typeof env.window?.addEventListener !== "function") return () => {};
      const handler = (event) => {
        if (event.storageArea && event.storageArea !== env.localStorage) return;
        const changed = {};
        for (const entry of synced) {
          // key null: another tab cleared the whole of localStorage
          if (event.key === null || event.key === entry.options.name) {
            (changed[entry.state] ??= {})[entry.name] = event.key === null ? null : event.newValue;
          }
        }
        if (Object.keys(changed).length) onChange(changed);
      };
      env.window.addEventListener("storage", handler);
      return () => env.window.removeEventListener("storage", handler);
    },
  };
}
