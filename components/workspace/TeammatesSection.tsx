import { useState } from 'preact/hooks';
import type { Role } from '../../lib/domain/model';
import { checkEmail, checkPersonName } from '../../lib/domain/names';
import { ROLE_LABELS } from '../../lib/domain/permissions';
import { TEAMMATE_ROLES } from '../../lib/db/mutations/workspace-admin';
import type { AppState } from '../app/state';
import { addTeammate, permissionProblem } from './actions';
import { Section } from './Section';

const ROLE_ORDER: Record<Role, number> = { owner: 0, manager: 1, limited_manager: 2 };

export function TeammatesSection({ state }: { state: AppState }) {
  const readOnly = permissionProblem(state.actor.value, 'user.manage');
  const [problem, setProblem] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('manager');
  const selfId = state.self.value?.id;
  const users = [...state.users.value].sort(
    (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.name.localeCompare(b.name),
  );

  const add = async (e: Event) => {
    e.preventDefault();
    const problems = [checkPersonName(name), checkEmail(email)].flatMap((c) => (c.ok ? [] : [c.problem]));
    if (problems.length > 0) return setProblem(problems.join(' '));
    const outcome = await addTeammate(state, { name, email, role });
    setProblem(outcome.ok ? null : outcome.error);
    if (outcome.ok) {
      setName('');
      setEmail('');
    }
  };

  return (
    <Section title="Teammates" readOnlyReason={readOnly} problem={problem} onDismissProblem={() => setProblem(null)}>
      <ul class="ws-list" aria-label="Teammates">
        {users.map((u) => (
          <li key={u.id} class="ws-row">
            <span class="ws-name">
              <strong>
                {u.name}
                {u.id === selfId && ' (you)'}
              </strong>
              <span class="muted"> {u.email || 'no email'}</span>
            </span>
            <span class="ws-role">{ROLE_LABELS[u.role]}</span>
          </li>
        ))}
      </ul>
      <form class="ws-add ws-add-teammate" aria-label="Add a teammate" onSubmit={(e) => void add(e)} noValidate>
        <label>
          Name
          <input type="text" value={name} disabled={!!readOnly} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Email
          <input type="email" value={email} disabled={!!readOnly} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label>
          Role
          <select value={role} disabled={!!readOnly} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {TEAMMATE_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!!readOnly} title={readOnly ?? undefined}>
          Add teammate
        </button>
      </form>
    </Section>
  );
}
