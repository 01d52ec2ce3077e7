import { describe, expect, it } from 'vitest';
import type { Role } from './model';
import { ROLES } from './model';
import { ACTIONS, can, type Action } from './permissions';

/**
 * DESIGN §1, written out by hand: the test must not re-derive the matrix from the module.
 * Columns: owner, manager, limited manager.
 */
const EXPECTED: Record<Action, [owner: boolean, manager: boolean, limited: boolean]> = {
  // view, search, move, label (existing), comment, message, use quick replies
  'lead.view': [true, true, true],
  'lead.move': [true, true, true],
  'lead.label': [true, true, true],
  'lead.comment': [true, true, true],
  'lead.message': [true, true, true],
  'quickReply.use': [true, true, true],
  // create/edit labels, quick replies, campaigns, folders, attribute definitions
  'label.manage': [true, true, false],
  'quickReply.manage': [true, true, false],
  'campaign.manage': [true, true, false],
  'folder.manage': [true, true, false],
  'attribute.manage': [true, true, false],
  // import, export, bulk actions: limited managers all but export
  'data.import': [true, true, true],
  'data.export': [true, true, false],
  'bulk.run': [true, true, true],
  // delete a lead, erase a person: owner only
  'lead.delete': [true, false, false],
  'person.erase': [true, false, false],
  // manage users, transfer ownership: owner only
  'user.manage': [true, false, false],
  'ownership.transfer': [true, false, false],
};

const COLUMN: Record<Role, 0 | 1 | 2> = { owner: 0, manager: 1, limited_manager: 2 };

describe('can', () => {
  it('the expected table covers exactly the actions the module knows', () => {
    expect([...ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
    expect([...ROLES].sort()).toEqual(Object.keys(COLUMN).sort());
  });

  const cases = ACTIONS.flatMap((action) => ROLES.map((role) => [role, action] as const));
  it.each(cases)('%s / %s matches DESIGN §1', (role, action) => {
    expect(can({ role }, action)).toBe(EXPECTED[action][COLUMN[role]]);
  });

  it('refuses everything to nobody', () => {
    for (const action of ACTIONS) {
      expect(can(null, action)).toBe(false);
      expect(can(undefined, action)).toBe(false);
    }
  });

  it('refuses a role it does not know', () => {
    expect(can({ role: 'admin' as Role }, 'lead.view')).toBe(false);
  });

  it('gives the owner strictly more than a manager, and a manager strictly more than a limited manager', () => {
    const allowed = (role: Role) => ACTIONS.filter((a) => can({ role }, a));
    expect(allowed('owner')).toHaveLength(ACTIONS.length);
    expect(allowed('manager').length).toBeLessThan(allowed('owner').length);
    expect(allowed('limited_manager').length).toBeLessThan(allowed('manager').length);
    for (const a of allowed('limited_manager')) expect(can({ role: 'manager' }, a)).toBe(true);
  });
});
