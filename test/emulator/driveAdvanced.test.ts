/**
 * The Advanced Drive service (Drive API v3) of the emulator: the `Drive` global as the manifest
 * enables it, Files and Permissions, drive.file's reach, per-user ownership and sharing, scope
 * refusals. A tiny fake add-on calls it, so every call goes through the vm as the real add-on's do.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DOC_MISSING } from '../../emulator/docs/context';
import { DRIVE_ACCESS_DENIED, NO_ITEM_WITH_ID } from '../../emulator/drive/context';
import { DEMO_USERS, defaultDistDir, openWorkspace, type Workspace } from '../../workspace/workspace';

const NOW = '2026-11-25T09:00:00+03:00';
const FOLDER = 'application/vnd.google-apps.folder';
const DOC = 'application/vnd.google-apps.document';
const AUTH = 'https://www.googleapis.com/auth/';
const { methodologist: OWNER, staff: STAFF } = DEMO_USERS;

const CODE = `
function onOpen(e) {}
function api(collection, method, args) { return Drive[collection][method].apply(null, args); }
function driveType() { return typeof Drive; }
function writeDoc(id, text) {
  var doc = DocumentApp.openById(id);
  doc.getBody().appendParagraph(text);
  doc.saveAndClose();
}
function pdfOf(docId, folderId) {
  var blob = DocumentApp.openById(docId).getAs('application/pdf');
  return Drive.Files.create({ name: 'Приказ.pdf', parents: [folderId] }, blob, { fields: 'id,mimeType,parents,webViewLink' });
}
function textFile(name, folderId) {
  return Drive.Files.create({ name: name, parents: [folderId] }, Utilities.newBlob('привет', 'text/plain', 'x.txt'),
    { fields: 'id,name,mimeType,size' });
}
function failure(collection, method, args) {
  try { Drive[collection][method].apply(null, args); return null; }
  catch (e) { return { name: e.name, message: e.message, text: String(e), code: e.details && e.details.code }; }
}
`;

const DEFAULT_MANIFEST = {
  dependencies: { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v3' }] },
  oauthScopes: [`${AUTH}documents`, `${AUTH}drive.file`],
};

/** A dist folder with the fake add-on and the given manifest. */
function dist(manifest: object = DEFAULT_MANIFEST): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'drive-v3-dist-'));
  writeFileSync(path.join(dir, 'Code.js'), CODE);
  writeFileSync(path.join(dir, 'Sidebar.html'), '<p>fake</p>');
  writeFileSync(path.join(dir, 'appsscript.json'), JSON.stringify(manifest));
  return dir;
}

async function workspace(manifest?: object): Promise<Workspace> {
  return openWorkspace({ distDir: dist(manifest), now: NOW, user: OWNER });
}

type FileJson = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
const files = (ws: Workspace, method: string, ...args: unknown[]) => ws.run('api', 'Files', method, args) as FileJson;
const perms = (ws: Workspace, method: string, ...args: unknown[]) => ws.run('api', 'Permissions', method, args);
const failure = (ws: Workspace, collection: string, method: string, ...args: unknown[]) =>
  ws.run('failure', collection, method, args) as { name: string; message: string; text: string; code: number } | null;
const folder = (ws: Workspace, name: string, parent?: string) =>
  files(ws, 'create', { name, mimeType: FOLDER, ...(parent && { parents: [parent] }) }).id!;
const asUser = <T>(ws: Workspace, user: string, body: () => T): T => {
  ws.setUser(user);
  try {
    return body();
  } finally {
    ws.setUser(OWNER);
  }
};

