// Proposes part ids from node names: lowercase words joined by dashes, unique within one model (core's SlugSchema).
const MAX_SLUG = 64;

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Hands out slugs that are valid part ids and never repeat: "nut", "nut-2", "nut-3"… */
export function createSlugger(taken: Iterable<string> = []): (name: string) => string {
  const used = new Set(taken);
  return (name) => {
    const base = slugify(name).slice(0, MAX_SLUG - 4).replace(/-+$/, '') || 'part';
    let slug = base;
    for (let count = 2; used.has(slug); count += 1) slug = `${base}-${count}`;
    used.add(slug);
    return slug;
  };
}
