// Decodes one HEIC image and encodes it as JPEG, off the main thread: decoding a phone photo
// in WebAssembly takes about a second, which would stall every other request of the instance.
// Plain JavaScript so Node loads it as it is, under tsx, Vitest and a build alike.
import { parentPort, workerData } from 'node:worker_threads';
import convert from 'heic-convert';

try {
  const jpeg = await convert({ buffer: workerData.heic, format: 'JPEG', quality: workerData.quality });
  parentPort.postMessage({ ok: true, jpeg: new Uint8Array(jpeg) });
} catch (err) {
  parentPort.postMessage({ ok: false, error: err instanceof Error ? err.message : String(err) });
}
