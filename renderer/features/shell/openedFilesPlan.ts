import type { OpenedFile } from '../../../shared/contract.js';

/**
 * What to do with files the OS handed the desktop app: a .claimdesk opens the Import project dialog with it; a
 * transcript or article opens the Import dialog with it queued. Pure, so it is tested without a window.
 */
export function planOpenedFiles(files: readonly OpenedFile[]): {
  project: OpenedFile | undefined;
  documents: OpenedFile[];
  notes: string[];
} {
  const projects = files.filter((file) => file.kind === 'project');
  const documents = files.filter((file) => file.kind === 'document');
  const project = projects.at(-1);
  const notes: string[] = [];
  if (projects.length > 1) notes.push(`Projects are imported one at a time: “${project!.name}” is open; open the others after it.`);
  if (project && documents.length > 0) {
    notes.push(`${documents.length} document${documents.length === 1 ? ' was' : 's were'} not imported while a project is being imported: open ${documents.length === 1 ? 'it' : 'them'} again afterwards.`);
  }
  return { project, documents: project ? [] : documents, notes };
}
