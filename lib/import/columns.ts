/**
 * Column mapping: which file column feeds which candidate field. Guessed from header names in
 * English, Spanish, Portuguese, Filipino/Tagalog and French (accents, case and punctuation
 * ignored); the recruiter can change every choice.
 */
import type { AttributeDef } from '../domain/model';

export const TARGETS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'linkedinUrl',
  'facebookUrl',
  'externalId',
  'headline',
  'company',
  'location',
] as const;

export type BaseTarget = (typeof TARGETS)[number];
/** A base field, a custom attribute ('attr:<key>'), or '' (not imported). */
export type Target = BaseTarget | `attr:${string}` | '';

export const TARGET_LABELS: Record<BaseTarget, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  fullName: 'Full name',
  email: 'Email',
  phone: 'Phone',
  linkedinUrl: 'LinkedIn URL',
  facebookUrl: 'Facebook URL',
  externalId: 'External ID',
  headline: 'Headline',
  company: 'Company',
  location: 'Location',
};

const SYNONYMS: Record<BaseTarget, string[]> = {
  firstName: ['first name', 'firstname', 'given name', 'forename', 'nombre', 'nombres', 'primer nombre', 'primeiro nome', 'pangalan', 'unang pangalan', 'prenom', 'first'],
  lastName: ['last name', 'lastname', 'surname', 'family name', 'apellido', 'apellidos', 'sobrenome', 'ultimo nome', 'apelyido', 'nom de famille', 'nom', 'last'],
  fullName: ['name', 'full name', 'fullname', 'candidate', 'candidate name', 'nombre completo', 'nome', 'nome completo', 'buong pangalan', 'nom complet', 'candidat'],
  email: ['email', 'e-mail', 'email address', 'mail', 'correo', 'correo electronico', 'correo-e', 'e-mail address', 'courriel', 'adresse e-mail', 'adresse email', 'emel'],
  phone: ['phone', 'phone number', 'mobile', 'mobile number', 'cell', 'cellphone', 'telephone', 'tel', 'telefono', 'celular', 'movil', 'telefone', 'numero', 'telepono', 'numero ng telepono', 'cp', 'portable', 'numero de telephone'],
  linkedinUrl: ['linkedin', 'linkedin url', 'linkedin profile', 'perfil de linkedin', 'perfil linkedin', 'profil linkedin'],
  facebookUrl: ['facebook', 'facebook url', 'facebook profile', 'fb', 'perfil de facebook', 'profil facebook'],
  externalId: ['external id', 'id', 'applicant id', 'candidate id', 'reference', 'ref', 'id externo', 'identificador', 'identifiant', 'id externe'],
  headline: ['headline', 'title', 'job title', 'position', 'titulo', 'puesto', 'cargo', 'posisyon', 'titre', 'poste'],
  company: ['company', 'employer', 'current company', 'empresa', 'kumpanya', 'entreprise', 'societe'],
  location: ['location', 'city', 'address', 'ubicacion', 'ciudad', 'localizacao', 'cidade', 'lokasyon', 'lungsod', 'lieu', 'ville', 'adresse'],
};

/** "Correo electrónico:" → "correo electronico". */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_.:#*()[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const LOOKUP = new Map<string, BaseTarget>();
for (const target of TARGETS) for (const s of SYNONYMS[target]) if (!LOOKUP.has(s)) LOOKUP.set(s, target);

/** One guess per column; each target is used at most once (the first column wins). */
export function guessMapping(headers: readonly string[], defs: readonly AttributeDef[]): Target[] {
  const used = new Set<string>();
  const attrs = new Map(defs.flatMap((d) => [[headerKey(d.label), d.key] as const, [headerKey(d.key), d.key] as const]));
  const out = headers.map((h): Target => {
    const key = headerKey(h);
    const attr = attrs.get(key);
    let target: Target = attr ? `attr:${attr}` : (LOOKUP.get(key) ?? '');
    if (target && used.has(target)) target = '';
    if (target) used.add(target);
    return target;
  });
  // "Name" alone is a full name; with separate first/last columns present it is the first name.
  if (out.includes('fullName') && (used.has('firstName') || used.has('lastName'))) {
    const i = out.indexOf('fullName');
    out[i] = used.has('firstName') ? '' : 'firstName';
  }
  return out;
}
