// The fuzzers' first inputs (corpus/, not committed): the default bundle's offers, one a file,
// the bundle in three layouts, a text file, a few JSON values, and the content ministries have. Run from fuzz/ after the release build
// (bash scripts/build.sh): node seed.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const bundle = JSON.parse(readFileSync(new URL('../public/offers.json', import.meta.url), 'utf8'));
for (const target of ['json_skip', 'read_offer', 'bundle_lines', 'text_of', 'importers']) mkdirSync(`corpus/${target}`, { recursive: true });
bundle.offers.forEach((offer, i) => {
  writeFileSync(`corpus/read_offer/o${i}`, JSON.stringify(offer));
  if (i < 5) {
    writeFileSync(`corpus/read_offer/p${i}`, JSON.stringify(offer, null, 2));
    writeFileSync(`corpus/json_skip/o${i}`, JSON.stringify(offer));
  }
});
// Bundles whole, as the app receives them: two bytes first (chunk size, lines per read). In lines
// (as `offers build` writes it: dist/offers.json after the build), and in two other layouts.
const lines = readFileSync(new URL('../dist/offers.json', import.meta.url), 'utf8').split('\n');
const offers = lines.slice(1, 4).map((line, i) => (i === 2 ? line.replace(/,$/, '') : line));
writeFileSync('corpus/bundle_lines/lines', `\x20\x01${[lines[0], ...offers, ']}'].join('\n')}\n`);
const small = { ...bundle, offers: bundle.offers.slice(0, 3) };
// In columns (format 2, docs/bundle-format.md), two blocks, one column a dictionary.
const block = (offers) => {
  const names = [...new Set(offers.flatMap(Object.keys))].sort();
  const column = (name) => (name === 'employer'
    ? `{"values":[${JSON.stringify(offers[0].employer)}],"codes":[${offers.map(() => 0)}]}`
    : `[${offers.map((o) => JSON.stringify(o[name] ?? null))}]`);
  return `{${names.map((name) => `${JSON.stringify(name)}:${column(name)}`).join(',\n')}}`;
};
const { offers: _, ...head } = { ...bundle, format_version: 2 };
const columns = `${JSON.stringify({ ...head, offer_columns: [] }).slice(0, -2)}\n${block(bundle.offers.slice(0, 2))},\n${block(bundle.offers.slice(2, 3))}\n]}`;
writeFileSync('corpus/bundle_lines/columns', `\x30\x02${columns}`);
writeFileSync('corpus/bundle_lines/rows', `\x40\x01${JSON.stringify(small)}`);
writeFileSync('corpus/bundle_lines/pretty', `\x07\x02${JSON.stringify(small, null, 1)}`);
// A text file (docs/bundle-format.md, "Full texts apart"): the offers' full texts by id.
const texts = bundle.offers.filter((o) => o.description).slice(0, 2).map((o) => ({ id: o.id, description: o.description }));
writeFileSync('corpus/text_of/texts', JSON.stringify({ format_version: 1, texts }));
['0', '-0', '1.5e-3', '[1,2,{"a":null}]', '"\\u00e9\\ud83d\\ude00\\n"', '{"a":[true,false,null]}', ' [ ] ', '{}']
  .forEach((value, i) => writeFileSync(`corpus/json_skip/s${i}`, value));
// What ministries already have (tests/fixtures/sources/), first byte the reader: 0 markdown,
// 1 legacy page, 2 CSV export, 3 JSON export. The large exports cut to their first 16 KiB.
const sources = new URL('../tests/fixtures/sources/', import.meta.url);
const seed = (name, which, path) => {
  const text = readFileSync(new URL(path, sources), 'utf8').slice(0, 16384);
  writeFileSync(`corpus/importers/${name}`, String.fromCharCode(which) + text);
};
seed('md', 0, 'beta/offer-beta-2022-01-10-itou-data-analyst.md');
seed('legacy-2019', 1, 'rejoignez-nous-2019.md');
seed('legacy-2023', 1, 'rejoignez-nous-2023.md');
seed('dgafp', 2, 'csv/dgafp-first10.csv');
seed('pep', 2, 'csv/test-pep2pe.REDACTED.csv');
seed('talentsoft', 3, 'json/metiers-numeriques-controllers-pep.json');
