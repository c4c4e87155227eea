// A stand-in for XMLHttpRequest and FormData: records what an upload sends, and lets a test
// play the browser's upload progress and the server's answer.
export function fakeXhrClass() {
  class FakeXhr {
    static instances = [];
    constructor() {
      this.headers = {};
      this.upload = {};
      this.aborted = false;
      FakeXhr.instances.push(this);
    }
    open(method, url) {
      this.method = method;
      this.url = url;
    }
    setRequestHeader(name, value) {
      this.headers[name] = value;
    }
    send(body) {
      this.body = body;
    }
    abort() {
      this.aborted = true;
      this.onabort?.();
    }
    // --- driven by tests ---
    progress(loaded, total) {
      this.upload.onprogress?.({ loaded, total });
    }
    bodySent() {
      this.upload.onload?.();
    }
    answer(status, body = {}) {
      this.status = status;
      this.responseText = JSON.stringify(body);
      this.onload?.();
    }
  }
  FakeXhr.latest = () => FakeXhr.instances.at(-1);
  return FakeXhr;
}

export class FakeFormData {
  constructor() {
    this.entries = [];
  }
  append(field, value, filename) {
    this.entries.push([field, value, filename]);
  }
}
