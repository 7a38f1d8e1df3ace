/** Document: one open Google Doc (DocumentApp.create / openById); saveAndClose closes it. */
import { signatureError } from '../core/gasObject';
import { MIME } from '../drive/model';
import { docUrl, findNode } from '../drive/store';
import { Wrapped } from '../services/common';
import { changed, DOC_CLOSED, openDoc, type DocSession } from './context';
import { elementOf, type GBody } from './element';
import { conversionNotSupported, PDF, pdfBlobObject } from './pdfBlob';

type D = GoogleAppsScript.Document.Document;
type Members = 'getId' | 'getName' | 'setName' | 'getUrl' | 'getBody' | 'saveAndClose' | 'getAs' | 'getBlob';

export class DocumentImpl extends Wrapped implements Pick<D, Members> {
  constructor(readonly session: DocSession) {
    super();
  }

  private get env() {
    return this.session.ctx.env;
  }

  /** Works after saveAndClose too (the id is known without the contents; a common pattern). */
  getId(): string {
    return this.session.docId;
  }

  getName(): string {
    return openDoc(this.session).name;
  }

  /** Renames the Doc (its Drive file too). */
  setName(name: string): D {
    const doc = openDoc(this.session);
    if (typeof name !== 'string') throw signatureError(this.env, 'DocumentApp.Document.setName', [name]);
    doc.name = name;
    const node = findNode(this.session.ctx.drive, doc.id);
    if (node) node.name = name;
    changed(this.session, doc);
    return this._self as unknown as D;
  }

  /** Works after saveAndClose too, like getId. */
  getUrl(): string {
    return docUrl(this.session.docId);
  }

  getBody(): GBody {
    const doc = openDoc(this.session);
    return elementOf<GBody>(this.session, doc, 'BODY_SECTION');
  }

  /**
   * Closes this Document object: any later use of it (but getId/getUrl) or of an element taken from it
   * throws "Document is closed, its contents cannot be updated." (changes are already stored;
   * DocumentApp.openById opens it again).
   */
  saveAndClose(): void {
    if (this.session.closed) throw this.env.error(DOC_CLOSED);
    openDoc(this.session);
    this.session.closed = true;
  }

  /** Only 'application/pdf': a Blob of the document as it is now (its bytes are rendered later). */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    const doc = openDoc(this.session);
    if (typeof contentType !== 'string') throw signatureError(this.env, 'DocumentApp.Document.getAs', [contentType]);
    if (contentType !== PDF) throw this.env.error(conversionNotSupported(MIME.document, contentType));
    return pdfBlobObject(this.env, doc, `${doc.name}.pdf`);
  }

  /** A Doc's blob is its PDF, as in Apps Script. */
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.getAs(PDF);
  }
}
