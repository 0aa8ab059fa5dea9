/** Custom LSP messages between the OSAID client and server (shared by both bundles). */

/** Request `{ textDocument: { uri } }` → `Checklist | null`: the document's OSAID checklist. */
export const CHECKLIST_REQUEST = 'osai/checklist';
