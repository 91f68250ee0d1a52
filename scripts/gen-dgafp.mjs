// Writes a real-shaped DGAFP open-data export ("les offres diffusées sur choisir le service
// public": semicolon-separated, quoted, dd/mm/yyyy dates) of N rows, for the import benchmark and
// tests (issue "National scale"): the columns listed in ../shared/fixtures/real/SOURCES.md and the
// irregularities of the real files (fixtures/real/csp/): upper-case titles, embedded newlines,
// empty employers, 31/12/9999 and 2090+ end dates, mixed reference styles, duplicated references,
// blank lines, places written as "Collège 49120 CHEMILLE EN ANJOU" or "Paris (75)".
// Deterministic: the same N gives the same file.
//   node scripts/gen-dgafp.mjs 50000 > /tmp/dgafp-50000.csv
const n = Number(process.argv[2] || 1000);
let seed = 20261124;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (list) => list[Math.floor(rand() * list.length)];
const METIERS = [
  ['Numérique et systèmes d\'information', ['Développeuse / Développeur', 'Cheffe / Chef de projet informatique', 'Administratrice / Administrateur systèmes et réseaux', 'Data scientist', 'Responsable de la sécurité des systèmes d\'information', 'Designer de services numériques']],
  ['Éducation et enseignement', ['Professeur documentaliste', 'Professeure / Professeur des écoles', 'Conseillère / Conseiller principal d\'éducation', 'Assistante / Assistant d\'éducation']],
  ['Santé', ['Infirmière / Infirmier', 'Médecin du travail', 'Aide-soignante / Aide-soignant', 'Psychologue']],
  ['Administration générale', ['Chargée / Chargé de gestion administrative', 'Assistante / Assistant de direction', 'Secrétaire administrative / Secrétaire administratif', 'Gestionnaire des ressources humaines']],
  ['Finances publiques', ['Contrôleuse / Contrôleur des finances publiques', 'Comptable public', 'Acheteuse / Acheteur public']],
  ['Sécurité', ['Gardienne / Gardien de la paix', 'Policière municipale / Policier municipal', 'Surveillante / Surveillant pénitentiaire']],
  ['Espaces verts et environnement', ['Jardinière / Jardinier', 'Technicienne / Technicien de l\'environnement', 'Agente / Agent d\'entretien des espaces naturels']],
  ['Bâtiment et travaux', ['Technicienne / Technicien bâtiment', 'Électricienne / Électricien', 'Conductrice / Conducteur de travaux']],
  ['Social', ['Assistante sociale / Assistant social', 'Éducatrice / Éducateur spécialisé', 'Conseillère / Conseiller en insertion']],
  ['Culture', ['Bibliothécaire', 'Médiatrice / Médiateur culturel', 'Régisseuse / Régisseur de spectacle']],
];
const EMPLOYERS = ['Ministère de l\'Intérieur', 'Ministère de l\'Éducation nationale', 'Direction générale des finances publiques', 'Mairie de NEUILLY-SUR-SEINE', 'Centre hospitalier de Rennes', 'Région Bretagne', 'Université de Lyon 2', 'Direction interministérielle du numérique', 'Conseil départemental de la Gironde', 'Ministère de la Justice'];
const PLACES = ['Paris (75)', 'Rennes', 'Collège 49120 CHEMILLE EN ANJOU', 'Lyon (69)', 'Bordeaux', 'Saint-Jacques-de-la-Lande (35)', 'Marseille (13)', 'Lille', '', 'Toulouse (31)', 'Pointe-à-Pitre (971)', 'Nantes'];
const CATEGORIES = ['Catégorie A', 'Catégorie B', 'Catégorie C', 'A+', 'A', 'Non renseigné', ''];
const NATURES = ['Titulaire', 'Contractuel', 'Emploi ouvert aux titulaires et aux contractuels', 'CDD', 'Apprentissage', ''];
const VERSANTS = ['Etat', 'Territoriale', 'Hospitalière'];
const TELETRAVAIL = ['Oui', 'Non', '', 'Télétravail possible'];
const quote = (v) => (/[;"\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const date = (d) => `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
const columns = ['Référence', 'Intitulé du poste', 'Organisme de rattachement', 'Employeur', 'Versant', 'Catégorie', "Nature de l'emploi", 'Nature de contrat', 'Durée du contrat', 'Domaine', 'Métier', 'Télétravail', 'Localisation du poste', 'Date de première publication', 'Date de fin de publication par défaut'];
const out = [columns.join(';')];
const refs = [];
for (let i = 0; i < n; i++) {
  if (rand() < 0.002) out.push('');
  const [domaine, metiers] = pick(METIERS);
  const metier = pick(metiers);
  const place = pick(PLACES);
  // Mixed reference styles; now and then one seen before.
  let ref = rand() < 0.5 ? `2026-${1000000 + i}` : `${pick(['MENJ', 'MI', 'DGFIP'])}-${10 + (i % 80)}-2026-${30000 + i}`;
  if (refs.length && rand() < 0.004) ref = pick(refs);
  refs.push(ref);
  let title = `${metier}${place ? ` - ${place.replace(/\s*\(\d+\)$/, '').toUpperCase()}` : ''} (F/H)`;
  if (rand() < 0.3) title = title.toUpperCase();
  if (rand() < 0.01) title = title.replace(' - ', ' -\n');
  const organisme = pick(EMPLOYERS);
  const employer = rand() < 0.3 ? '' : organisme;
  const published = new Date(Date.UTC(2026, 0, 1) + Math.floor(rand() * 300) * 86400000);
  const r = rand();
  const end = r < 0.1 ? '31/12/9999' : r < 0.15 ? '01/01/2095' : date(new Date(published.getTime() + (30 + Math.floor(rand() * 60)) * 86400000));
  const nature = pick(NATURES);
  const duree = nature === 'CDD' || nature === 'Contractuel' ? pick(['12 mois', '3 ans', '6 mois', '']) : '';
  out.push([ref, title, organisme, employer, pick(VERSANTS), pick(CATEGORIES), pick(['Emploi permanent', 'Emploi temporaire']), nature, duree, domaine, metier, pick(TELETRAVAIL), place, date(published), end].map(quote).join(';'));
}
process.stdout.write(`${out.join('\r\n')}\r\n`);
