// Limits the console's host and webview share (this module imports nothing, so both can).

/** Transcript rows the webview keeps and can scroll through; the host keeps the whole session for saving. */
export const WEBVIEW_ROWS_KEPT = 100_000;
