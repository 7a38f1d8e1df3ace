/** Drive's User (getEditors, getViewers, getOwner): only the e-mail is known here. */
import type { Env } from '../core/env';
import { gasObject } from '../core/gasObject';

type U = GoogleAppsScript.Drive.User;

class DriveUserImpl implements Pick<U, 'getEmail' | 'getName' | 'getDomain' | 'getPhotoUrl'> {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
  /** Display names are not modelled: the part of the e-mail before "@". */
  getName(): string {
    return this.email.split('@')[0];
  }
  getDomain(): string {
    return this.email.split('@')[1] ?? '';
  }
  getPhotoUrl(): string {
    return '';
  }
}

export function driveUser(env: Env, email: string): U {
  return gasObject(env, 'Drive.User', new DriveUserImpl(email)) as unknown as U;
}
