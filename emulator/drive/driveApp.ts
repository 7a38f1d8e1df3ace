/** The DriveApp global: the root folder, lookups by id and name, new files and folders, enums. */
import type { Env } from '../core/env';
import { gasObject, signatureError } from '../core/gasObject';
import type { DriveCtx } from './context';
import { Access, Permission } from './enums';
import './file';
import { filesIterator, foldersIterator } from './folder';
import {
  driveAuth,
  fileObject,
  folderObject,
  nodeById,
  type GFile,
  type GFileIterator,
  type GFolder,
  type GFolderIterator,
  visible,
} from './item';
import { MIME, type DriveFileNode, type DriveModel } from './model';
import { addNode, isFolder, isTrashedDeep } from './store';
import { createFileIn } from './upload';
import { NO_ITEM_WITH_ID } from './context';

type DA = GoogleAppsScript.Drive.DriveApp;
type Members =
  | 'getRootFolder'
  | 'getFolderById'
  | 'getFileById'
  | 'createFolder'
  | 'createFile'
  | 'getFoldersByName'
  | 'getFilesByName'
  | 'getFilesByType'
  | 'getFiles'
  | 'getFolders'
  | 'getTrashedFiles'
  | 'getTrashedFolders';

export class DriveAppImpl implements Pick<DA, Members> {
  readonly Access = Access as unknown as DA['Access'];
  readonly Permission = Permission as unknown as DA['Permission'];

  constructor(readonly ctx: DriveCtx) {}

  private auth(method: string): void {
    driveAuth(this.ctx, `DriveApp.${method}`);
  }

  private str(method: string, value: unknown): string {
    if (typeof value !== 'string') throw signatureError(this.ctx.env, `DriveApp.${method}`, [value]);
    return value;
  }

  /** Everything in the drive the active user can see that is not in the trash. */
  private live(): DriveFileNode[] {
    return visible(
      this.ctx,
      this.ctx.drive.files.filter((f) => !isTrashedDeep(this.ctx.drive, f)),
    );
  }

  getRootFolder(): GFolder {
    this.auth('getRootFolder');
    return folderObject(this.ctx, this.ctx.drive.rootId);
  }

  /** Trashed folders are found too (isTrashed() tells); files' ids are not folders'. */
  getFolderById(id: string): GFolder {
    this.auth('getFolderById');
    const node = nodeById(this.ctx, this.str('getFolderById', id));
    if (!isFolder(node)) throw this.ctx.env.error(NO_ITEM_WITH_ID);
    return folderObject(this.ctx, node.id);
  }

  getFileById(id: string): GFile {
    this.auth('getFileById');
    const node = nodeById(this.ctx, this.str('getFileById', id));
    if (isFolder(node)) throw this.ctx.env.error(NO_ITEM_WITH_ID);
    return fileObject(this.ctx, node.id);
  }

  createFolder(name: string): GFolder {
    this.auth('createFolder');
    const value = this.str('createFolder', name);
    const node = addNode(this.ctx.drive, this.ctx.env, {
      name: value,
      mimeType: MIME.folder,
      parentId: this.ctx.drive.rootId,
    });
    return folderObject(this.ctx, node.id);
  }

  createFile(...args: unknown[]): GFile {
    this.auth('createFile');
    return fileObject(this.ctx, createFileIn(this.ctx, this.ctx.drive.rootId, 'DriveApp.createFile', args).id);
  }

  getFoldersByName(name: string): GFolderIterator {
    this.auth('getFoldersByName');
    const value = this.str('getFoldersByName', name);
    return foldersIterator(
      this.ctx,
      this.live().filter((f) => isFolder(f) && f.name === value),
    );
  }
  getFilesByName(name: string): GFileIterator {
    this.auth('getFilesByName');
    const value = this.str('getFilesByName', name);
    return filesIterator(
      this.ctx,
      this.live().filter((f) => !isFolder(f) && f.name === value),
    );
  }
  getFilesByType(mimeType: string): GFileIterator {
    this.auth('getFilesByType');
    const value = this.str('getFilesByType', mimeType);
    return filesIterator(
      this.ctx,
      this.live().filter((f) => !isFolder(f) && f.mimeType === value),
    );
  }
  getFiles(): GFileIterator {
    this.auth('getFiles');
    return filesIterator(
      this.ctx,
      this.live().filter((f) => !isFolder(f)),
    );
  }
  getFolders(): GFolderIterator {
    this.auth('getFolders');
    return foldersIterator(this.ctx, this.live().filter(isFolder));
  }
  getTrashedFiles(): GFileIterator {
    this.auth('getTrashedFiles');
    const drive = this.ctx.drive;
    return filesIterator(
      this.ctx,
      visible(
        this.ctx,
        drive.files.filter((f) => !isFolder(f) && isTrashedDeep(drive, f)),
      ),
    );
  }
  getTrashedFolders(): GFolderIterator {
    this.auth('getTrashedFolders');
    const drive = this.ctx.drive;
    return foldersIterator(
      this.ctx,
      visible(
        this.ctx,
        drive.files.filter((f) => isFolder(f) && isTrashedDeep(drive, f)),
      ),
    );
  }
}

/** The DriveApp global over the Drive model (a getter: the workspace may replace it). */
export function createDriveApp(env: Env, drive: DriveModel | (() => DriveModel)): DA {
  const get = typeof drive === 'function' ? drive : () => drive;
  const ctx: DriveCtx = {
    env,
    get drive() {
      return get();
    },
  };
  return gasObject(env, 'Drive.DriveApp', new DriveAppImpl(ctx)) as unknown as DA;
}
