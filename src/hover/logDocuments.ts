// Which documents are logs for this extension (languages and file patterns, from settings), and a
// LineSource view of a TextDocument for the core detectors.
import * as vscode from 'vscode';
import { LineSource } from '../core/sasl/detect';
import { logSettings } from '../settings';

export const TRANSCRIPT_LANGUAGE = 'mail-transcript';
const DEFAULT_LANGUAGES = ['log', 'plaintext', TRANSCRIPT_LANGUAGE];

export function logDocumentSelector(): vscode.DocumentFilter[] {
  const { additionalLanguages, filePatterns: patterns } = logSettings();
  const languages = [...DEFAULT_LANGUAGES, ...additionalLanguages];
  return [
    ...[...new Set(languages)].flatMap((language) => [
      { language, scheme: 'file' },
      { language, scheme: 'untitled' },
      { language, scheme: 'vscode-remote' },
    ]),
    ...patterns.map((pattern) => ({ pattern })),
  ];
}

export function isLogDocument(doc: vscode.TextDocument): boolean {
  return vscode.languages.match(logDocumentSelector(), doc) > 0;
}

export function lineSource(doc: vscode.TextDocument): LineSource {
  return { lineCount: doc.lineCount, lineAt: (i) => doc.lineAt(i).text };
}
