import { useState } from 'preact/hooks';
import { validateCampaign } from '../../lib/db/mutations/campaigns';
import { UserError } from '../../lib/db/errors';
import { createCampaign } from '../app/actions';
import type { AppState } from '../app/state';
import { Dialog } from '../ui/Dialog';
import { FormFooter } from '../ui/FormFooter';

export function NewCampaignDialog({ state, onClose }: { state: AppState; onClose: () => void }) {
  const [name, setName] = useState('');
  const [location, setLocation] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      validateCampaign({ name, location });
    } catch (error) {
      setProblem(error instanceof UserError ? error.message : 'Check the fields.');
      return;
    }
    setSaving(true);
    const ok = await createCampaign(state, { name, location });
    setSaving(false);
    if (ok) onClose();
    else setProblem(state.error.value);
  };

  return (
    <Dialog title="New campaign" onClose={onClose}>
      <form class="form" onSubmit={(e) => void submit(e)} noValidate>
        <label>
          Job title
          <input
            type="text"
            value={name}
            required
            maxLength={200}
            aria-invalid={problem ? true : undefined}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <label>
          Location
          <input type="text" value={location} maxLength={200} onInput={(e) => setLocation(e.currentTarget.value)} />
        </label>
        <FormFooter problem={problem} onCancel={onClose} submitLabel="Create campaign" busy={saving} />
      </form>
    </Dialog>
  );
}
