/**
 * The in-page "Add to Leadside" button and its card (issue 7): editable fields, campaign and
 * folder (default Inbox), labels and a note; "Already in Leadside" for duplicates; the failure
 * card when the profile could not be read; "Added to <campaign>" with Open in side panel.
 * Built with plain DOM inside a shadow root; every page-derived string is set as text.
 */
import type { CaptureOption, CapturePerson, CaptureResponses, ExistingPerson } from '../../lib/messaging/protocol';
import type { CaptureDraft, CaptureSite } from '../../lib/sites/draft';
import { sendCapture } from '../../lib/platform/capture-client';
import { h } from './dom';

type Lookup = Extract<CaptureResponses['capture:lookup'], { ok: true }>;

export interface WidgetInput {
  site: CaptureSite;
  /**
   * Reads the profile (the site's parser): called when the card first opens, not when the button
   * is mounted, so a navigation costs the page no parse. null when the page could not be read:
   * the failure card.
   */
  read(): CaptureDraft | null;
  /** Canonical profile URL (or the page URL when it has none). */
  profileUrl: string;
  pageUrl: string;
  pageTitle: string;
}

const NEW_CAMPAIGN = '__new__';

/** The card's first values: what the parser read (empty when it read nothing). */
export function personFromDraft(d: CaptureDraft | null, profileUrl: string): CapturePerson {
  return {
    firstName: d?.firstName ?? '',
    lastName: d?.lastName ?? '',
    // A page without a headline (Facebook) still gets one line under the name: the job title.
    headline: d?.headline ?? d?.title ?? '',
    title: d?.title ?? '',
    company: d?.company ?? '',
    location: d?.location ?? '',
    email: d?.email ?? '',
    phone: d?.phone ?? '',
    profileUrl,
    about: d?.about ?? '',
    websites: d?.websites.slice() ?? [],
    photo: d?.photo ?? '',
  };
}

type View =
  | { kind: 'closed' }
  | { kind: 'form'; candidateId: string | null; error?: string }
  | { kind: 'existing'; error?: string }
  | { kind: 'added'; leadId: string; campaignName: string; error?: string };