describe('the Drive global', () => {
  test('exists only when the manifest enables the drive v3 service, under its userSymbol', async () => {
    expect((await workspace()).run('driveType')).toBe('object');
    const none = await workspace({ oauthScopes: DEFAULT_MANIFEST.oauthScopes });
    expect(none.run('driveType')).toBe('undefined');
    const v2 = await workspace({
      ...DEFAULT_MANIFEST,
      dependencies: { enabledAdvancedServices: [{ userSymbol: 'Drive', serviceId: 'drive', version: 'v2' }] },
    });
    expect(v2.run('driveType')).toBe('undefined');
  });

  test('the shipped manifest enables it with drive.file and without the drive scope', () => {
    const shipped = JSON.parse(readFileSync(path.join(defaultDistDir(), 'appsscript.json'), 'utf8'));
    expect(shipped.dependencies.enabledAdvancedServices).toEqual([
      { userSymbol: 'Drive', serviceId: 'drive', version: 'v3' },
    ]);
    expect(shipped.oauthScopes).toContain(`${AUTH}drive.file`);
    expect(shipped.oauthScopes).not.toContain(`${AUTH}drive`);
  });
});

describe('Drive.Files', () => {
  test('create: folders, a Google Doc in its folder, a PDF of a Doc and a plain file; results are plain JSON', async () => {
    const ws = await workspace();
    ws.resetCalls();
    const top = files(ws, 'create', { name: 'Наставничество', mimeType: FOLDER });
    // Without `fields` only the default set comes back.
    expect(top).toEqual({ kind: 'drive#file', id: top.id, name: 'Наставничество', mimeType: FOLDER });
    expect(Object.getPrototypeOf(top)).toBe(Object.prototype);
    const orders = folder(ws, 'Приказы', top.id!);
    const doc = files(ws, 'create', { name: 'Приказ № 1', mimeType: DOC, parents: [orders] }, null, {
      fields: 'id,parents,webViewLink,trashed',
    });
    expect(doc).toEqual({
      id: doc.id,
      parents: [orders],
      trashed: false,
      webViewLink: `https://docs.google.com/document/d/${doc.id}/edit?usp=drivesdk`,
    });
    ws.run('writeDoc', doc.id, 'ПРИКАЗ');
    expect(ws.docText(doc.id!)).toBe('\nПРИКАЗ');
    const pdf = ws.run('pdfOf', doc.id, orders) as FileJson;
    expect(pdf).toMatchObject({ mimeType: 'application/pdf', parents: [orders] });
    expect(pdf.webViewLink).toBe(`https://drive.google.com/file/d/${pdf.id}/view?usp=drivesdk`);
    expect(ws.fileNode(pdf.id!)!.pdfOf!.id).toBe(doc.id);
    expect(ws.run('textFile', 'заметка.txt', orders)).toMatchObject({
      name: 'заметка.txt',
      mimeType: 'text/plain',
      size: '12',
    });
    expect(ws.files().map((f) => [f.path, f.name])).toEqual([
      ['', 'Наставничество'],
      ['Наставничество', 'Приказы'],
      ['Наставничество/Приказы', 'заметка.txt'],
      ['Наставничество/Приказы', 'Приказ № 1'],
      ['Наставничество/Приказы', 'Приказ.pdf'],
    ]);
    const byMethod = ws.calls().byMethod;
    expect(byMethod['Drive.Files.create']).toBe(5);
    expect(ws.calls().simulatedMs).toBeGreaterThanOrEqual(5 * 500);
  });

  test('copy: a Doc copy has its own content, named "Copy of …" by default; folders cannot be copied', async () => {
    const ws = await workspace();
    const target = folder(ws, 'Копии');
    const doc = files(ws, 'create', { name: 'Шаблон', mimeType: DOC }).id!;
    ws.run('writeDoc', doc, '{{школа}}');
    const copy = files(ws, 'copy', { name: 'Приказ', parents: [target] }, doc, { fields: 'id,name,parents' });
    expect(copy).toMatchObject({ name: 'Приказ', parents: [target] });
    ws.run('writeDoc', copy.id, 'только в копии');
    expect(ws.docText(copy.id!)).toContain('{{школа}}');
    expect(ws.docText(doc)).not.toContain('только в копии');
    expect(files(ws, 'copy', {}, doc).name).toBe('Copy of Шаблон');
    expect(failure(ws, 'Files', 'copy', {}, target)).toMatchObject({
      name: 'GoogleJsonResponseException',
      message: 'API call to drive.files.copy failed with error: Folders cannot be copied.',
    });
    expect(ws.calls().byMethod['Drive.Files.copy']).toBe(3);
  });

  test('get: fields are honoured, "*" gives all; an unknown id is "File not found" as Apps Script shows it', async () => {
    const ws = await workspace();
    const id = folder(ws, 'Папка');
    expect(files(ws, 'get', id, { fields: 'name, trashed' })).toEqual({ name: 'Папка', trashed: false });
    expect(files(ws, 'get', id, { fields: '*' })).toMatchObject({
      id,
      ownedByMe: true,
      owners: [expect.objectContaining({ emailAddress: OWNER })],
      capabilities: expect.objectContaining({ canAddChildren: true, canTrash: true }),
    });
    const missing = failure(ws, 'Files', 'get', 'nope');
    expect(missing).toEqual({
      name: 'GoogleJsonResponseException',
      message: 'API call to drive.files.get failed with error: File not found: nope.',
      text: 'GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: nope.',
      code: 404,
    });
  });

  test('update: rename (a Doc too), trash and restore, move with addParents/removeParents; one parent only', async () => {
    const ws = await workspace();
    const a = folder(ws, 'A');
    const b = folder(ws, 'B');
    const doc = files(ws, 'create', { name: 'Черновик', mimeType: DOC, parents: [a] }).id!;
    files(ws, 'update', { name: 'Приказ' }, doc);
    expect(ws.docModel(doc)!.name).toBe('Приказ');
    files(ws, 'update', {}, doc, null, { addParents: b, removeParents: a });
    expect(ws.fileNode(doc)!.parents).toEqual([b]);
    expect(failure(ws, 'Files', 'update', {}, doc, null, { addParents: a })?.message).toBe(
      'API call to drive.files.update failed with error: Increasing the number of parents is not allowed. Use shortcuts instead.',
    );
    files(ws, 'update', { trashed: true }, b);
    // Trashing a folder trashes what is in it.
    expect(files(ws, 'get', doc, { fields: 'trashed,explicitlyTrashed' })).toEqual({
      trashed: true,
      explicitlyTrashed: false,
    });
    expect(ws.files().map((f) => f.name)).toEqual(['A']);
    files(ws, 'update', { trashed: false }, b);
    expect(ws.files().map((f) => f.name)).toEqual(['A', 'B', 'Приказ']);
  });

  test('list: name, parents, trashed and mimeType terms joined by "and", quotes escaped; pages; bad q refused', async () => {
    const ws = await workspace();
    const top = folder(ws, 'Согласия');
    const names = ["Заявление О'Брайен", 'Заявление 2', 'Заявление 3', 'Заявление 4'];
    for (const name of names) files(ws, 'create', { name, mimeType: DOC, parents: [top] });
    files(ws, 'create', { name: 'Заявление 2', mimeType: DOC });
    const gone = files(ws, 'create', { name: 'Заявление 3', mimeType: DOC, parents: [top] }).id!;
    files(ws, 'update', { trashed: true }, gone);

    const list = (q: string, extra: object = {}) =>
      ws.run('api', 'Files', 'list', [{ q, fields: 'nextPageToken,files(id,name)', ...extra }]) as {
        files: FileJson[];
        nextPageToken?: string;
      };
    expect(list(`name = 'Заявление О\\'Брайен' and '${top}' in parents`).files.map((f) => f.name)).toEqual([
      "Заявление О'Брайен",
    ]);
    // Trashed files are listed unless the query leaves them out, as Drive does.
    expect(list(`name = 'Заявление 3'`).files.map((f) => f.id)).toContain(gone);
    expect(list(`name = 'Заявление 3' and trashed = false`).files.map((f) => f.id)).not.toContain(gone);
    expect(list(`'${top}' in parents and trashed = false and mimeType = '${DOC}'`).files).toHaveLength(4);
    expect(list(`mimeType = '${FOLDER}'`).files.map((f) => f.id)).toEqual([top]);

    const first = list(`'${top}' in parents and trashed = false`, { pageSize: 3 });
    expect(first.files).toHaveLength(3);
    const second = list(`'${top}' in parents and trashed = false`, { pageSize: 3, pageToken: first.nextPageToken });
    expect(second.files.map((f) => f.name)).toEqual(['Заявление 4']);
    expect(second.nextPageToken).toBeUndefined();
    // Default fields without `fields`.
    expect((ws.run('api', 'Files', 'list', [{ q: `mimeType = '${FOLDER}'` }]) as { files: FileJson[] }).files).toEqual([
      { kind: 'drive#file', id: top, name: 'Согласия', mimeType: FOLDER },
    ]);
    expect(failure(ws, 'Files', 'list', { q: `name contains 'Заяв'` })).toMatchObject({
      message: 'API call to drive.files.list failed with error: Invalid Value',
      code: 400,
    });
    expect(ws.calls().byMethod['Drive.Files.list']).toBeGreaterThanOrEqual(8);
  });
});

