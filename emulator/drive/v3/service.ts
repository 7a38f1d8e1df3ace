/**
 * The Advanced Drive service (Drive API v3) as Apps Script exposes it: a global named by the
 * manifest's `userSymbol` (normally `Drive`), present only when `dependencies.enabledAdvancedServices`
 * enables serviceId "drive" version "v3" (https://developers.google.com/apps-script/guides/services/advanced,
 * https://developers.google.com/apps-script/manifest/dependencies). Calls are counted as
 * "Drive.Files.create", "Drive.Permissions.list"…; results are plain objects.
 */
import type { Env, Manifest } from '../../core/env';
import { ADVANCED_PREFIX } from '../../core/calls';
import { gasObject } from '../../core/gasObject';
import type { DriveCtx } from '../context';
import type { DriveModel } from '../model';
import { FilesImpl } from './files';
import { PermissionsImpl } from './permissions';

export type DriveV3 = GoogleAppsScript.Drive;

class DriveV3Impl {
  readonly Files: FilesImpl;
  readonly Permissions: PermissionsImpl;
  constructor(env: Env, ctx: DriveCtx) {
    this.Files = gasObject(env, `${ADVANCED_PREFIX}Drive.Files`, new FilesImpl(ctx));
    this.Permissions = gasObject(env, `${ADVANCED_PREFIX}Drive.Permissions`, new PermissionsImpl(ctx));
  }
  newFile(): GoogleAppsScript.Drive_v3.Drive.V3.Schema.File {
    return {};
  }
  newPermission(): GoogleAppsScript.Drive_v3.Drive.V3.Schema.Permission {
    return {};
  }
}

export function createDriveV3(env: Env, drive: DriveModel | (() => DriveModel)): DriveV3 {
  const get = typeof drive === 'function' ? drive : () => drive;
  const ctx: DriveCtx = {
    env,
    get drive() {
      return get();
    },
  };
  return gasObject(env, `${ADVANCED_PREFIX}Drive`, new DriveV3Impl(env, ctx)) as unknown as DriveV3;
}

/** The advanced-service globals the manifest enables: { [userSymbol]: service }. Others are not emulated. */
export function advancedServiceGlobals(
  env: Env,
  manifest: Manifest,
  drive: DriveModel | (() => DriveModel),
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of manifest.advancedServices) {
    if (s.serviceId === 'drive' && s.version === 'v3') out[s.userSymbol] = createDriveV3(env, drive);
  }
  return out;
}
