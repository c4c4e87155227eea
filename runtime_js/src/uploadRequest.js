// Sending an upload (docs/protocol.md, "Uploads"): the selected files of one rx.upload go to
// POST /_upload as multipart form data, through XMLHttpRequest because fetch() reports no
// upload progress. The handler's answer comes over the websocket like any event's; the HTTP
// status only reports what stopped the upload before its handler (413, 4xx, a cancel).
import { getRuntime } from "./runtime.js";
import { selectedFiles } from "./selection.js";

export const UPLOAD_ROUTE = "/_upload";
export const PROGRESS_INTERVAL_MS = 100;

export function uploadUrl(name) {
  return `${UPLOAD_ROUTE}/${encodeURIComponent(String(name))}`;
}

// Progress reports at most every `interval` ms; the final one (everything sent) always goes.
export function progressThrottle(report, { interval = PROGRESS_INTERVAL_MS, now = () => Date.now() } = {}) {
  let last = -Infinity;
  let finished = false;
  return (loaded, total, final = false) => {
    if (finished) return;
    final ||= total > 0 && loaded >= total; // everything sent: that is the final report
    const at = now();
    if (!final && at - last < interval) return;
    last = at;
    finished = final;
    report({ loaded, total, progress: final ? 1 : total > 0 ? loaded / total : 0 });
  };
}

// One POST. Returns { abort, done }: `done` resolves to null once the server accepted the
// upload (its handler ran; the answer came over the socket) or to { code, message } when not.
export function sendUpload({ url = UPLOAD_ROUTE, token, handler, id, files, onProgress, XHR = globalThis.XMLHttpRequest, FormDataImpl = globalThis.FormData }) {
  const xhr = new XHR();
  const form = new FormDataImpl();
  for (const file of files) form.append("files", file, file.name);
  let settle;
  const done = new Promise((resolve) => (settle = resolve));
  xhr.open("POST", url);
  xhr.setRequestHeader("X-Pyx-Token", token);
  xhr.setRequestHeader("X-Pyx-Handler", handler);
  xhr.setRequestHeader("X-Pyx-Event", String(id));
  if (onProgress) {
    let total = 0;
    xhr.upload.onprogress = (e) => {
      total = e.total;
      onProgress(e.loaded, e.total);
    };
    xhr.upload.onload = () => onProgress(total, total, true); // the whole body is sent
  }
  xhr.onload = () => {
    if (xhr.status >= 200 && xhr.status < 300) return settle(null);
    let error;
    try {
      error = JSON.parse(xhr.responseText).error;
    } catch {
      // not our JSON (a proxy's page): say what the status says
    }
    settle({ code: error?.code ?? `http_${xhr.status}`, message: error?.message ?? `the upload failed with HTTP ${xhr.status}` });
  };
  xhr.onerror = () => settle({ code: "upload_failed", message: "the upload did not reach the server (network error)" });
  xhr.onabort = () => settle({ code: "upload_cancelled", message: "the upload was cancelled" });
  xhr.send(form);
  return { abort: () => xhr.abort(), done };
}

const active = new Map(); // upload id -> Set of abort functions

// rx.upload_files(upload_id=...) as a trigger: `handler` gets the files selected in that upload,
// `progressHandler` (optional) the progress. Ordered with the page's other events: the POST
// starts when the socket sends what was queued before it.
export function startUpload(handler, uploadId, progressHandler, { runtime = getRuntime(), ...transport } = {}) {
  const { socket } = runtime;
  const files = selectedFiles(uploadId);
  const onProgress = progressHandler && progressThrottle((p) => socket.send(progressHandler, [p]), transport);
  return socket.upload((id, token) => {
    const request = sendUpload({ token, handler, id, files, onProgress, ...transport });
    if (!active.has(uploadId)) active.set(uploadId, new Set());
    active.get(uploadId).add(request.abort);
    request.done.then((error) => {
      active.get(uploadId)?.delete(request.abort);
      if (error) socket.settle(id, error);
    });
  });
}

// rx.cancel_upload(id): abort every upload of that rx.upload still under way.
export function cancelUpload(uploadId) {
  for (const abort of [...(active.get(uploadId) ?? [])]) abort();
}
