import { api, ApiFailure, isDesktop } from '../../api/api.js';

type SaveChannel = (request: { suggestedName: string; bytes: Uint8Array }) => Promise<{ ok: true; value: { saved: boolean } } | { ok: false; error: { code: string; message: string } }>;

/**
 * Saves bytes the window made (an export, a report). In the desktop app it goes through the main process's save
 * dialog (`files:save`) when the contract has it; in the browser preview it is an ordinary download.
 * Returns false when the user cancelled the dialog.
 */
export async function saveFile(name: string, bytes: Uint8Array, mime: string): Promise<boolean> {
  const save = (api as unknown as { filesSave?: SaveChannel }).filesSave;
  if (isDesktop && save) {
    const result = await save({ suggestedName: name, bytes });
    if (!result.ok) throw new ApiFailure(result.error.code, result.error.message);
    return result.value.saved;
  }
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: mime }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The download has started from the click; give the browser a moment before the URL goes.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return true;
}