describe('drive.file: only what the add-on made', () => {
  test('a folder a person made in Drive is not found, nor listed; with the drive scope it is', async () => {
    const ws = await workspace();
    const mine = ws.driveApp().createFolder('Папка методиста').getId();
    const made = folder(ws, 'Папка дополнения');
    expect(ws.fileNode(made)!.createdByApp).toBe(true);
    expect(ws.fileNode(mine)!.createdByApp).toBeUndefined();
    expect(failure(ws, 'Files', 'get', mine)?.message).toBe(
      `API call to drive.files.get failed with error: File not found: ${mine}.`,
    );
    expect(failure(ws, 'Files', 'create', { name: 'x', mimeType: FOLDER, parents: [mine] })?.code).toBe(404);
    const listed = ws.run('api', 'Files', 'list', [{ q: `mimeType = '${FOLDER}'` }]) as { files: FileJson[] };
    expect(listed.files.map((f) => f.id)).toEqual([made]);

    const full = await openWorkspace({
      dir: await savedCopy(ws),
      distDir: dist({ ...DEFAULT_MANIFEST, oauthScopes: [`${AUTH}drive`] }),
      now: NOW,
      user: OWNER,
    });
    expect(files(full, 'get', mine).name).toBe('Папка методиста');
    // Read-only scopes reach everything for reads, not for changes.
    const readonly = await openWorkspace({
      dir: await savedCopy(ws),
      distDir: dist({ ...DEFAULT_MANIFEST, oauthScopes: [`${AUTH}drive.readonly`, `${AUTH}drive.file`] }),
      now: NOW,
      user: OWNER,
    });
    expect(files(readonly, 'get', mine).name).toBe('Папка методиста');
    expect(failure(readonly, 'Files', 'update', { name: 'x' }, mine)?.code).toBe(404);
  });

  test('DocumentApp.openById is not limited by drive.file (the documents scope reaches every Doc the user can open)', async () => {
    const ws = await workspace();
    const id = ws.documentApp().create('Документ методиста').getId();
    expect(() => ws.run('writeDoc', id, 'правка')).not.toThrow();
    expect(failure(ws, 'Files', 'get', id)?.code).toBe(404);
  });
});

