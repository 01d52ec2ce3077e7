import { useState } from 'preact/hooks';
import { validateCampaign, type NewCampaign } from '../../lib/db/mutations/campaigns';
import { UserError } from '../../lib/db/errors';
import { createCampaign } from '../app/actions';
import type { AppState } from '../app/state';
import { Dialog } from '../ui/Dialog';
import { FormFooter } from '../ui/FormFooter';

/**
 * Job title and location of a campaign, checked before saving; a refusal keeps what was typed.
 * `onSave` returns null when saved, else the reason to show.
 */
export function CampaignDialog(props: {
  title: string;
  submitLabel: string;
  initial: NewCampaign;
  onSave: (input: NewCampaign) => Promise<string | null>;
  onClose: () => void;
}) {
  const [name, setName] = useState(props.initial.name);
  const [location, setLocation] = useState(props.initial.location);
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
    const refused = await props.onSave({ name, location });
    setSaving(false);
    if (refused === null) props.onClose();
    else setProblem(refused);
  };

  return (
    <Dialog title={props.title} onClose={props.onClose}>
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
        <FormFooter problem={problem} onCancel={props.onClose} submitLabel={props.submitLabel} busy={saving} />
      </form>
    </Dialog>
  );
}

export function NewCampaignDialog({ state, onClose }: { state: AppState; onClose: () => void }) {
  return (
    <CampaignDialog
      title="New campaign"
      submitLabel="Create campaign"
      initial={{ name: '', location: '' }}
      onSave={async (input) => ((await createCampaign(state, input)) ? null : (state.error.value ?? 'Not saved.'))}
      onClose={onClose}
    />
  );
}
