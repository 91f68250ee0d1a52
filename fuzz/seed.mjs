// The fuzzers' first inputs (corpus/, not committed): the default bundle's offers, one a file,
// and a few JSON values. Run from fuzz/: node seed.mjs
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const bundle = JSON.parse(readFileSync(new URL('../public/offers.json', import.meta.url), 'utf8'));
for (const target of ['json_skip', 'read_offer']) mkdirSync(`corpus/${target}`, { recursive: true });
bundle.offers.forEach((offer, i) => {
  writeFileSync(`corpus/read_offer/o${i}`, JSON.stringify(offer));
  if (i < 5) {
    writeFileSync(`corpus/read_offer/p${i}`, JSON.stringify(offer, null, 2));
    writeFileSync(`corpus/json_skip/o${i}`, JSON.stringify(offer));
  }
});
['0', '-0', '1.5e-3', '[1,2,{"a":null}]', '"\\u00e9\\ud83d\\ude00\\n"', '{"a":[true,false,null]}', ' [ ] ', '{}']
  .forEach((value, i) => writeFileSync(`corpus/json_skip/s${i}`, value));
