// Where hooks find the page's store and socket. start() fills it; tests call setRuntime.
// A module-level slot (not React context) so event callbacks outside render can reach it too.
let current = null;

export function setRuntime(runtime) {
  current = runtime;
}

export function getRuntime() {
  if (!current) throw new Error("pyx: runtime not started; call start() before rendering pages");
  return current;
}
