import { test } from "node:test";
import assert from "node:assert/strict";
import { acceptAttribute, clearSelectedFiles, selectFiles, selectedFiles, subscribeSelection, validateFiles } from "../src/selection.js";
import { cancelUpload, progressThrottle, sendUpload, startUpload, uploadUrl } from "../src/uploadRequest.js";
import { createSocket } from "../src/socket.js";
import { createStore } from "../src/store.js";
import { fakeStorage, fakeWebSocketClass } from "../testing/fakes.js";
import { FakeFormData, fakeXhrClass } from "../testing/fakeXhr.js";

const file = (name, size = 10, type = "") => ({ name, size, type });

test("accept matches a MIME type, a type/* wildcard or an extension, case-insensitively", () => {
  const rules = { multiple: true, accept: { "image/png": [".png"], "text/*": [], "application/pdf": [".PDF"] } };
  const picked = [file("a.png", 1, "image/png"), file("b.txt", 1, "text/plain"), file("c.pdf"), file("d.exe", 1, "application/x-msdownload")];
  const { accepted, rejected } = validateFiles(picked, rules);
  assert.deepEqual(accepted.map((f) => f.name), ["a.png", "b.txt", "c.pdf"]);
  assert.deepEqual(rejected.map((r) => [r.file.name, r.reasons]), [["d.exe", ["type application/x-msdownload is not accepted"]]]);
  assert.equal(acceptAttribute(rules.accept), "image/png,.png,text/*,application/pdf,.PDF");
  assert.equal(acceptAttribute(undefined), undefined);
});

test("sizes and counts: too many files refuses them all, as react-dropzone does", () => {
  const sized = validateFiles([file("small", 1), file("ok", 50), file("big", 500)], { multiple: true, minSize: 2, maxSize: 100 });
  assert.deepEqual(sized.accepted.map((f) => f.name), ["ok"]);
  assert.deepEqual(sized.rejected.map((r) => r.reasons[0]), ["smaller than 2 bytes", "larger than 100 bytes"]);
  const many = validateFiles([file("a"), file("b"), file("c")], { multiple: true, maxFiles: 2 });
  assert.deepEqual(many.accepted, []);
  assert.deepEqual(many.rejected.map((r) => r.reasons[0]), Array(3).fill("too many files (at most 2)"));
  assert.equal(validateFiles([file("a"), file("b")], {}).accepted.length, 0, "without multiple, one file at most");
  assert.equal(validateFiles([file("a")], {}).accepted.length, 1);
});

test("the selection per upload id: replaced, cleared, listeners told", () => {
  let told = 0;
  const stop = subscribeSelection("sel", () => told++);
  selectFiles("sel", [file("a"), file("b")]);
  assert.deepEqual(selectedFiles("sel").map((f) => f.name), ["a", "b"]);
  assert.deepEqual(selectedFiles("other"), []);
  clearSelectedFiles("sel");
  clearSelectedFiles("sel"); // nothing left: nobody is told twice
  assert.deepEqual(selectedFiles("sel"), []);
  assert.equal(told, 2);
  stop();
});

test("progress is reported at most every 100 ms, and the final report always", () => {
  let now = 0;
  const reports = [];
  const report = progressThrottle((p) => reports.push(p), { now: () => now });
  report(10, 100);
  now = 50;
  report(20, 100); // too soon
  now = 100;
  report(50, 100);
  now = 120;
  report(100, 100, true); // final: never throttled
  report(100, 100, true); // and only once
  assert.deepEqual(reports, [
    { loaded: 10, total: 100, progress: 0.1 },
    { loaded: 50, total: 100, progress: 0.5 },
    { loaded: 100, total: 100, progress: 1 },
  ]);
  const complete = [];
  const once = progressThrottle((p) => complete.push(p.progress), { now: () => 0 });
  once(100, 100); // the last progress event already says everything is sent
  once(100, 100, true);
  assert.deepEqual(complete, [1]);
  const empty = [];
  progressThrottle((p) => empty.push(p))(0, 0, true);
  assert.deepEqual(empty, [{ loaded: 0, total: 0, progress: 1 }]);
});

