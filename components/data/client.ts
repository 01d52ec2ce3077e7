import type { DataEvent, DataRequest, DataResult } from './protocol';

/** One dedicated data worker per task (terminated when done, so memory goes back at once). */
export interface DataTask<R extends DataResult> {
  result: Promise<R>;
  cancel(): void;
}

export class TaskCancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'TaskCancelled';
  }
}

export function createDataWorker(): Worker {
  return new Worker(new URL('./data.worker.ts', import.meta.url), { type: 'module' });
}

/** Sends a request to `worker` and resolves with its result; progress as it comes. */
export function request<R extends DataResult>(worker: Worker, req: DataRequest, onProgress?: (done: number, total: number, jobId?: string) => void): DataTask<R> {
  let cancel = () => {};
  const result = new Promise<R>((resolve, reject) => {
    const onMessage = (e: MessageEvent<DataEvent>) => {
      const ev = e.data;
      if (ev.type === 'progress') onProgress?.(ev.done, ev.total, ev.jobId);
      else {
        worker.removeEventListener('message', onMessage);
        if (ev.type === 'result') resolve(ev.result as R);
        else reject(ev.cancelled ? new TaskCancelled() : new Error(ev.message));
      }
    };
    worker.addEventListener('message', onMessage);
    worker.addEventListener('error', (e) => reject(new Error(e.message || 'The data worker stopped.')), { once: true });
    cancel = () => worker.postMessage({ type: 'cancel' });
    worker.postMessage(req);
  });
  return { result, cancel };
}

/** Saves a Blob as a download (a Blob URL and an anchor; the URL is released afterwards). */
export function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

if (import.meta.env.MODE !== 'production') {
  // `npm run bench` drives the data worker from the panel page (never in production builds).
  (globalThis as unknown as { __leadsideData: unknown }).__leadsideData = { createDataWorker, request };
}
