import type { Activity } from '../../lib/domain/model';
import { formatDateTime } from '../../lib/domain/time';
import { folderName, type AppState } from '../app/state';
import { describeActivity, type ActivityNames } from './activity-text';
import { Section } from './parts';

/** The audit trail of this application and person: who, when, what, before → after. */
export function ActivitySection({ state, activities }: { state: AppState; activities: Activity[] }) {
  const selfId = state.self.value?.id;
  const users = state.userById.value;
  const labels = state.labelById.value;
  const defs = state.attributeDefs.value;
  const names: ActivityNames = {
    user: (id) => (id === 'system' ? 'Leadside' : id === selfId ? 'You' : (users.get(id)?.name ?? 'A former teammate')),
    folder: (id) => folderName(state, id),
    label: (id) => labels.get(id)?.name ?? 'a deleted label',
    attribute: (key) => defs.find((d) => d.key === key)?.label ?? key,
  };
  return (
    <Section title="Activity">
      {activities.length === 0 ? (
        <p class="muted small">Nothing has happened here yet.</p>
      ) : (
        <ol class="activity" aria-label="Activity">
          {activities.map((a) => {
            const line = describeActivity(a, names);
            return (
              <li key={a.id}>
                <div>
                  <strong>{line.who}</strong> {line.text}
                </div>
                <time class="muted small" dateTime={new Date(a.at).toISOString()}>
                  {formatDateTime(a.at)}
                </time>
                {line.details.length > 0 && (
                  <ul class="activity-details small">
                    {line.details.map((d, i) => (
                      <li key={i}>{d}</li>
                    ))}
                  </ul>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </Section>
  );
}
