// Client actions a handler sends back (docs/protocol.md, pyxjs/state/actions.py): each is
// { name, args }. `env` holds everything environmental so node tests run them with fakes.
import { navigate } from "./router.js";
import { clearSelectedFiles } from "./selection.js";
import { cancelUpload } from "./uploadRequest.js";
import { setColorMode } from "./colorMode.js";
import { showToast } from "./toastSlot.js";
import { cookieString } from "./clientStorage.js";

export function browserEnv() {
  return {
    window: globalThis.window,
    document: globalThis.document,
    navigator: globalThis.navigator,
    console: globalThis.console,
    navigate,
    clearSelectedFiles,
    cancelUpload,
    setColorMode,
    showToast,
    // A callback's event (rx.call_script(..., callback=State.h)) goes out on the page's socket.
    send: (handler, args) => globalThis.__pyx?.socket?.send(handler, args),
  };
}

// The value (awaited when a promise) goes to the callback handler; a failure is reported instead.
function sendResult(action, value, callback, env) {
  if (callback) Promise.resolve(value).then((result) => env.send(callback, [result ?? null]))
    .catch((err) => env.console.error(`pyx: ${action} failed; ${callback} not called`, err));
}

// Exported so that optional parts add theirs (clientVars.js), shipped only in apps that use them.
export const ACTIONS = {
  toast(args, env) {
    env.showToast(args);
  },
  set_color_mode({ mode }, env) {
    env.setColorMode(mode);
  },
  redirect({ path, external, replace }, env) {
    if (external) env.window.open(path, "_blank", "noopener");
    else if (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith("//")) env.window.location.assign(path); // another origin
    else env.navigate(path, { replace: Boolean(replace) });
  },
  console_log({ message }, env) {
    env.console.log(message);
  },
  window_alert({ message }, env) {
    env.window.alert(message);
  },
  call_script({ javascript, callback }, env) {
    // Code the app's own handler wrote (never user input), evaluated in the page's global scope as
    // Reflex does; its value goes to the callback handler, when there is one.
    sendResult("call_script", (0, env.window.eval)(javascript), callback, env);
  },
  call_function({ function: code, callback }, env) {
    // rx.call_function: the code is an expression whose value is a function; it is called with no
    // arguments and its result handled as call_script's.
    const fn = (0, env.window.eval)(code);
    if (typeof fn !== "function") throw new Error(`${code} is not a function`);  // reported with the action's name
    sendResult("call_function", fn(), callback, env);
  },
  set_clipboard({ content }, env) {
    const result = env.navigator.clipboard.writeText(content);
    result?.catch?.((err) => env.console.error("pyx: set_clipboard failed", err));
  },
  set_focus({ id }, env) {
    const element = env.document.getElementById(id);
    if (!element) throw new Error(`no element with id ${JSON.stringify(id)}`);
    element.focus();
  },
  set_value({ id, value }, env) {
    const element = env.document.getElementById(id);
    if (!element) throw new Error(`no element with id ${JSON.stringify(id)}`);
    element.value = value ?? "";
  },
  scroll_to({ id, align_to_top }, env) {
    const element = env.document.getElementById(id);
    if (!element) throw new Error(`no element with id ${JSON.stringify(id)}`);
    element.scrollIntoView({ behavior: "smooth", block: align_to_top === false ? "end" : "start" });
  },
  noop() {},
  remove_cookie({ key, options = {} }, env) {
    env.document.cookie = cookieString(key, null, { path: options.path ?? "/", domain: options.domain });
  },
  remove_storage({ kind, key }, env) {
    env.window[kind === "session" ? "sessionStorage" : "localStorage"].removeItem(key);
  },
  clear_storage({ kind }, env) {
    env.window[kind === "session" ? "sessionStorage" : "localStorage"].clear();
  },
  download({ url, text, base64, filename }, env) {
    const doc = env.document;
    let href = url;
    let revoke = null;
    if (href == null) {
      const bytes = base64 != null ? Uint8Array.from(env.window.atob(base64), (c) => c.charCodeAt(0)) : text;
      href = env.window.URL.createObjectURL(new env.window.Blob([bytes]));
      revoke = href;
    }
    const link = doc.createElement("a");
    link.href = href;
    link.download = filename ?? "";
    doc.body.appendChild(link);
    link.click();
    link.remove();
    if (revoke) env.window.URL.revokeObjectURL(revoke);
  },
  clear_selected_files({ id }, env) {
    env.clearSelectedFiles(id);
  },
  cancel_upload({ id }, env) {
    env.cancelUpload(id);
  },
};

// Runs each action in order; one that fails is reported and the rest still run.
export function performActions(actions, env) {
  if (!Array.isArray(actions)) return;
  for (const action of actions) {
    const run = ACTIONS[action?.name];
    try {
      if (!run) throw new Error("unknown action (a newer server?)");
      run(action.args ?? {}, env);
    } catch (err) {
      (env.console ?? console).error(`pyx: client action ${action?.name} failed`, err);
    }
  }
}

export const ACTION_NAMES = Object.keys(ACTIONS);

// A client action used directly as an event trigger (`on_click=rx.redirect("/")`), compiled
// by the transpiler into a call of this.
export function perform(...actions) {
  performActions(actions, browserEnv());
}
