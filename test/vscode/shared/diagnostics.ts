/**
 * Reading the OSAID server's diagnostics through the VS Code API: shared by the desktop suite (suite/) and the web
 * suite (suite-web/). Imports `vscode` only, so it bundles for both hosts.
 */
import * as vscode from 'vscode';

/** The OSAID server's diagnostics for a document (other extensions' are left out). */
export function osaiDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'osai');
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/** `vscode.DiagnosticSeverity` as words, by its value. */
export const SEVERITY_NAMES = ['error', 'warning', 'info', 'hint'] as const;