async function savedCopy(ws: Workspace): Promise<string> {
  await ws.save();
  const dir = mkdtempSync(path.join(os.tmpdir(), 'drive-v3-copy-'));
  cpSync(ws.dir, dir, { recursive: true });
  return dir;
}

describe('several accounts: ownership and sharing', () => {
  test("another user cannot open the first user's folder until it is shared; then its contents too", async () => {
    const ws = await workspace();
    const top = folder(ws, 'Наставничество');
    const doc = files(ws, 'create', { name: 'Приказ', mimeType: DOC, parents: [top] }).id!;
    expect(ws.fileNode(top)!.owner).toBe(OWNER);

    asUser(ws, STAFF, () => {
      expect(failure(ws, 'Files', 'get', top)?.message).toBe(
        `API call to drive.files.get failed with error: File not found: ${top}.`,
      );
      expect(() => ws.driveApp().getFolderById(top)).toThrow(NO_ITEM_WITH_ID);
      expect(() => ws.documentApp().openById(doc)).toThrow(DOC_MISSING);
      expect(() => ws.run('writeDoc', doc, 'x')).toThrow(DOC_MISSING);
      expect((ws.run('api', 'Files', 'list', [{}]) as { files: FileJson[] }).files).toEqual([]);
    });

    const permission = perms(ws, 'create', { role: 'writer', type: 'user', emailAddress: STAFF }, top, {
      sendNotificationEmail: false,
    }) as { id: string; role: string; type: string };
    expect(permission).toMatchObject({ role: 'writer', type: 'user' });
    expect(ws.fileNode(top)!.editors).toEqual([STAFF]);

    asUser(ws, STAFF, () => {
      expect(files(ws, 'get', top).name).toBe('Наставничество');
      // The folder's sharing reaches the Doc inside it.
      expect(files(ws, 'get', doc, { fields: 'capabilities' }).capabilities).toMatchObject({
        canEdit: true,
        canTrash: false,
      });
      ws.run('writeDoc', doc, 'правка завуча');
      const sub = folder(ws, 'Завуча', top);
      expect(ws.fileNode(sub)!.owner).toBe(STAFF);
      expect(ws.driveApp().getFolderById(top).getName()).toBe('Наставничество');
      // Only the owner may trash.
      expect(failure(ws, 'Files', 'update', { trashed: true }, doc)).toMatchObject({
        code: 403,
        message: `API call to drive.files.update failed with error: The user does not have sufficient permissions for file ${doc}.`,
      });
      expect(() => ws.driveApp().getFileById(doc).setTrashed(true)).toThrow(DRIVE_ACCESS_DENIED);
    });
    expect(ws.docText(doc)).toContain('правка завуча');

    const list = perms(ws, 'list', top, { fields: 'permissions(id,role,emailAddress)' }) as {
      permissions: Array<{ id: string; role: string; emailAddress: string }>;
    };
    expect(list.permissions.map((p) => [p.role, p.emailAddress])).toEqual([
      ['owner', OWNER],
      ['writer', STAFF],
    ]);
    perms(ws, 'remove', top, permission.id);
    asUser(ws, STAFF, () => expect(failure(ws, 'Files', 'get', doc)?.code).toBe(404));
  });

  test('a reader sees but may not change; the owner cannot be removed; link sharing reaches everyone', async () => {
    const ws = await workspace();
    const top = folder(ws, 'Общая');
    perms(ws, 'create', { role: 'reader', type: 'user', emailAddress: STAFF }, top);
    asUser(ws, STAFF, () => {
      expect(files(ws, 'get', top).name).toBe('Общая');
      expect(failure(ws, 'Files', 'update', { name: 'Моя' }, top)?.code).toBe(403);
      expect(failure(ws, 'Files', 'create', { name: 'x', mimeType: FOLDER, parents: [top] })?.code).toBe(403);
      expect(
        failure(ws, 'Permissions', 'create', { role: 'writer', type: 'user', emailAddress: STAFF }, top)?.code,
      ).toBe(403);
      expect(() => ws.driveApp().getFolderById(top).setName('Моя')).toThrow(DRIVE_ACCESS_DENIED);
    });
    const ownerId = (perms(ws, 'list', top) as { permissions: Array<{ id: string; role: string }> }).permissions.find(
      (p) => p.role === 'owner',
    )!.id;
    expect(failure(ws, 'Permissions', 'remove', top, ownerId)?.code).toBe(403);
    expect(failure(ws, 'Permissions', 'remove', top, '123')?.message).toBe(
      'API call to drive.permissions.delete failed with error: Permission not found: 123.',
    );

    const other = folder(ws, 'По ссылке');
    asUser(ws, DEMO_USERS.teacher, () => expect(failure(ws, 'Files', 'get', other)?.code).toBe(404));
    perms(ws, 'create', { role: 'reader', type: 'anyone' }, other);
    expect(ws.fileNode(other)!.sharing).toEqual({ access: 'ANYONE_WITH_LINK', permission: 'VIEW' });
    asUser(ws, DEMO_USERS.teacher, () => expect(files(ws, 'get', other).name).toBe('По ссылке'));
  });
});

