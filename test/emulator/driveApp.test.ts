/** The DriveApp fake (and its MimeType global), against a bare Env and Drive model. */
import { Env } from '../../emulator/core/env';
import { createDocumentApp } from '../../emulator/docs/documentApp';
import { docPlainText } from '../../emulator/docs/model';
import { PDF_BYTES_NOT_RENDERED } from '../../emulator/docs/pdfBlob';
import { ITERATOR_END, MOVE_INTO_ITSELF, NO_ITEM_WITH_ID, ROOT_IMMUTABLE } from '../../emulator/drive/context';
import { createDriveApp } from '../../emulator/drive/driveApp';
import { createMimeType } from '../../emulator/drive/mimeType';
import { DOCS_QUOTA_EXCEEDED, newDriveModel, summaries } from '../../emulator/drive/store';
import { createUtilities } from '../../emulator/services/utilities';

const NOW = '2026-11-25T12:00:00+03:00';
const OWNER = 'metodist@school.example';

function setup() {
  const env = new Env({ now: NOW, user: OWNER });
  const drive = newDriveModel();
  const DriveApp = createDriveApp(env, drive);
  const DocumentApp = createDocumentApp(env, drive);
  const MimeType = createMimeType(env);
  const Utilities = createUtilities(env);
  env.calls.reset();
  return { env, drive, DriveApp, DocumentApp, MimeType, Utilities };
}

function names(it: GoogleAppsScript.Drive.FileIterator | GoogleAppsScript.Drive.FolderIterator): string[] {
  const out: string[] = [];
  while (it.hasNext()) out.push(it.next().getName());
  return out;
}

/** A period folder with sub-folders and a template Doc in «Шаблоны». */
function tree() {
  const f = setup();
  const period = f.DriveApp.createFolder('Наставничество 2026–2027');
  const templates = period.createFolder('Шаблоны');
  const orders = period.createFolder('Приказы');
  const doc = f.DocumentApp.create('Шаблон приказа');
  doc.getBody().appendParagraph('ПРИКАЗ № {{номер}}');
  const id = doc.getId();
  doc.saveAndClose();
  const template = f.DriveApp.getFileById(id);
  template.moveTo(templates);
  return { ...f, period, templates, orders, template };
}

