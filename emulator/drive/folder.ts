/** Folder: a Drive folder (or the root, My Drive): children, new files and folders, listings. */
import { signatureError } from '../core/gasObject';
import { wrap } from '../services/common';
import type { DriveCtx } from './context';
import { iteratorOf } from './iterators';
import {
  DriveItemBase,
  fileObject,
  folderObject,
  registerMakers,
  type GFile,
  type GFileIterator,
  type GFolder,
  type GFolderIterator,
  visible,
} from './item';
import { MIME, type DriveFileNode } from './model';
import { addNode, folderUrl, isFolder } from './store';
import { createFileIn } from './upload';

type FD = GoogleAppsScript.Drive.Folder;
type Members =
  | 'getId'
  | 'getName'
  | 'setName'
  | 'getUrl'
  | 'createFolder'
  | 'createFile'
  | 'getFolders'
  | 'getFiles'
  | 'getFoldersByName'
  | 'getFilesByName'
  | 'getFilesByType'
  | 'getParents'
  | 'isTrashed'
  | 'setTrashed'
  | 'moveTo'
  | 'addEditor'
  | 'addEditors'
  | 'addViewer'
  | 'addViewers'
  | 'removeEditor'
  | 'removeViewer'
  | 'getEditors'
  | 'getViewers'
  | 'getOwner'
  | 'setSharing'
  | 'getSharingAccess'
  | 'getSharingPermission'
  | 'getDateCreated'
  | 'getLastUpdated'
  | 'getDescription'
  | 'setDescription';

/** Iterators over nodes, in creation order (Drive's order is not documented). */
export function filesIterator(ctx: DriveCtx, nodes: DriveFileNode[]): GFileIterator {
  return iteratorOf(
    ctx.env,
    'FileIterator',
    nodes.map((n) => () => fileObject(ctx, n.id)),
  ) as unknown as GFileIterator;
}
export function foldersIterator(ctx: DriveCtx, nodes: DriveFileNode[]): GFolderIterator {
  return iteratorOf(
    ctx.env,
    'FolderIterator',
    nodes.map((n) => () => folderObject(ctx, n.id)),
  ) as unknown as GFolderIterator;
}

export class FolderImpl extends DriveItemBase implements Pick<FD, Members> {
  protected readonly apiName = 'DriveApp.Folder';
  readonly isFolderItem = true;

  getUrl(): string {
    this.node();
    return folderUrl(this.id);
  }

  /** Direct children that are not in the trash themselves. */
  private children(): DriveFileNode[] {
    this.node();
    return visible(
      this.ctx,
      this.ctx.drive.files.filter((f) => f.parents.includes(this.id) && !f.trashed),
    );
  }

  createFolder(name: string): GFolder {
    const value = this.str('createFolder', name);
    this.writable();
    const node = addNode(this.ctx.drive, this.env, { name: value, mimeType: MIME.folder, parentId: this.id });
    return folderObject(this.ctx, node.id);
  }

  createFile(...args: unknown[]): GFile {
    this.writable();
    return fileObject(this.ctx, createFileIn(this.ctx, this.id, 'DriveApp.Folder.createFile', args).id);
  }

  getFolders(): GFolderIterator {
    return foldersIterator(this.ctx, this.children().filter(isFolder));
  }
  getFiles(): GFileIterator {
    return filesIterator(
      this.ctx,
      this.children().filter((f) => !isFolder(f)),
    );
  }
  getFoldersByName(name: string): GFolderIterator {
    const value = this.str('getFoldersByName', name);
    return foldersIterator(
      this.ctx,
      this.children().filter((f) => isFolder(f) && f.name === value),
    );
  }
  getFilesByName(name: string): GFileIterator {
    const value = this.str('getFilesByName', name);
    return filesIterator(
      this.ctx,
      this.children().filter((f) => !isFolder(f) && f.name === value),
    );
  }
  getFilesByType(mimeType: string): GFileIterator {
    if (typeof mimeType !== 'string') throw signatureError(this.env, 'DriveApp.Folder.getFilesByType', [mimeType]);
    return filesIterator(
      this.ctx,
      this.children().filter((f) => !isFolder(f) && f.mimeType === mimeType),
    );
  }
}

export function folderObjectOf(ctx: DriveCtx, id: string): GFolder {
  return wrap(ctx.env, 'Drive.Folder', new FolderImpl(ctx, id)) as unknown as GFolder;
}

registerMakers({ folder: folderObjectOf });
