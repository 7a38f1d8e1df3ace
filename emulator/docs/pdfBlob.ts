/**
 * The PDF a Doc exports (Document.getAs / File.getAs('application/pdf')): a Blob holding the snapshot
 * of the document at that moment. Its bytes are not produced while the script runs — the PDF is
 * rendered (LibreOffice) only when someone opens the file — so reading them throws.
 */
import type { Env } from '../core/env';
import { wrap } from '../services/common';
import { FakeBlob } from '../services/utilities';
import type { DocModel } from './model';

export const PDF = 'application/pdf';
/** Our wording: the emulator never renders PDF bytes during a script. */
export const PDF_BYTES_NOT_RENDERED =
  'Reading the bytes of a PDF made from a Doc is not implemented by the emulator: PDF bytes are rendered when the file is opened';

type B = GoogleAppsScript.Base.Blob;

export class DocPdfBlob extends FakeBlob {
  constructor(
    private readonly pdfEnv: Env,
    /** The document as it was when the PDF was made. */
    readonly snapshot: DocModel,
    name: string | null,
  ) {
    super(pdfEnv, Buffer.alloc(0), PDF, name);
  }

  getBytes(): number[] {
    throw this.pdfEnv.error(PDF_BYTES_NOT_RENDERED);
  }
  getDataAsString(): string {
    throw this.pdfEnv.error(PDF_BYTES_NOT_RENDERED);
  }
  setDataFromString(): B {
    throw this.pdfEnv.error(PDF_BYTES_NOT_RENDERED);
  }
  copyBlob(): B {
    return pdfBlobObject(this.pdfEnv, this.snapshot, this.getName());
  }
}

/** A wrapped PDF blob of a snapshot (deep-copied, so later edits of the Doc do not show). */
export function pdfBlobObject(env: Env, doc: DocModel, name: string | null): B {
  return wrap(env, 'Base.Blob', new DocPdfBlob(env, structuredClone(doc), name)) as unknown as B;
}

/** Apps Script's text for an export it cannot do. */
export const conversionNotSupported = (from: string, to: string) =>
  `Converting from ${from} to ${to} is not supported.`;
