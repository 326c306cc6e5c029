import { Worker } from 'node:worker_threads';

const CONVERT_TIMEOUT_MS = 60_000;
const JPEG_QUALITY = 0.9;

/**
 * A JPEG copy of a HEIC photo, so browsers other than Safari can show it. Runs heic-convert
 * (libheif compiled to WebAssembly, from the npm registry) in a worker thread per photo; the
 * worker ends with the conversion, so its memory goes with it. Rejects when the image cannot
 * be decoded or takes too long.
 */
export function heicToJpeg(heic: Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./heic-worker.js', import.meta.url), {
      workerData: { heic, quality: JPEG_QUALITY },
      // libheif prints its parse errors; the caller turns a failure into an answer instead.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new Error('HEIC conversion timed out'));
    }, CONVERT_TIMEOUT_MS);
    worker.once('message', (result: { ok: true; jpeg: Uint8Array } | { ok: false; error: string }) => {
      clearTimeout(timer);
      void worker.terminate();
      if (result.ok) resolve(Buffer.from(result.jpeg.buffer, result.jpeg.byteOffset, result.jpeg.byteLength));
      else reject(new Error(result.error));
    });
    worker.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    worker.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`HEIC worker exited with code ${code}`));
    });
  });
}
