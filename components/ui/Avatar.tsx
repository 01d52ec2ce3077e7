import { useState } from 'preact/hooks';
import { initials } from '../../lib/domain/text';

const PALETTE = ['#2563eb', '#7c3aed', '#db2777', '#ea580c', '#059669', '#0891b2', '#4f46e5', '#b45309'];

function colorFor(seed: string): string {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) | 0;
  return PALETTE[Math.abs(h) % PALETTE.length]!;
}

/**
 * Photo when there is one, else initials on a stable color. A captured photo is a link to
 * LinkedIn's or Facebook's image server: sent without a referrer, loaded only when on screen, and
 * replaced by the initials when the link has expired or fails.
 */
export function Avatar(props: { firstName: string; lastName: string; photo?: string; seed: string; size?: number; alt?: string }) {
  const size = props.size ?? 36;
  const [failed, setFailed] = useState<string | null>(null);
  if (props.photo && failed !== props.photo && /^(https:|data:image\/)/.test(props.photo)) {
    const photo = props.photo;
    return (
      <img
        class="avatar"
        src={photo}
        alt={props.alt ?? ''}
        width={size}
        height={size}
        loading="lazy"
        referrerpolicy="no-referrer"
        onError={() => setFailed(photo)}
      />
    );
  }
  return (
    <span
      class="avatar"
      aria-hidden="true"
      style={{ width: `${size}px`, height: `${size}px`, background: colorFor(props.seed) }}
    >
      {initials(props.firstName, props.lastName)}
    </span>
  );
}
