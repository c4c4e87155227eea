// start(): wires store, socket, runtime slot and React root for one page.
import { createElement as h } from "react";
import { flushSync } from "react-dom";
import { createRoot } from "react-dom/client";
import { createStore } from "./store.js";
import { createSocket } from "./socket.js";
import { setRuntime } from "./runtime.js";
import { Router, currentRoute, findRoute, watchRoute } from "./router.js";
import { ThemeRoot } from "./theme.js";
import { useColorMode } from "./colorMode.js";

export function defaultSocketUrl(location = window.location) {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/_pyx`;
}

// `theme`: App(theme=rx.theme(...))'s props; `Root`: Radix's Theme when a page needs its context.
// `clientStorage`: createClientStorage(spec) when the app has storage vars (imported by main.jsx
// only then, so apps without them do not ship it). `titles`: each route's document title, when
// any page has one (index.html carries only the first page's).
export function start({ routes, titles, initialState = {}, clientStorage, rootId = "root", url, theme = {},
  Root = ThemeRoot, Toaster, ...socketOptions } = {}) {
  // flushSync: a delta's re-renders commit before the message handler returns (store.js).
  const store = createStore(initialState, { batch: flushSync });
  const socket = createSocket({ url: url ?? defaultSocketUrl(), store, route: () => currentRoute(), clientStorage, ...socketOptions });
  // LocalStorage(sync=True) vars changed in another tab: the server sets them here too.
  clientStorage?.listen((values) => socket.storageChanged(values));
  // The page's load, then every client-side move: the server runs the page's on_load handlers.
  const showTitle = (route) => {
    const title = findRoute(titles, route.path);
    if (title != null) document.title = title;
  };
  showTitle(currentRoute());
  socket.navigate(currentRoute());
  watchRoute((route) => {
    showTitle(route);
    socket.navigate(route);
  });
  setRuntime({ store, socket });
  // Browser tests read state and socket status from here.
  window.__pyx = { store, socket };

  let container = document.getElementById(rootId);
  if (!container) {
    // A hand-written index.html without the mount point should still show the app.
    container = document.createElement("div");
    container.id = rootId;
    document.body.appendChild(container);
  }
  const root = createRoot(container);
  // Toaster: passed by main.jsx only for apps that use rx.toast (runtime_js/src/toast.js).
  root.render(h(AppRoot, { Root, theme }, h(Router, { routes }), Toaster ? h(Toaster) : null));
  return { store, socket, root };
}

// The theme root, light or dark as the color mode says unless the app's theme fixes one.
function AppRoot({ Root, theme, children }) {
  const mode = useColorMode();
  const fixed = theme.appearance === "light" || theme.appearance === "dark";
  return h(Root, { ...theme, appearance: fixed ? theme.appearance : mode }, children);
}