describe('Permissions.create as Drive answers it', () => {
  const role = (ws: Workspace, id: string, email: string) =>
    (
      perms(ws, 'list', id, { fields: 'permissions(role,emailAddress)' }) as {
        permissions: Array<{ role: string; emailAddress?: string }>;
      }
    ).permissions.find((p) => p.emailAddress === email)?.role;

  test('sharing changes who may open the file, not the file: its modifiedTime stays', async () => {
    const ws = await workspace();
    const doc = files(ws, 'create', { name: 'Программа', mimeType: DOC }).id!;
    const before = files(ws, 'get', doc, { fields: 'modifiedTime' }).modifiedTime;
    ws.advance(60_000);
    const made = perms(ws, 'create', { role: 'commenter', type: 'user', emailAddress: STAFF }, doc, {
      sendNotificationEmail: false,
    }) as { id: string };
    expect(files(ws, 'get', doc, { fields: 'modifiedTime' }).modifiedTime).toBe(before);
    ws.advance(60_000);
    perms(ws, 'remove', doc, made.id);
    expect(files(ws, 'get', doc, { fields: 'modifiedTime' }).modifiedTime).toBe(before);
  });

  test('sharing twice returns the same permission; a lower role never downgrades a higher one', async () => {
    const ws = await workspace();
    const doc = files(ws, 'create', { name: 'Согласие', mimeType: DOC }).id!;
    const share = (r: string) =>
      perms(ws, 'create', { role: r, type: 'user', emailAddress: STAFF }, doc, {
        sendNotificationEmail: false,
        fields: 'id,role',
      }) as { id: string; role: string };
    const first = share('commenter');
    expect(share('commenter')).toEqual(first);
    expect(role(ws, doc, STAFF)).toBe('commenter');
    // Raised by hand to an editor, the person stays one when the add-on shares as commenter again.
    expect(share('writer').role).toBe('writer');
    expect(share('commenter')).toEqual({ id: first.id, role: 'writer' });
    expect(role(ws, doc, STAFF)).toBe('writer');
    expect(share('reader').role).toBe('writer');
  });
});

describe('scopes', () => {
  test('a call none of whose scopes is in the manifest fails as the API answers it', async () => {
    const ws = await workspace({ ...DEFAULT_MANIFEST, oauthScopes: [`${AUTH}documents`] });
    expect(failure(ws, 'Files', 'create', { name: 'x', mimeType: FOLDER })).toEqual({
      name: 'GoogleJsonResponseException',
      message: 'API call to drive.files.create failed with error: Request had insufficient authentication scopes.',
      text: 'GoogleJsonResponseException: API call to drive.files.create failed with error: Request had insufficient authentication scopes.',
      code: 403,
    });
    expect(ws.files()).toEqual([]);
    // drive.metadata.readonly is enough to read and list, not to create or share.
    const meta = await workspace({ ...DEFAULT_MANIFEST, oauthScopes: [`${AUTH}drive.metadata.readonly`] });
    expect(() => meta.run('api', 'Files', 'list', [{}])).not.toThrow();
    expect(failure(meta, 'Permissions', 'create', {}, 'x')?.message).toBe(
      'API call to drive.permissions.create failed with error: Request had insufficient authentication scopes.',
    );
  });
});