describe('folders and iterators', () => {
  test('a folder tree: children in creation order, ids and URLs like Google’s', () => {
    const { DriveApp, period, templates, orders, template } = tree();
    expect(names(period.getFolders())).toEqual(['Шаблоны', 'Приказы']);
    expect(names(period.getFiles())).toEqual([]);
    expect(names(templates.getFiles())).toEqual(['Шаблон приказа']);
    expect(period.getId()).toMatch(/^[\w-]{33}$/);
    expect(template.getId()).toMatch(/^[\w-]{44}$/);
    expect(orders.getUrl()).toBe(`https://drive.google.com/drive/folders/${orders.getId()}`);
    expect(template.getUrl()).toBe(`https://docs.google.com/document/d/${template.getId()}/edit?usp=drivesdk`);
    expect(template.getMimeType()).toBe('application/vnd.google-apps.document');
    const parents = template.getParents();
    expect(parents.next().getId()).toBe(templates.getId());
    expect(parents.hasNext()).toBe(false);
    expect(names(period.getParents())).toEqual(['My Drive']);
    expect(DriveApp.getRootFolder().getName()).toBe('My Drive');
    expect(names(DriveApp.getRootFolder().getFolders())).toEqual(['Наставничество 2026–2027']);
    expect(DriveApp.getFolderById(orders.getId()).getName()).toBe('Приказы');
  });

  test('next() past the end throws Apps Script’s error', () => {
    const { period } = tree();
    const it = period.getFoldersByName('Приказы');
    expect(it.hasNext()).toBe(true);
    expect(it.next().getName()).toBe('Приказы');
    expect(it.hasNext()).toBe(false);
    expect(() => it.next()).toThrow(ITERATOR_END);
  });

  test('by name: trashed files and files in trashed folders are left out', () => {
    const { DriveApp, period, templates, orders, template } = tree();
    orders.createFile('Приказ 1.txt', 'a');
    const second = orders.createFile('Приказ 1.txt', 'b');
    templates.createFile('Приказ 1.txt', 'c');
    second.setTrashed(true);
    expect(second.isTrashed()).toBe(true);
    expect(names(orders.getFilesByName('Приказ 1.txt'))).toHaveLength(1);
    expect(names(DriveApp.getFilesByName('Приказ 1.txt'))).toHaveLength(2);
    templates.setTrashed(true);
    // Inside a trashed folder a file counts as trashed.
    expect(template.isTrashed()).toBe(true);
    expect(names(DriveApp.getFilesByName('Приказ 1.txt'))).toHaveLength(1);
    expect(names(DriveApp.getFiles())).toEqual(['Приказ 1.txt']);
    expect(names(DriveApp.getFoldersByName('Шаблоны'))).toEqual([]);
    expect(names(period.getFolders())).toEqual(['Приказы']);
    // By id a trashed file is still found.
    expect(DriveApp.getFileById(second.getId()).isTrashed()).toBe(true);
    templates.setTrashed(false);
    expect(template.isTrashed()).toBe(false);
  });

  test('unknown ids, a file id as a folder, a folder id as a file: "No item with the given ID…"', () => {
    const { DriveApp, period, template } = tree();
    expect(() => DriveApp.getFileById('missing')).toThrow(NO_ITEM_WITH_ID);
    expect(() => DriveApp.getFolderById('missing')).toThrow(NO_ITEM_WITH_ID);
    expect(() => DriveApp.getFolderById(template.getId())).toThrow(NO_ITEM_WITH_ID);
    expect(() => DriveApp.getFileById(period.getId())).toThrow(NO_ITEM_WITH_ID);
  });

  test('moveTo: a single new parent; a folder cannot move into itself; My Drive cannot change', () => {
    const { DriveApp, period, templates, orders, template } = tree();
    template.moveTo(orders);
    expect(names(orders.getFiles())).toEqual(['Шаблон приказа']);
    expect(names(templates.getFiles())).toEqual([]);
    expect(() => period.moveTo(orders)).toThrow(MOVE_INTO_ITSELF);
    expect(() => period.moveTo(period)).toThrow(MOVE_INTO_ITSELF);
    orders.moveTo(DriveApp.getRootFolder());
    expect(names(DriveApp.getRootFolder().getFolders())).toEqual(['Наставничество 2026–2027', 'Приказы']);
    expect(() => DriveApp.getRootFolder().setName('x')).toThrow(ROOT_IMMUTABLE);
    expect(() => template.moveTo('folder' as never)).toThrow(/don't match the method signature/);
  });

  test('names, descriptions and dates', () => {
    const { env, period } = tree();
    const created = period.getDateCreated().getTime();
    expect(period.getDescription()).toBeNull();
    env.advance(3600000);
    period.setName('Наставничество 2027–2028').setDescription('Папка года');
    expect(period.getName()).toBe('Наставничество 2027–2028');
    expect(period.getDescription()).toBe('Папка года');
    expect(period.getLastUpdated().getTime()).toBeGreaterThan(created + 3600000 - 1);
    expect(period.getDateCreated().getTime()).toBe(created);
  });
});

describe('files', () => {
  test('createFile(name, content, mimeType) and blobs; Google types cannot be made from content', () => {
    const { DriveApp, MimeType, Utilities, orders } = tree();
    const txt = orders.createFile('заметка.txt', 'Привет', MimeType.PLAIN_TEXT);
    expect(txt.getMimeType()).toBe('text/plain');
    expect(txt.getBlob().getDataAsString()).toBe('Привет');
    expect(txt.getSize()).toBe(Buffer.byteLength('Привет'));
    expect(txt.getUrl()).toBe(`https://drive.google.com/file/d/${txt.getId()}/view?usp=drivesdk`);
    const csv = DriveApp.createFile(Utilities.newBlob('a;b', 'text/csv', 'data.csv'));
    expect([csv.getName(), csv.getMimeType(), csv.getBlob().getDataAsString()]).toEqual([
      'data.csv',
      'text/csv',
      'a;b',
    ]);
    expect(names(DriveApp.getRootFolder().getFiles())).toEqual(['data.csv']);
    expect(() => orders.createFile('x', 'y', MimeType.GOOGLE_DOCS)).toThrow(/cannot be created from content/);
    expect(() => orders.createFile(42 as never)).toThrow(/don't match the method signature/);
  });

  test('makeCopy(name, folder) of a Doc: its own content; editing the copy leaves the template alone', () => {
    const { drive, DocumentApp, orders, template, templates } = tree();
    const copy = template.makeCopy('Приказ № 1', orders);
    expect(copy.getName()).toBe('Приказ № 1');
    expect(copy.getMimeType()).toBe('application/vnd.google-apps.document');
    expect(names(orders.getFiles())).toEqual(['Приказ № 1']);
    const doc = DocumentApp.openById(copy.getId());
    expect(doc.getName()).toBe('Приказ № 1');
    doc.getBody().replaceText('\\{\\{номер\\}\\}', '1');
    doc.saveAndClose();
    expect(docPlainText(drive.docs[copy.getId()])).toBe('\nПРИКАЗ № 1');
    expect(docPlainText(drive.docs[template.getId()])).toBe('\nПРИКАЗ № {{номер}}');
    // Without a destination: "Copy of …" next to the original.
    const plain = template.makeCopy();
    expect(plain.getName()).toBe('Copy of Шаблон приказа');
    expect(names(templates.getFiles())).toEqual(['Шаблон приказа', 'Copy of Шаблон приказа']);
  });

  test('a Doc’s copy counts as a document created', () => {
    const { drive, template } = tree();
    drive.usage!.docsCreated[OWNER] = 249;
    template.makeCopy('последний');
    expect(() => template.makeCopy('лишний')).toThrow(DOCS_QUOTA_EXCEEDED);
  });

  test('a PDF of a Doc: createFile keeps a snapshot, application/pdf, no bytes', () => {
    const { drive, DriveApp, DocumentApp, MimeType, orders, template } = tree();
    const blob = DriveApp.getFileById(template.getId()).getAs(MimeType.PDF);
    expect(blob.getName()).toBe('Шаблон приказа.pdf');
    const pdf = orders.createFile(blob);
    const doc = DocumentApp.openById(template.getId());
    doc.getBody().appendParagraph('дописано позже');
    doc.saveAndClose();
    expect(pdf.getMimeType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('Шаблон приказа.pdf');
    const node = drive.files.find((f) => f.id === pdf.getId())!;
    expect(node.data).toBeUndefined();
    expect(docPlainText(node.pdfOf!)).toBe('\nПРИКАЗ № {{номер}}');
    expect(() => pdf.getSize()).toThrow(PDF_BYTES_NOT_RENDERED);
    expect(() => pdf.getBlob().getBytes()).toThrow(PDF_BYTES_NOT_RENDERED);
    expect(pdf.setName('Приказ.pdf').getName()).toBe('Приказ.pdf');
    expect(() => template.getAs(MimeType.MICROSOFT_WORD)).toThrow(/is not supported/);
  });

  test('sharing is recorded on the node; bad e-mails refused', () => {
    const { drive, DriveApp, orders, template } = tree();
    template
      .setSharing(DriveApp.Access.ANYONE_WITH_LINK, DriveApp.Permission.VIEW)
      .addEditor('zavuch@school.example')
      .addViewers(['uchitel@school.example', 'zavuch@school.example']);
    orders.addEditors(['a@school.example']).addViewer('b@school.example');
    const node = drive.files.find((f) => f.id === template.getId())!;
    expect(node.sharing).toEqual({ access: 'ANYONE_WITH_LINK', permission: 'VIEW' });
    expect(node.editors).toEqual(['zavuch@school.example']);
    expect(node.viewers).toEqual(['uchitel@school.example']);
    expect(template.getEditors().map((u) => u.getEmail())).toEqual(['zavuch@school.example']);
    expect(template.getViewers()[0].getDomain()).toBe('school.example');
    expect(template.getSharingAccess()).toBe(DriveApp.Access.ANYONE_WITH_LINK);
    expect(template.getOwner().getEmail()).toBe(OWNER);
    expect(orders.getEditors().map((u) => u.getEmail())).toEqual(['a@school.example']);
    expect(() => template.addEditor('не почта')).toThrow('Invalid email: не почта');
    expect(() => template.setSharing('ANYONE' as never, DriveApp.Permission.VIEW)).toThrow(/method signature/);
  });
});

describe('MimeType, authorization, counting, listing', () => {
  test('MimeType has Apps Script’s values; an unknown member throws', () => {
    const { MimeType } = setup();
    expect(MimeType.GOOGLE_DOCS).toBe('application/vnd.google-apps.document');
    expect(MimeType.FOLDER).toBe('application/vnd.google-apps.folder');
    expect(MimeType.PDF).toBe('application/pdf');
    expect(MimeType.MICROSOFT_WORD).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(MimeType.GOOGLE_SHEETS).toBe('application/vnd.google-apps.spreadsheet');
    expect(() => (MimeType as unknown as Record<string, string>).DOCX).toThrow(/not implemented by the emulator/);
  });

  test('AuthMode.NONE refuses DriveApp (scope drive)', () => {
    const { env, DriveApp } = setup();
    expect(() => env.runExecution('onOpen', { authMode: 'NONE' }, () => DriveApp.getRootFolder())).toThrow(
      'You do not have permission to call DriveApp.getRootFolder. Required permissions: https://www.googleapis.com/auth/drive',
    );
  });

  test('calls are counted; listing paths go from My Drive down, sorted by path then name', () => {
    const { env, drive, orders, period } = tree();
    env.calls.reset();
    orders.createFile('б.txt', 'x');
    orders.createFile('а.txt', 'x');
    period.getFolders().next();
    expect(env.calls.summary().byMethod).toEqual({
      'Folder.createFile': 2,
      'Folder.getFolders': 1,
      'FolderIterator.next': 1,
    });
    expect(summaries(drive).map((f) => `${f.path}|${f.name}`)).toEqual([
      '|Наставничество 2026–2027',
      'Наставничество 2026–2027|Приказы',
      'Наставничество 2026–2027|Шаблоны',
      'Наставничество 2026–2027/Приказы|а.txt',
      'Наставничество 2026–2027/Приказы|б.txt',
      'Наставничество 2026–2027/Шаблоны|Шаблон приказа',
    ]);
  });
});