export function createWidget(container: HTMLElement, input: WidgetInput): { destroy(): void } {
  let lookup: Lookup | null = null;
  let existing: ExistingPerson | null = null;
  let view: View = { kind: 'closed' };
  let busy = false;
  /** undefined until the card first opens (see WidgetInput.read). */
  let draft: CaptureDraft | null | undefined;
  const person: CapturePerson = personFromDraft(null, input.profileUrl);
  const placement = { campaign: '', newCampaign: '', folderId: 'inbox', labelIds: new Set<string>(), note: '' };

  /** Reads the profile once, into the card's fields. */
  function read(): void {
    if (draft !== undefined) return;
    try {
      draft = input.read();
    } catch (error) {
      // A layout we do not know must never break the page: the failure card opens instead.
      console.debug('Leadside: could not read this profile', error);
      draft = null;
    }
    const d = draft;
    Object.assign(person, personFromDraft(d, input.profileUrl));
    if (!d) placement.note = input.pageTitle;
    // The contact-info overlay (LinkedIn) or the About tab (Facebook) can name an email or
    // phone: look duplicates up by those too, and if that finds the person, the card says so
    // before anything is typed (Add would be refused as a duplicate anyway).
    if (d?.email || d?.phone) {
      void refreshLookup().then(() => {
        if (existing && view.kind === 'form' && view.candidateId === null && !busy) {
          view = { kind: 'existing' };
          render();
        }
      });
    }
  }

  const button = h('button', { type: 'button', class: 'ls-button', onclick: () => toggle() }, 'Add to Leadside');
  const card = h('div', { class: 'ls-card', role: 'dialog', 'aria-labelledby': 'ls-title', hidden: true });
  container.classList.add('ls');
  container.append(button, card);

  function setButton(): void {
    const folder = existing?.leads[0]?.folderName;
    button.textContent = existing ? `Already in Leadside${folder ? ` · ${folder}` : ''}` : 'Add to Leadside';
    button.classList.toggle('ls-existing', Boolean(existing));
    button.setAttribute('aria-expanded', String(view.kind !== 'closed'));
  }

  async function refreshLookup(): Promise<void> {
    const answer = await sendCapture('capture:lookup', { site: input.site, profileUrl: person.profileUrl, email: person.email, phone: person.phone });
    if (!answer.ok) return;
    lookup = answer;
    existing = answer.existing;
    if (!placement.campaign) placement.campaign = answer.campaigns[0]?.id ?? NEW_CAMPAIGN;
    setButton();
  }

  function toggle(): void {
    if (view.kind !== 'closed') return close();
    read();
    view = existing ? { kind: 'existing' } : { kind: 'form', candidateId: null };
    render();
  }

  function close(): void {
    view = { kind: 'closed' };
    render();
  }

  type TextKey = Exclude<keyof CapturePerson, 'websites'>;

  function field(label: string, key: TextKey, type = 'text', max = 200): HTMLElement {
    return h(
      'label',
      {},
      label,
      h('input', { type, value: person[key], maxlength: String(max), oninput: (e) => (person[key] = (e.target as HTMLInputElement).value) }),
    );
  }

  function aboutField(): HTMLElement {
    return h(
      'label',
      {},
      'About',
      h('textarea', { rows: '3', maxlength: '2000', oninput: (e) => (person.about = (e.target as HTMLTextAreaElement).value) }, person.about),
    );
  }

  /** One website a line; the background keeps http(s) links only and says which one is not. */
  function websitesField(): HTMLElement {
    return h(
      'label',
      {},
      'Websites (one a line)',
      h(
        'textarea',
        {
          rows: '2',
          maxlength: String(5 * 2049),
          oninput: (e) =>
            (person.websites = (e.target as HTMLTextAreaElement).value
              .split('\n')
              .map((w) => w.trim())
              .filter(Boolean)),
        },
        person.websites.join('\n'),
      ),
    );
  }

  function options(list: CaptureOption[], selected: string): HTMLOptionElement[] {
    return list.map((o) => h('option', { value: o.id, selected: o.id === selected }, o.name));
  }

  function placementFields(): (Node | false)[] {
    const campaigns = lookup?.campaigns ?? [];
    const newName = h('input', {
      type: 'text',
      value: placement.newCampaign,
      maxlength: '200',
      oninput: (e) => (placement.newCampaign = (e.target as HTMLInputElement).value),
    });
    const newLabel = h('label', { hidden: placement.campaign !== NEW_CAMPAIGN }, 'New campaign name', newName);
    const labels = lookup?.labels ?? [];
    return [
      h(
        'label',
        {},
        'Campaign',
        h(
          'select',
          {
            onchange: (e) => {
              placement.campaign = (e.target as HTMLSelectElement).value;
              newLabel.hidden = placement.campaign !== NEW_CAMPAIGN;
            },
          },
          ...options(campaigns, placement.campaign),
          h('option', { value: NEW_CAMPAIGN, selected: placement.campaign === NEW_CAMPAIGN }, 'New campaign…'),
        ),
      ),
      newLabel,
      h(
        'label',
        {},
        'Folder',
        h('select', { onchange: (e) => (placement.folderId = (e.target as HTMLSelectElement).value) }, ...options(lookup?.folders ?? [], placement.folderId)),
      ),
      labels.length > 0 &&
        h(
          'fieldset',
          {},
          h('legend', {}, 'Labels'),
          ...labels.map((l) =>
            h(
              'label',
              {},
              h('input', {
                type: 'checkbox',
                checked: placement.labelIds.has(l.id),
                onchange: (e) => ((e.target as HTMLInputElement).checked ? placement.labelIds.add(l.id) : placement.labelIds.delete(l.id)),
              }),
              l.name,
            ),
          ),
        ),
      h(
        'label',
        {},
        'Note',
        h('textarea', { rows: '2', maxlength: '5000', oninput: (e) => (placement.note = (e.target as HTMLTextAreaElement).value) }, placement.note),
      ),
    ];
  }

  async function submit(candidateId: string | null): Promise<void> {
    if (busy) return;
    if (!candidateId && (!person.firstName.trim() || !person.lastName.trim())) {
      view = { kind: 'form', candidateId, error: 'Enter a first and a last name.' };
      return render();
    }
    if (!candidateId && (person.websites.length > 5 || person.websites.some((w) => w.length > 2048))) {
      view = { kind: 'form', candidateId, error: 'Enter at most 5 websites, each a web address.' };
      return render();
    }
    const campaign: { name: string } | { id: string } =
      placement.campaign === NEW_CAMPAIGN ? { name: placement.newCampaign } : { id: placement.campaign };
    if ('name' in campaign && !campaign.name.trim()) {
      view = { kind: 'form', candidateId, error: 'Choose a campaign, or name a new one.' };
      return render();
    }
    busy = true;
    const answer = await sendCapture('capture:add', {
      site: input.site,
      person: { ...person, websites: [...person.websites] },
      candidateId,
      campaign,
      folderId: placement.folderId,
      labelIds: [...placement.labelIds],
      note: placement.note,
      pageUrl: input.pageUrl.slice(0, 2048),
    });
    busy = false;
    if (answer.ok) {
      view = { kind: 'added', leadId: answer.leadId, campaignName: answer.campaignName };
      placement.newCampaign = '';
      await refreshLookup();
    } else if (answer.existing) {
      existing = answer.existing;
      view = { kind: 'existing', error: answer.error };
    } else {
      view = { kind: 'form', candidateId, error: answer.error };
    }
    render();
  }

  function openInPanel(leadId: string): void {
    // Sent synchronously from the click, so the background can still use its user gesture.
    void sendCapture('capture:openPanel', { leadId }).then((answer) => {
      if (answer.ok || view.kind === 'closed') return;
      view = { ...view, error: answer.error };
      render();
    });
  }

  function fill(...children: (Node | null)[]): void {
    card.replaceChildren(...children.filter((c): c is Node => c !== null));
  }

  function render(): void {
    setButton();
    card.hidden = view.kind === 'closed';
    if (view.kind === 'closed') return fill();
    const error = 'error' in view && view.error ? h('p', { class: 'ls-error', role: 'alert' }, view.error) : null;
    const cancel = h('button', { type: 'button', onclick: () => close() }, 'Close');
    if (view.kind === 'added') {
      const leadId = view.leadId;
      fill(
        h('h2', { id: 'ls-title' }, `Added to ${view.campaignName}`),
        error,
        h('div', { class: 'ls-row' }, cancel, h('button', { type: 'button', class: 'ls-primary', onclick: () => openInPanel(leadId) }, 'Open in side panel')),
      );
      return;
    }
    if (view.kind === 'existing' && existing) {
      const who = existing;
      fill(
        h('h2', { id: 'ls-title' }, 'Already in Leadside'),
        h('p', {}, `${who.name} (${who.ref})`),
        error,
        h(
          'ul',
          { class: 'ls-leads', 'aria-label': 'Applications' },
          ...who.leads.map((l) =>
            h(
              'li',
              {},
              h('span', {}, `${l.campaignName} · ${l.folderName}`),
              h('button', { type: 'button', class: 'ls-link', 'aria-label': `Open ${l.campaignName}`, onclick: () => openInPanel(l.leadId) }, 'Open'),
            ),
          ),
        ),
        h(
          'div',
          { class: 'ls-row' },
          cancel,
          h('button', { type: 'button', class: 'ls-primary', onclick: () => ((view = { kind: 'form', candidateId: who.candidateId }), render()) }, 'Add to another campaign'),
        ),
      );
      return;
    }
    const candidateId = view.kind === 'form' ? view.candidateId : null;
    const form = h(
      'form',
      {
        onsubmit: (e) => {
          e.preventDefault();
          void submit(candidateId);
        },
      },
      ...(candidateId
        ? [h('p', {}, `${existing?.name ?? ''}: add to another campaign`)]
        : [
            field('First name', 'firstName', 'text', 100),
            field('Last name', 'lastName', 'text', 100),
            field('Headline', 'headline'),
            field('Job title', 'title'),
            field('Company', 'company'),
            field('Location', 'location'),
            field('Email', 'email', 'email', 254),
            field('Phone', 'phone', 'tel', 40),
            field('Profile URL', 'profileUrl', 'url', 2048),
            websitesField(),
            aboutField(),
          ]),
      ...placementFields(),
      error,
      h('div', { class: 'ls-row' }, cancel, h('button', { type: 'submit', class: 'ls-primary' }, 'Add')),
    );
    fill(
      h('h2', { id: 'ls-title' }, candidateId ? 'Add to another campaign' : 'Add to Leadside'),
      draft ? null : h('p', { class: 'ls-note', role: 'status' }, 'Leadside could not read this profile. Check the URL and type the rest.'),
      form,
    );
  }

  setButton();
  void refreshLookup();
  return {
    destroy() {
      container.replaceChildren();
    },
  };
}
