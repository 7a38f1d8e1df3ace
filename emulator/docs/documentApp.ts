/** The DocumentApp global: create and open Docs; the enums. */
import type { Env } from '../core/env';
import { gasObject, signatureError } from '../core/gasObject';
import { canRead } from '../drive/access';
import { MIME, type DriveModel } from '../drive/model';
import { createDocFile, findNode } from '../drive/store';
import { requireAuthorization } from '../services/authorization';
import { wrap } from '../services/common';
import './body';
import { DOC_MISSING, DOCUMENTS_SCOPE, type DocsCtx, type DocSession } from './context';
import { DocumentImpl } from './document';
import { Attribute, ElementType, HorizontalAlignment, ParagraphHeading } from './enums';
import './paragraph';
import './table';
import './text';

type DA = GoogleAppsScript.Document.DocumentApp;
type GDocument = GoogleAppsScript.Document.Document;

/** Our wording for a URL that is not a Doc's. */
export const BAD_DOC_URL = 'Invalid argument: url';

export class DocumentAppImpl implements Pick<DA, 'create' | 'openById' | 'openByUrl' | 'getActiveDocument' | 'getUi'> {
  readonly ParagraphHeading = ParagraphHeading as unknown as DA['ParagraphHeading'];
  readonly HorizontalAlignment = HorizontalAlignment as unknown as DA['HorizontalAlignment'];
  readonly ElementType = ElementType as unknown as DA['ElementType'];
  readonly Attribute = Attribute as unknown as DA['Attribute'];

  constructor(readonly ctx: DocsCtx) {}

  private auth(method: string): void {
    requireAuthorization(this.ctx.env, `DocumentApp.${method}`, DOCUMENTS_SCOPE);
  }

  private open(docId: string): GDocument {
    const session: DocSession = { ctx: this.ctx, docId, closed: false };
    return wrap(this.ctx.env, 'Document.Document', new DocumentImpl(session)) as unknown as GDocument;
  }

  /**
   * A new Doc in the root of My Drive, owned by the active user; counts toward the daily quota of
   * documents created (250 a day, a consumer account's).
   */
  create(name: string): GDocument {
    this.auth('create');
    if (typeof name !== 'string') throw signatureError(this.ctx.env, 'DocumentApp.create', [name]);
    const drive = this.ctx.drive;
    const node = createDocFile(drive, this.ctx.env, name, drive.rootId);
    return this.open(node.id);
  }

  /**
   * Unknown ids, files that are not Docs and Docs not shared with the active user: Apps Script's
   * "Document is missing (… or you don't have read access?)". Trashed Docs open. The documents scope
   * reaches every Doc the user can open, so drive.file's "only the add-on's files" does not apply.
   */
  openById(id: string): GDocument {
    this.auth('openById');
    if (typeof id !== 'string') throw signatureError(this.ctx.env, 'DocumentApp.openById', [id]);
    const drive = this.ctx.drive;
    const node = findNode(drive, id);
    if (!node || node.mimeType !== MIME.document || !drive.docs[id] || !canRead(drive, node, this.ctx.env.activeUser))
      throw this.ctx.env.error(DOC_MISSING);
    return this.open(id);
  }

  openByUrl(url: string): GDocument {
    this.auth('openByUrl');
    if (typeof url !== 'string') throw signatureError(this.ctx.env, 'DocumentApp.openByUrl', [url]);
    const m = /^https:\/\/docs\.google\.com\/document\/d\/([\w-]+)/.exec(url);
    if (!m) throw this.ctx.env.error(BAD_DOC_URL);
    return this.openById(m[1]);
  }

  /** The add-on runs in a spreadsheet: there is no active document. */
  getActiveDocument(): GDocument {
    return null as unknown as GDocument;
  }

  getUi(): GoogleAppsScript.Base.Ui {
    throw this.ctx.env.error('Cannot call DocumentApp.getUi() from this context.');
  }
}

/** The DocumentApp global over the Drive model (a getter: the workspace may replace it). */
export function createDocumentApp(env: Env, drive: DriveModel | (() => DriveModel)): DA {
  const get = typeof drive === 'function' ? drive : () => drive;
  const ctx: DocsCtx = {
    env,
    get drive() {
      return get();
    },
  };
  return gasObject(env, 'Document.DocumentApp', new DocumentAppImpl(ctx)) as unknown as DA;
}
