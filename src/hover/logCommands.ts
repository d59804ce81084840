// Commands behind the log hovers' links (copy user, copy or reveal the secret, open the decoded view)
// and "Decode All Auth Blobs in File", which lists every blob and jumps to the one picked.
import * as vscode from 'vscode';
import { copyToClipboard } from '../clipboard';
import { blobContext } from '../core/logs/lineContext';
import { scanLines } from '../core/logs/scanner';
import { reportFor, secretsOf } from '../core/report/decodeReport';
import { formatRelative } from '../core/token/time';
import { DecodedViewProvider } from '../views/decodedView';
import { BlobRef } from './hoverContent';
import { lineSource } from './logDocuments';
import { locateBlob, RevealedBlobs } from './logHoverProvider';

export function registerLogCommands(view: DecodedViewProvider, revealed: RevealedBlobs): vscode.Disposable[] {
  // The hovers' links pass a BlobRef; anyone can run these commands with anything else, which finds no blob.
  const withBlob = (fn: (found: NonNullable<Awaited<ReturnType<typeof locateBlob>>>) => unknown) => async (ref?: unknown) => {
    const found = isBlobRef(ref) ? await locateBlob(ref).catch(() => undefined) : undefined;
    if (!found) {
      void vscode.window.showWarningMessage(vscode.l10n.t('That auth blob is no longer there (the document changed). Hover over it again.'));
      return;
    }
    return fn(found);
  };
  return [
    vscode.commands.registerCommand(
      'mailOAuth.logs.copyUser',
      withBlob(async ({ blob }) => {
        const msg = blob.result.message;
        const user = msg && 'user' in msg ? msg.user : undefined;
        if (!user) return void vscode.window.showInformationMessage(vscode.l10n.t('This blob carries no user.'));
        await copyToClipboard(user, vscode.l10n.t('Copied the user {0}.', user));
      }),
    ),
    vscode.commands.registerCommand(
      'mailOAuth.logs.copySecret',
      withBlob(async ({ blob }) => {
        const secret = secretsOf(blob.result.message)[0];
        if (!secret) return void vscode.window.showInformationMessage(vscode.l10n.t('This blob carries no token or password.'));
        await copyToClipboard(secret, vscode.l10n.t('Copied to the clipboard.'));
      }),
    ),
    vscode.commands.registerCommand(
      'mailOAuth.logs.revealSecret',
      withBlob(async ({ blob, ref }) => {
        revealed.set(ref.uri, blob, true);
        await vscode.commands.executeCommand('editor.action.showHover');
      }),
    ),
    vscode.commands.registerCommand(
      'mailOAuth.logs.hideSecret',
      withBlob(async ({ blob, ref }) => {
        revealed.set(ref.uri, blob, false);
        await vscode.commands.executeCommand('editor.action.showHover');
      }),
    ),
    vscode.commands.registerCommand(
      'mailOAuth.logs.openDecoded',
      withBlob(async ({ blob, ref }) => {
        const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(ref.uri));
        const src = lineSource(doc);
        return view.open(blob.base64, {
          title: blob.result.message ? vscode.l10n.t('Decoded {0} (line {1})', blob.result.message.mechanism, blob.startLine + 1) : vscode.l10n.t('Decoded string (line {0})', blob.startLine + 1),
          analyze: { hint: blob.hint, ...blobContext(src, blob) },
        });
      }),
    ),
    vscode.commands.registerCommand('mailOAuth.decodeAllInFile', () => listBlobs()),
    vscode.workspace.onDidCloseTextDocument((doc) => revealed.forgetDocument(doc.uri.toString())),
  ];
}

function isBlobRef(v: unknown): v is BlobRef {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Record<string, unknown>;
  const index = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  return typeof r.uri === 'string' && r.uri.length <= 4096 && index(r.line) && index(r.character);
}

interface BlobItem extends vscode.QuickPickItem {
  range: vscode.Range;
}

async function listBlobs(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open a log file first: "Decode All Auth Blobs in File" lists the auth blobs of the active editor.'));
    return;
  }
  const doc = editor.document;
  const src = lineSource(doc);
  const scan = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Looking for auth blobs…'), cancellable: true }, (_progress, token) =>
    scanLines(src, { isCancelled: () => token.isCancellationRequested }),
  );
  if (scan.cancelled) return;
  if (scan.blobs.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No auth blobs (XOAUTH2, OAUTHBEARER, PLAIN, LOGIN or error challenges) in {0}.', fileName(doc)));
    return;
  }
  const now = new Date();
  const items: BlobItem[] = scan.blobs.map((blob) => {
    const report = reportFor(blob.result, { now, ...blobContext(src, blob, now) });
    const msg = blob.result.message;
    const user = msg && 'user' in msg && msg.user ? msg.user : undefined;
    const exp = report.token?.expiresAt;
    const errors = report.problems.filter((p) => p.severity === 'error');
    const warnings = report.problems.filter((p) => p.severity === 'warning');
    const first = blob.spans[0];
    const last = blob.spans[blob.spans.length - 1];
    return {
      label: `${errors.length ? '$(error)' : warnings.length ? '$(warning)' : '$(pass)'} ${vscode.l10n.t('Line {0}', blob.startLine + 1)} · ${msg?.mechanism ?? vscode.l10n.t('malformed')}${user ? ` · ${user}` : ''}`,
      description: exp
        ? vscode.l10n.t('expires {0} ({1})', exp.toISOString().replace('.000Z', 'Z'), formatRelative(exp, now))
        : msg?.mechanism === 'ERROR-CHALLENGE'
          ? vscode.l10n.t('status {0}', msg.status ?? '?')
          : '',
      detail: errors.length || warnings.length ? [...errors, ...warnings].map((p) => p.message).join(' · ') : vscode.l10n.t('No problems found'),
      range: new vscode.Range(first.line, first.start, last.line, last.end),
    };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: blobsTitle(items.length, fileName(doc), scan.truncated),
    placeHolder: vscode.l10n.t('Pick a blob to jump to it'),
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  const target = await vscode.window.showTextDocument(doc, { viewColumn: editor.viewColumn });
  target.selection = new vscode.Selection(picked.range.start, picked.range.end);
  target.revealRange(picked.range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

function fileName(doc: vscode.TextDocument): string {
  return doc.fileName.split(/[\\/]/).pop() ?? '';
}

function blobsTitle(count: number, file: string, truncated: boolean): string {
  if (truncated) return vscode.l10n.t('{0} auth blobs in {1} (first results only)', count, file);
  return count === 1 ? vscode.l10n.t('1 auth blob in {0}', file) : vscode.l10n.t('{0} auth blobs in {1}', count, file);
}
