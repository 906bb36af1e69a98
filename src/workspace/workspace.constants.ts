/** A task is work to be done; a milestone is a date the partnership aims at. Both are open or done. */
export const TASK_KINDS = ['task', 'milestone'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];
export const TASK_STATES = ['open', 'done'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/**
 * The file types partners may share: documents and pictures, nothing a browser runs (no HTML, no
 * SVG, no scripts). Each is recognised from its content (magic bytes), and its name must end with
 * one of its extensions; the stored type is this list's, never the uploader's word.
 */
export const FILE_TYPES = [
  { type: 'application/pdf', extensions: ['pdf'], label: 'PDF' },
  { type: 'image/png', extensions: ['png'], label: 'PNG' },
  { type: 'image/jpeg', extensions: ['jpg', 'jpeg'], label: 'JPEG' },
  { type: 'image/gif', extensions: ['gif'], label: 'GIF' },
  { type: 'image/webp', extensions: ['webp'], label: 'WebP' },
  {
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    label: 'Word (DOCX)',
  },
  {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    label: 'Excel (XLSX)',
  },
  {
    type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
    extensions: ['pptx'],
    label: 'PowerPoint (PPTX)',
  },
  { type: 'application/vnd.oasis.opendocument.text', extensions: ['odt'], label: 'OpenDocument text (ODT)' },
  {
    type: 'application/vnd.oasis.opendocument.spreadsheet',
    extensions: ['ods'],
    label: 'OpenDocument spreadsheet (ODS)',
  },
  {
    type: 'application/vnd.oasis.opendocument.presentation',
    extensions: ['odp'],
    label: 'OpenDocument presentation (ODP)',
  },
  { type: 'text/plain', extensions: ['txt'], label: 'text (TXT)' },
  { type: 'text/csv', extensions: ['csv'], label: 'CSV' },
] as const;
export type FileType = (typeof FILE_TYPES)[number]['type'];

/** Files per partnership: a workspace, not an archive (the rows hold the bytes). */
export const FILES_PER_PARTNERSHIP = 200;

/** The one route that takes a body other than JSON (the file's bytes, application/octet-stream). */
export const WORKSPACE_UPLOAD_ROUTE = '/api/v1/partnerships/:id/files';
