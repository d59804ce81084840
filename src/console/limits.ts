// Limits the console's host and webview share (this module imports nothing, so both can).

/**
 * Transcript rows the console can scroll through (kept by the host, src/console/transcriptFeed.ts; the
 * webview holds only the rows in view). Earlier rows are dropped from the view with a note; the host's
 * Transcript keeps the whole session for Save Transcript.
 */
export const VIEW_ROWS_KEPT = 100_000;
/** Most rows the webview asks for at once (its viewport plus overscan, or a short session whole). */
export const WINDOW_MAX_ROWS = 1_000;
/** Lines the webview keeps in its saved state (getState/setState), and may give a revived host back. */
export const SAVED_LINES = 500;