test("sendUpload posts the files as multipart with the token, handler and event id", async () => {
  const XHR = fakeXhrClass();
  const progress = [];
  const files = [file("a.txt"), file("b.txt")];
  const request = sendUpload({ token: "tok", handler: "s.up", id: 4, files, onProgress: (...a) => progress.push(a), XHR, FormDataImpl: FakeFormData });
  const xhr = XHR.latest();
  assert.equal(xhr.method, "POST");
  assert.equal(xhr.url, "/_upload");
  assert.deepEqual(xhr.headers, { "X-Pyx-Token": "tok", "X-Pyx-Handler": "s.up", "X-Pyx-Event": "4" });
  assert.deepEqual(xhr.body.entries, [["files", files[0], "a.txt"], ["files", files[1], "b.txt"]]);
  xhr.progress(5, 20);
  xhr.bodySent();
  assert.deepEqual(progress, [[5, 20], [20, 20, true]]);
  xhr.answer(200, { id: 4, files: 2 });
  assert.equal(await request.done, null);
});

test("a refused upload resolves to the server's error; a cancel to upload_cancelled", async () => {
  const XHR = fakeXhrClass();
  const refused = sendUpload({ token: "t", handler: "s.up", id: 1, files: [], XHR, FormDataImpl: FakeFormData });
  XHR.latest().answer(413, { error: { code: "too_large", message: "larger than the limit" } });
  assert.deepEqual(await refused.done, { code: "too_large", message: "larger than the limit" });
  const proxied = sendUpload({ token: "t", handler: "s.up", id: 2, files: [], XHR, FormDataImpl: FakeFormData });
  XHR.latest().status = 502;
  XHR.latest().responseText = "<html>bad gateway</html>";
  XHR.latest().onload();
  assert.deepEqual(await proxied.done, { code: "http_502", message: "the upload failed with HTTP 502" });
  const cancelled = sendUpload({ token: "t", handler: "s.up", id: 3, files: [], XHR, FormDataImpl: FakeFormData });
  cancelled.abort();
  assert.equal((await cancelled.done).code, "upload_cancelled");
});

function connectedSocket(onError) {
  const WS = fakeWebSocketClass();
  const socket = createSocket({ url: "ws://test.invalid/_pyx", store: createStore({ s: {} }), storage: fakeStorage(), WebSocketImpl: WS, onError });
  return { WS, socket };
}

test("startUpload waits its turn in the socket's queue, then posts the selection with its event id", async () => {
  const XHR = fakeXhrClass();
  const errors = [];
  const { WS, socket } = connectedSocket((e) => errors.push(e));
  selectFiles("up1", [file("a.png", 3, "image/png")]);
  socket.send("s.before", []);
  startUpload("s.handle", "up1", "s.progress", { runtime: { socket }, XHR, FormDataImpl: FakeFormData, now: () => 0 });
  assert.equal(XHR.instances.length, 0, "not before the connection is hydrated");
  WS.latest().serverOpen();
  WS.latest().serverSend({ type: "hydrate", token: "tok", state: {} });
  assert.deepEqual(WS.latest().sent.map((f) => f.handler), ["s.before"]);
  const xhr = XHR.latest();
  assert.equal(xhr.headers["X-Pyx-Event"], "2");
  assert.equal(xhr.headers["X-Pyx-Token"], "tok");
  assert.deepEqual(xhr.body.entries.map((e) => e[2]), ["a.png"]);
  assert.equal(socket.pending, 2);
  xhr.progress(1, 3);
  xhr.bodySent();
  assert.deepEqual(WS.latest().sent.slice(1).map((f) => [f.handler, f.args[0].progress]), [["s.progress", 1 / 3], ["s.progress", 1]]);
  // the answer comes over the socket, as for any event
  WS.latest().serverSend({ type: "delta", id: 1, delta: {} });
  WS.latest().serverSend({ type: "delta", id: 2, delta: {} });
  xhr.answer(200, { id: 2, files: 1 });
  await Promise.resolve();
  assert.deepEqual(errors, []);
  clearSelectedFiles("up1");
});

test("a failed or cancelled upload is answered by the page itself and reported", async () => {
  const XHR = fakeXhrClass();
  const errors = [];
  const { WS, socket } = connectedSocket((e) => errors.push(e));
  WS.latest().serverOpen();
  WS.latest().serverSend({ type: "hydrate", token: "tok", state: {} });
  startUpload("s.handle", "up2", undefined, { runtime: { socket }, XHR, FormDataImpl: FakeFormData });
  XHR.latest().answer(413, { error: { code: "too_large", message: "too big" } });
  startUpload("s.handle", "up2", undefined, { runtime: { socket }, XHR, FormDataImpl: FakeFormData });
  cancelUpload("up2");
  assert.equal(XHR.latest().aborted, true);
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(errors.map((e) => [e.id, e.code]), [[1, "too_large"], [2, "upload_cancelled"]]);
  assert.equal(socket.pending, 0);
});

test("uploadUrl escapes the name", () => {
  assert.equal(uploadUrl("a b/c.png"), "/_upload/a%20b%2Fc.png");
});
