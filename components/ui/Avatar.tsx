import { initials } from '../../lib/domain/text';

const PALETTE = ['#2563eb', '#7c3aed', '#db2777', '#ea580c', '#059669', '#0891b2', '#4f46e5', '#b45309'];

function colorFor(seed: string): string {
  let h = 0;
  for (let i = 0; i < seed.length; i++) h = (h * 31 + seed.charCodeAt(i)) | 0;
  return PALETTE[Math.abs(h) % PALETTE.length]!;
}

/** Photo when there is one, else initials on a stable color. */
export function Avatar(props: { firstName: string; lastName: string; photo?: string; seed: string; size?: number }) {
  const size = props.size ?? 36;
  if (props.photo && /^(https:|data:image\/)/.test(props.photo)) {
    return <img class="avatar" src={props.photo} alt="" width={size} height={size} />;
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
