/**
 * Documents operators add (from the chat or `npm run docs`): checked, saved under DATA_DIR/documents (the
 * checkout stays clean and the app folder may be read-only), listed in the store. Every change bumps the
 * `documents_version` row of meta in the same transaction as the document's row and the admin action, so a
 * running bot that polls that row (every few seconds) rebuilds its index from corpus/ plus DATA_DIR/documents.
 * The files are what the corpus is built from; a row without its file is dropped at open.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { documentFiles, documentId, parseFrontMatter } from '../corpus/load.js';
import { splitPassages } from '../corpus/split.js';
import { NameMatcher } from '../corpus/topics.js';
import type { Topics } from '../corpus/types.js';
import type { Db } from './db.js';

export const DOCUMENTS_DIR = 'documents';
/** The largest document accepted (1 MB). */
export const MAX_DOCUMENT_BYTES = 1024 * 1024;
/** Longest document name kept (characters, without the extension). */
const MAX_NAME_CHARS = 80;

/** Why a document was refused: its type, size, emptiness, encoding, or it is already there. */
export type UploadProblem =
  | { problem: 'type'; detail: string }
  | { problem: 'size'; bytes: number }
  | { problem: 'empty' }
  | { problem: 'encoding' }
  | { problem: 'duplicate'; of: string; sameName: boolean };

export interface CheckedDocument {
  /** File name to save as (`name.md` / `name.txt`), its id (name without the extension) … */
  fileName: string;
  id: string;
  text: string;
  sha256: string;
  bytes: number;
}

/** A document in the corpus as /docs lists it. */
export interface ListedDocument {
  id: string;
  /** Where it lives: the bundled corpus or DATA_DIR/documents. */
  origin: 'corpus' | 'added';
  addedBy?: string;
  addedAt?: number;
}

/** A safe file name for an uploaded document, or the reason it is no .md / .txt file. */
export function safeFileName(
  original: string | undefined,
  mimeType?: string,
): { fileName: string; id: string } | UploadProblem {
  const base = (original ?? '').split(/[\\/]/).pop() ?? '';
  let ext = extname(base).toLowerCase();
  let stem = ext ? base.slice(0, -ext.length) : base;
  if (!ext && mimeType?.startsWith('text/')) ext = '.txt';
  if (ext !== '.md' && ext !== '.txt' && ext !== '.markdown')
    return { problem: 'type', detail: ext ? `${ext} file` : mimeType || 'file without an extension' };
  if (ext === '.markdown') ext = '.md';
  stem = [
    ...stem
      .normalize('NFC')
      .replace(/[^\p{L}\p{N}_.\- ]+/gu, '_')
      .replace(/^[.\s_]+|[.\s]+$/g, ''),
  ]
    .slice(0, MAX_NAME_CHARS)
    .join('');
  if (!stem) stem = `document-${Date.now()}`;
  return { fileName: `${stem}${ext}`, id: stem };
}

/** The text's identity for duplicates: line ends and surrounding space do not make a new document. */
export function contentHash(text: string): string {
  return createHash('sha256')
    .update(
      text
        .replace(/^\uFEFF/, '')
        .replace(/\r\n?/g, '\n')
        .trim(),
    )
    .digest('hex');
}

/** Checks bytes as a document: UTF-8 text, not empty, within the size limit. */
export function checkText(bytes: Buffer): { text: string } | UploadProblem {
  if (bytes.length > MAX_DOCUMENT_BYTES) return { problem: 'size', bytes: bytes.length };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return { problem: 'encoding' };
  }
  // Text files hold no NUL and few control characters: anything else is a binary file renamed .txt.
  const controls = text.match(/[\u0000-\u0008\u000E-\u001F]/g)?.length ?? 0;
  if (text.includes('\u0000') || controls > text.length / 100) return { problem: 'type', detail: 'binary content' };
  if (!parseFrontMatter(text).body.trim()) return { problem: 'empty' };
  return { text };
}

/** Passages a document would add (headings not counted), split as the corpus loader splits it. */
export function countPassages(doc: Pick<CheckedDocument, 'id' | 'text'>, topics: Topics): number {
  const { meta, body } = parseFrontMatter(doc.text);
  return splitPassages(doc.id, meta.title ?? doc.id, body, new NameMatcher(topics)).length;
}

export class DocumentShelf {
  readonly dir: string;

  constructor(
    private readonly db: Db,
    dataDir: string,
    /** The bundled corpus folder, whose documents count for names and duplicates too. */
    private readonly corpusDir?: string,
  ) {
    this.dir = join(dataDir, DOCUMENTS_DIR);
  }

  /** The documents_version row: bumped by every add and remove, from any process. */
  version(): number {
    return Number(this.db.prepare(`SELECT value FROM meta WHERE key = 'documents_version'`).pluck().get() ?? 0);
  }

