/** DriveApp's enums. */
import { makeEnum } from '../services/common';

export const Access = makeEnum('Access', [
  'ANYONE',
  'ANYONE_WITH_LINK',
  'DOMAIN',
  'DOMAIN_WITH_LINK',
  'PRIVATE',
] as const);
export const Permission = makeEnum('Permission', ['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'NONE'] as const);
