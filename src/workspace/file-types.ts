import { PayloadTooLargeException } from '@nestjs/common';
import { FILE_TYPES, type FileType } from './workspace.constants';

const startsWith = (content: Buffer, bytes: number[], at = 0) => bytes.every((byte, i) => content[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));
const ZIP = [0x50, 0x4b, 0x03, 0x04];

/**
 * The allow-listed type the content really is, by its first bytes (and, for the zip-based office
 * formats, the part every such file holds), or null. `file-type` would do this, but it is ESM only
 * and this server is CommonJS; the allow-list is short enough to recognise here.
 */
function sniff(content: Buffer, extension: string): FileType | null {
  if (startsWith(content, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(content, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(content, ascii('GIF87a')) || startsWith(content, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(content, ascii('RIFF')) && startsWith(content, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(content, ZIP)) {
    // OpenDocument: an uncompressed "mimetype" entry first, naming the type.
    const head = content.subarray(0, 200).toString('latin1');
    const odf = /^mimetypeapplication\/vnd\.oasis\.opendocument\.(text|spreadsheet|presentation)/.exec(head.slice(30));
    if (odf) return `application/vnd.oasis.opendocument.${odf[1]}` as FileType;
    // Office Open XML: the package lists "[Content_Types].xml"; which one it is, its main part says.
    const names = content.toString('latin1');
    if (!names.includes('[Content_Types].xml')) return null;
    if (extension === 'docx' && names.includes('word/')) return FILE_TYPES[5].type;
    if (extension === 'xlsx' && names.includes('xl/')) return FILE_TYPES[6].type;
    if (extension === 'pptx' && names.includes('ppt/')) return FILE_TYPES[7].type;
    return null;
  }
  // Text: valid UTF-8 without NUL (which no text has); whether text or CSV, its name says.
  if (content.includes(0)) return null;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
  } catch {
    return null;
  }
  // Markup is refused even as .txt: a browser that ignored the attachment header must not run it.
  if (/^\s*(<!doctype|<html|<svg|<\?xml|<script)/i.test(content.subarray(0, 512).toString('utf8'))) return null;
  return extension === 'csv' ? 'text/csv' : 'text/plain';
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/** The stored type: the content's, when the name's extension belongs to it; else null (refused). */
export function detectFileType(content: Buffer, name: string): FileType | null {
  const extension = extensionOf(name);
  const type = sniff(content, extension);
  const entry = FILE_TYPES.find((t) => t.type === type);
  return entry && (entry.extensions as readonly string[]).includes(extension) ? entry.type : null;
}

export const ALLOWED_EXTENSIONS = FILE_TYPES.flatMap((t) => t.extensions);

/** A file over the limit: a 413 that says the limit and what to do. */
export function fileTooLarge(maxBytes: number): PayloadTooLargeException {
  const megabytes = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new PayloadTooLargeException({
    message: `The file is larger than ${megabytes} MB, the most a workspace accepts: make it smaller or share a link to it`,
  });
}