  /** Drops rows whose file is gone (deleted by hand), and lists files put there by hand, so /remove finds them. */
  reconcile(): void {
    const rows = this.rows();
    for (const row of rows)
      if (!existsSync(join(this.dir, row.name))) this.deleteRow(row.name, 'system', 'file missing');
    const known = new Set(rows.map((r) => r.name));
    for (const file of documentFiles(this.dir)) {
      const name = basename(file);
      if (known.has(name)) continue;
      const text = readFileSync(file, 'utf8');
      this.db
        .prepare(
          `INSERT OR IGNORE INTO documents (name, sha256, bytes, passages, added_at, added_by) VALUES (?, ?, ?, 0, ?, 'file')`,
        )
        .run(name, contentHash(text), Buffer.byteLength(text), statSync(file).mtimeMs);
    }
  }

  private rows(): Array<{ id: number; name: string; added_by: string; added_at: number }> {
    return this.db.prepare(`SELECT id, name, added_by, added_at FROM documents ORDER BY name`).all() as Array<{
      id: number;
      name: string;
      added_by: string;
      added_at: number;
    }>;
  }

  /** Every document of the corpus: the bundled ones, then those added. */
  list(): ListedDocument[] {
    const rows = new Map(this.rows().map((r) => [documentId(r.name), r]));
    const bundled = this.corpusDir
      ? documentFiles(this.corpusDir).map((f) => ({ id: documentId(f), origin: 'corpus' as const }))
      : [];
    const added = documentFiles(this.dir).map((f): ListedDocument => {
      const row = rows.get(documentId(f));
      return { id: documentId(f), origin: 'added', addedBy: row?.added_by, addedAt: row?.added_at };
    });
    return [...bundled, ...added];
  }

  /** The row id of an added document (what the remove button carries), by its id. */
  rowId(id: string): number | undefined {
    return this.rows().find((r) => documentId(r.name) === id)?.id;
  }

  /** An added document's id by its row id. */
  idOfRow(rowId: number): string | undefined {
    const row = this.rows().find((r) => r.id === rowId);
    return row ? documentId(row.name) : undefined;
  }

  /** Full check of an upload: file name, bytes, and no document of the same name or content already there. */
  check(original: string | undefined, bytes: Buffer, mimeType?: string): CheckedDocument | UploadProblem {
    const named = safeFileName(original, mimeType);
    if ('problem' in named) return named;
    const checked = checkText(bytes);
    if ('problem' in checked) return checked;
    const sha256 = contentHash(checked.text);
    const files = [...(this.corpusDir ? documentFiles(this.corpusDir) : []), ...documentFiles(this.dir)];
    for (const file of files) {
      const id = documentId(file);
      if (id.toLowerCase() === named.id.toLowerCase()) return { problem: 'duplicate', of: id, sameName: true };
      if (contentHash(readFileSync(file, 'utf8')) === sha256) return { problem: 'duplicate', of: id, sameName: false };
    }
    return { ...named, text: checked.text, sha256, bytes: bytes.length };
  }

  /**
   * Saves a checked document (a temporary file renamed into place, then its row, the version bump and the admin
   * action in one transaction; the file goes again if the transaction fails).
   */
  add(doc: CheckedDocument, passages: number, actor: string): void {
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, doc.fileName);
    const temp = join(this.dir, `.${doc.fileName}.${process.pid}.tmp`);
    writeFileSync(temp, doc.text);
    renameSync(temp, path);
    try {
      this.db
        .transaction(() => {
          this.db
            .prepare(
              `INSERT INTO documents (name, sha256, bytes, passages, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?)`,
            )
            .run(doc.fileName, doc.sha256, doc.bytes, passages, Date.now(), actor);
          this.bump();
          recordAction(this.db, actor, 'add-document', `${doc.fileName} (${passages} passages, ${doc.bytes} bytes)`);
        })
        .immediate();
    } catch (error) {
      rmSync(path, { force: true });
      throw error;
    }
  }

  /** Removes an added document (file, row, version bump, admin action); false when there is no such added document. */
  remove(id: string, actor: string): boolean {
    const file = documentFiles(this.dir).find((f) => documentId(f) === id);
    if (!file) return false;
    rmSync(file, { force: true });
    this.deleteRow(basename(file), actor, 'remove-document');
    return true;
  }

  private deleteRow(name: string, actor: string, action: string): void {
    this.db
      .transaction(() => {
        this.db.prepare(`DELETE FROM documents WHERE name = ?`).run(name);
        this.bump();
        recordAction(this.db, actor, action, name);
      })
      .immediate();
  }

  private bump(): void {
    this.db.prepare(`UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'documents_version'`).run();
  }
}

/** Records what an operator did: who (`tg:<user id>` or `cli:<login>`), what, when. */
export function recordAction(db: Db, actor: string, action: string, detail?: string, at = Date.now()): void {
  db.prepare(`INSERT INTO admin_actions (at, actor, action, detail) VALUES (?, ?, ?, ?)`).run(
    at,
    actor,
    action,
    detail ?? null,
  );
}
