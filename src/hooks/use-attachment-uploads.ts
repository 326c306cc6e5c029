import { useCallback, useEffect, useRef, useState } from 'react';
import { checkFileName, checkFileSize, type Attachment, type AttachmentPolicy } from '../contract/attachments';
import { ApiRequestError, errorMessage } from '../lib/api-client';

export interface StagedFile {
  localId: string;
  /** What the tray shows of the file. */
  name: string;
  sizeBytes: number;
  mimeType: string;
  /** For image and video previews: a local copy (revoked when the file leaves the tray), or a stored file's link. */
  previewUrl: string | null;
  status: 'uploading' | 'uploaded' | 'failed' | 'refused';
  progress: number;
  attachment?: Attachment;
  error?: string;
}

interface Options {
  policy: AttachmentPolicy | undefined;
  who: 'agents' | 'customers';
  upload(file: File, onProgress: (fraction: number) => void, signal: AbortSignal): Promise<Attachment>;
  /** Files stored already, shown as uploaded (a canned response's, while it is edited). */
  initial?: Attachment[];
}

/** Stores one staged file on the server: an upload of a local file, or a copy of a stored one. */
type Store = (onProgress: (fraction: number) => void, signal: AbortSignal) => Promise<Attachment>;

/** A file already stored elsewhere (a canned response's) to attach by copying it, with the call that copies it. */
export interface StoredFileCopy {
  source: Attachment;
  copy(signal: AbortSignal): Promise<Attachment>;
}

let nextId = 0;

/**
 * Files the user attached but has not sent yet. Each starts uploading at once, so the progress
 * shows while the user is still typing; files that break the policy are refused before any byte
 * is sent, with the rule they broke. Sending needs every remaining file uploaded.
 */
const storedFile = (attachment: Attachment): StagedFile => ({
  localId: `f${nextId++}`,
  name: attachment.fileName,
  sizeBytes: attachment.sizeBytes,
  mimeType: attachment.displayMimeType,
  previewUrl: attachment.kind === 'document' ? null : attachment.url,
  status: 'uploaded',
  progress: 1,
  attachment,
});

export function useAttachmentUploads({ policy, who, upload, initial }: Options) {
  const [files, setFiles] = useState<StagedFile[]>(() => (initial ?? []).map(storedFile));
  const controllers = useRef(new Map<string, AbortController>());
  // How each staged file is stored, again on Retry.
  const stores = useRef(new Map<string, Store>());
  // Object URLs this hook made, to revoke; a stored file's link is not one.
  const ownPreviews = useRef(new Set<string>());
  const latestUpload = useRef(upload);
  latestUpload.current = upload;

  const patch = (localId: string, change: Partial<StagedFile>) =>
    setFiles((all) => all.map((f) => (f.localId === localId ? { ...f, ...change } : f)));

  const start = useCallback((staged: StagedFile) => {
    const controller = new AbortController();
    controllers.current.set(staged.localId, controller);
    const store = stores.current.get(staged.localId);
    if (!store) return;
    store((progress) => patch(staged.localId, { progress }), controller.signal)
      .then((attachment) => patch(staged.localId, { status: 'uploaded', progress: 1, attachment }))
      .catch((err: unknown) => {
        if ((err as Error).name === 'AbortError') return;
        // The server refused this file for a rule (its pixel count, the cap on unsent files…):
        // shown like a refusal before upload, so it does not hold back sending the others.
        const refused = err instanceof ApiRequestError && err.body?.upload !== undefined;
        patch(staged.localId, { status: refused ? 'refused' : 'failed', error: errorMessage(err) });
      })
      .finally(() => controllers.current.delete(staged.localId));
  }, []);

  const add = useCallback(
    (incoming: File[]) => {
      const staged = incoming.map((file): StagedFile => {
        const named = policy ? checkFileName(file.name, policy, who) : null;
        const refusal = named && 'code' in named ? named : policy ? checkFileSize(file.name, file.size, policy) : null;
        const localId = `f${nextId++}`;
        stores.current.set(localId, (onProgress, signal) => latestUpload.current(file, onProgress, signal));
        // A recorded or picked video plays in the tray before it is sent, as a photo shows.
        const previewUrl = /^(image|video)\//.test(file.type) ? URL.createObjectURL(file) : null;
        if (previewUrl) ownPreviews.current.add(previewUrl);
        return {
          localId,
          name: file.name,
          sizeBytes: file.size,
          mimeType: file.type,
          previewUrl,
          status: refusal ? 'refused' : 'uploading',
          progress: 0,
          error: refusal?.message,
        };
      });
      setFiles((all) => [...all, ...staged]);
      for (const f of staged) if (f.status === 'uploading') start(f);
    },
    [policy, who, start],
  );

  /**
   * Files stored on the server already (a canned response's): each is copied for this message,
   * shown in the tray like an upload meanwhile, and refused like one when the policy says so.
   */
  const addCopies = useCallback(
    (copies: StoredFileCopy[]) => {
      const staged = copies.map(({ source, copy }): StagedFile => {
        const shown = { ...storedFile(source), status: 'uploading' as const, progress: 0, attachment: undefined };
        stores.current.set(shown.localId, (_onProgress, signal) => copy(signal));
        return shown;
      });
      setFiles((all) => [...all, ...staged]);
      staged.forEach(start);
    },
    [start],
  );

  const remove = useCallback((localId: string) => {
    controllers.current.get(localId)?.abort();
    stores.current.delete(localId);
    setFiles((all) => {
      const gone = all.find((f) => f.localId === localId);
      if (gone?.previewUrl && ownPreviews.current.delete(gone.previewUrl)) URL.revokeObjectURL(gone.previewUrl);
      return all.filter((f) => f.localId !== localId);
    });
  }, []);

  const retry = useCallback(
    (localId: string) => {
      const f = files.find((x) => x.localId === localId);
      if (!f) return;
      const again = { ...f, status: 'uploading' as const, progress: 0, error: undefined };
      patch(localId, again);
      start(again);
    },
    [files, start],
  );

  /**
   * After a send: the files sent now belong to the message (their previews stay valid for the
   * pending bubble). Any other file stays in the tray with its reason: nothing leaves unseen.
   */
  const clear = useCallback((sent: readonly Attachment[]) => {
    const ids = new Set(sent.map((a) => a.id));
    setFiles((all) => {
      const gone = all.filter((f) => f.attachment && ids.has(f.attachment.id));
      for (const f of gone) stores.current.delete(f.localId);
      return all.filter((f) => !gone.includes(f));
    });
  }, []);

  useEffect(() => {
    const running = controllers.current;
    return () => running.forEach((c) => c.abort());
  }, []);

  return {
    files,
    add,
    addCopies,
    remove,
    retry,
    clear,
    busy: files.some((f) => f.status === 'uploading'),
    blocked: files.some((f) => f.status === 'uploading' || f.status === 'failed'),
    // Files that cannot be sent: sending asks first whether to send the message without them.
    refused: files.filter((f) => f.status === 'refused'),
    ready: files.filter((f) => f.status === 'uploaded').map((f) => f.attachment!),
  };
}

export type AttachmentUploads = ReturnType<typeof useAttachmentUploads>;
