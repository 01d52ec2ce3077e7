import type { Role, User } from './model';

/** Everything a button or (in team mode) the server may ask permission for. DESIGN §1. */
export const ACTIONS = [
  'lead.view',
  'lead.move',
  'lead.label',
  'lead.comment',
  'lead.message',
  'quickReply.use',
  'label.manage',
  'quickReply.manage',
  'campaign.manage',
  'folder.manage',
  'attribute.manage',
  'data.import',
  'data.export',
  'bulk.run',
  'lead.delete',
  'person.erase',
  'user.manage',
  'ownership.transfer',
] as const;

export type Action = (typeof ACTIONS)[number];

const EVERYONE: readonly Role[] = ['owner', 'manager', 'limited_manager'];
const MANAGERS: readonly Role[] = ['owner', 'manager'];
const OWNER: readonly Role[] = ['owner'];

const MATRIX: Record<Action, readonly Role[]> = {
  'lead.view': EVERYONE,
  'lead.move': EVERYONE,
  'lead.label': EVERYONE,
  'lead.comment': EVERYONE,
  'lead.message': EVERYONE,
  'quickReply.use': EVERYONE,
  'label.manage': MANAGERS,
  'quickReply.manage': MANAGERS,
  'campaign.manage': MANAGERS,
  'folder.manage': MANAGERS,
  'attribute.manage': MANAGERS,
  'data.import': EVERYONE,
  'data.export': MANAGERS,
  'bulk.run': EVERYONE,
  'lead.delete': OWNER,
  'person.erase': OWNER,
  'user.manage': OWNER,
  'ownership.transfer': OWNER,
};

/** The one permission check, used by every button and, in team mode, by the server. */
export function can(user: Pick<User, 'role'> | null | undefined, action: Action): boolean {
  if (!user) return false;
  return MATRIX[action].includes(user.role);
}

export const ROLE_LABELS: Record<Role, string> = {
  owner: 'Owner',
  manager: 'Manager',
  limited_manager: 'Limited Manager',
};
