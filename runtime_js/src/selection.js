// The files picked in each rx.upload, by upload id: what rx.selected_files(id) shows and what
// rx.upload_files(upload_id=id) sends. Module-level, like the router: one page, one selection
// per id, readable from event callbacks outside render.
import { useCallback, useSyncExternalStore } from "react";

const EMPTY = Object.freeze({ files: Object.freeze([]), names: Object.freeze([]) });
const selections = new Map(); // id -> { files, names } (replaced, never mutated: React compares by identity)
const listeners = new Map(); // id -> Set of callbacks

function notify(id) {
  for (const listener of listeners.get(id) ?? []) listener();
}

export function selectFiles(id, files) {
  const list = Array.from(files);
  if (list.length === 0) selections.delete(id);
  else selections.set(id, { files: list, names: list.map((f) => f.name) });
  notify(id);
}

export function clearSelectedFiles(id) {
  if (!selections.has(id)) return;
  selections.delete(id);
  notify(id);
}

export function selectedFiles(id) {
  return (selections.get(id) ?? EMPTY).files;
}

export function subscribeSelection(id, listener) {
  if (!listeners.has(id)) listeners.set(id, new Set());
  listeners.get(id).add(listener);
  return () => listeners.get(id)?.delete(listener);
}

// rx.selected_files(id) in a component: the names, re-rendered when the selection changes.
export function useSelectedFiles(id) {
  const subscribe = useCallback((onChange) => subscribeSelection(id, onChange), [id]);
  const read = () => (selections.get(id) ?? EMPTY).names;
  return useSyncExternalStore(subscribe, read, read);
}

// react-dropzone's `accept` as Reflex passes it: {"image/png": [".png"], "text/*": []}. A file
// fits when its type matches a key (with `type/*` wildcards) or its name ends in a listed extension.
function fitsAccept(file, accept) {
  if (accept == null) return true;
  const type = String(file.type ?? "").toLowerCase();
  const name = String(file.name ?? "").toLowerCase();
  for (const [mime, extensions] of Object.entries(accept)) {
    const want = mime.toLowerCase();
    if (want === type || (want.endsWith("/*") && type.startsWith(want.slice(0, -1)))) return true;
    if ((extensions ?? []).some((ext) => name.endsWith(String(ext).toLowerCase()))) return true;
  }
  return false;
}

// The `accept` attribute of the file input, so the browser's picker offers those files first.
export function acceptAttribute(accept) {
  if (accept == null) return undefined;
  return Object.entries(accept).flatMap(([mime, extensions]) => [mime, ...(extensions ?? [])]).join(",");
}

// Which of the picked files the upload keeps, and why each other one is refused. Like
// react-dropzone, too many files refuses them all rather than picking some.
export function validateFiles(files, { accept, multiple = false, maxFiles, maxSize, minSize } = {}) {
  const accepted = [];
  const rejected = [];
  for (const file of files) {
    const reasons = [];
    if (!fitsAccept(file, accept)) reasons.push(`type ${file.type || "unknown"} is not accepted`);
    if (maxSize != null && file.size > maxSize) reasons.push(`larger than ${maxSize} bytes`);
    if (minSize != null && file.size < minSize) reasons.push(`smaller than ${minSize} bytes`);
    if (reasons.length) rejected.push({ file, reasons });
    else accepted.push(file);
  }
  const most = multiple ? maxFiles || Infinity : 1;
  if (accepted.length > most) {
    const reason = `too many files (at most ${most})`;
    return { accepted: [], rejected: [...rejected, ...accepted.map((file) => ({ file, reasons: [reason] }))] };
  }
  return { accepted, rejected };
}
