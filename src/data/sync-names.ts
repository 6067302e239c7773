// The names the page and the service worker share for the uploader: its Web Lock and its
// Background Sync tag. Apart from data/sync.ts, so the first page needn't load the uploader.

export const UPLOAD_LOCK = 'balie-upload';
export const SYNC_TAG = 'balie-upload';
