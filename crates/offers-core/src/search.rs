//! Finding offers: a folded word index built once per bundle, filters (OR inside a facet, AND
//! across facets), facet counts, sorting, and which offers are hidden as no longer open.

use crate::document::document_text;
use crate::fold::words;
use crate::{Bundle, ContractKind, Date, GradeLevel, Offer, RemoteMode, Status};

/// The facets a visitor filters by, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Facet {
    Family,
    Location,
    Grade,
    Remote,
    Contract,
    Employer,
    /// Whether the offer states its pay (one option, "indiquee").
    Pay,
    /// The visitor's saved offers (one option, "oui"): which offers have it is the visitor's, not
    /// the bundle's, and given to [`SearchIndex::search_among`].
    Saved,
}

crate::url_words!(Facet {
    Family => "famille",
    Location => "lieu",
    Grade => "categorie",
    Remote => "teletravail",
    Contract => "contrat",
    Employer => "employeur",
    Pay => "remuneration",
    Saved => "sauvegardees",
});

/// The one option of [`Facet::Pay`]: the offer states its pay.
pub const PAY_STATED: &str = "indiquee";
/// The one option of [`Facet::Saved`].
pub const SAVED_ONLY: &str = "oui";

impl Facet {
    /// Its URL parameter ("famille", "lieu"…).
    pub fn key(self) -> &'static str {
        self.url_word()
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The values of a facet whose options are ours rather than the data's (grade, remote work,
    /// contract), in their natural order; empty for the others.
    pub fn fixed_values(self) -> Vec<&'static str> {
        match self {
            Facet::Grade => GradeLevel::ALL.iter().map(|g| g.url_word()).collect(),
            Facet::Remote => RemoteMode::ALL.iter().map(|r| r.url_word()).collect(),
            Facet::Contract => ContractKind::ALL.iter().map(|c| c.url_word()).collect(),
            Facet::Pay => vec![PAY_STATED],
            Facet::Saved => vec![SAVED_ONLY],
            Facet::Family | Facet::Location | Facet::Employer => Vec::new(),
        }
    }
}

/// The feed `offers build` writes for one family or one place (`feeds/famille-design.atom`,
/// `feeds/lieu-paris.atom`), named by the option's URL value; other facets have none.
pub fn topic_feed(facet: Facet, value: &str) -> Option<String> {
    matches!(facet, Facet::Family | Facet::Location)
        .then(|| format!("feeds/{}-{value}.atom", facet.key()))
}

/// One option of a facet: its value in URLs, and its label when the data gives one (families,
/// places, employers); grades, remote modes and contracts are labelled by the interface.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetOption {
    pub value: String,
    pub label: String,
}

/// A URL-safe value: folded words joined by hyphens ("Saint-Jacques-de-la-Lande" →
/// "saint-jacques-de-la-lande").
pub fn value_of(text: &str) -> String {
    words(text).join("-")
}

/// How results are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// The bundle's order, grouped by family (with headings).
    #[default]
    Family,
    /// Newest publication first; undated offers last.
    Newest,
}

/// What the visitor asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    pub text: String,
    /// Selected values per facet, in [`Facet::ALL`] order.
    pub selected: [Vec<String>; Facet::COUNT],
    pub sort: Sort,
    /// Show filled, closed and past-date offers too.
    pub show_inactive: bool,
}

impl Query {
    pub fn selected(&self, facet: Facet) -> &[String] {
        &self.selected[facet.index()]
    }
    pub fn selected_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        &mut self.selected[facet.index()]
    }
    /// True when nothing narrows the list (the text is blank and no facet is selected).
    pub fn is_unfiltered(&self) -> bool {
        self.text.trim().is_empty() && self.selected.iter().all(Vec::is_empty)
    }
}

/// The outcome of a query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Results {
    /// Indices into the bundle's offers, in display order.
    pub offers: Vec<u32>,
    /// For each facet, for each of its options: how many offers the query would give with that
    /// option as the facet's only selection (the other filters kept).
    pub counts: [Vec<u32>; Facet::COUNT],
    /// Offers that match but are hidden because they are no longer open.
    pub hidden_inactive: u32,
}

/// A bitset over offers.
#[derive(Clone)]
struct Bits(Vec<u64>);

impl Bits {
    fn empty(n: usize) -> Bits {
        Bits(vec![0; n.div_ceil(64)])
    }
    fn full(n: usize) -> Bits {
        let mut b = Bits(vec![u64::MAX; n.div_ceil(64)]);
        if n % 64 != 0 {
            if let Some(last) = b.0.last_mut() {
                *last = (1u64 << (n % 64)) - 1;
            }
        }
        b
    }
    fn set(&mut self, i: usize) {
        self.0[i / 64] |= 1 << (i % 64);
    }
    fn get(&self, i: usize) -> bool {
        self.0[i / 64] & (1 << (i % 64)) != 0
    }
    fn and(&mut self, other: &Bits) {
        self.0.iter_mut().zip(&other.0).for_each(|(a, b)| *a &= b);
    }
}

/// For one facet, each offer's option indices, end to end in one array: offer `i`'s are
/// `items[offsets[i]..offsets[i + 1]]`. One allocation per facet instead of one per offer: the
/// search reads them for every offer, and contiguous arrays keep that loop in the cache.
#[derive(Default)]
struct Values {
    offsets: Vec<u32>,
    items: Vec<u16>,
}

impl Values {
    fn push(&mut self, of: &[u16]) {
        if self.offsets.is_empty() {
            self.offsets.push(0);
        }
        self.items.extend_from_slice(of);
        self.offsets
            .push(u32::try_from(self.items.len()).unwrap_or(u32::MAX));
    }

    fn get(&self, i: usize) -> &[u16] {
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// Built once when a bundle is loaded; answers queries without touching the offers' text again.
pub struct SearchIndex {
    len: usize,
    /// Sorted folded words, and for each the sorted offers containing it.
    vocab: Vec<String>,
    postings: Vec<Vec<u32>>,
    options: [Vec<FacetOption>; Facet::COUNT],
    /// Per facet, per offer: the option indices it has (a place may be several). Empty for
    /// [`Facet::Saved`]: which offers are saved is the visitor's, given to each search.
    values: [Values; Facet::COUNT],
    status: Vec<Status>,
    closes_on: Vec<Option<Date>>,
    published_on: Vec<Option<Date>>,
    family_rank: Vec<u16>,
}

fn pay_value(offer: &Offer) -> Option<&'static str> {
    offer.salary.as_ref().map(|_| PAY_STATED)
}

fn searchable_text(bundle: &Bundle, offer: &Offer) -> String {
    let mut text = String::with_capacity(256);
    for part in [
        offer.title.as_str(),
        bundle.family_label(&offer.family).unwrap_or(""),
        offer.employer.as_str(),
        offer.grade.as_ref().map_or("", |g| g.label.as_str()),
    ] {
        text.push_str(part);
        text.push(' ');
    }
    text.push_str(&offer.location_line());
    text.push(' ');
    for tag in &offer.tags {
        text.push_str(tag);
        text.push(' ');
    }
    if let Some(doc) = &offer.description {
        text.push_str(&document_text(doc));
    }
    text
}

impl SearchIndex {
    pub fn new(bundle: &Bundle) -> SearchIndex {
        let offers = &bundle.offers;
        let len = offers.len();
        // Words → offers: one posting list per distinct word, filled in offer order (so sorted).
        let mut map: std::collections::HashMap<String, Vec<u32>> = std::collections::HashMap::new();
        for (i, offer) in offers.iter().enumerate() {
            let mut ws = words(&searchable_text(bundle, offer));
            ws.sort_unstable();
            ws.dedup();
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            for w in ws {
                match map.get_mut(w.as_str()) {
                    Some(list) => list.push(i),
                    None => {
                        map.insert(w, vec![i]);
                    }
                }
            }
        }
        let mut entries: Vec<(String, Vec<u32>)> = map.into_iter().collect();
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let (vocab, postings): (Vec<String>, Vec<Vec<u32>>) = entries.into_iter().unzip();

        // Facet options and each offer's values.
        let mut options: [Vec<FacetOption>; Facet::COUNT] = Default::default();
        let mut values: [Values; Facet::COUNT] = Default::default();
        options[Facet::Family.index()] = bundle
            .families
            .iter()
            .map(|f| FacetOption {
                value: f.id.clone(),
                label: f.label.clone(),
            })
            .collect();
        // Fixed lists in their natural order, keeping only the values some offer has.
        type Used = fn(&Offer) -> Option<&'static str>;
        let fixed = |vals: Vec<&str>, used: Used| -> Vec<FacetOption> {
            vals.iter()
                .filter(|v| offers.iter().any(|o| used(o) == Some(**v)))
                .map(|v| FacetOption {
                    value: (*v).into(),
                    label: (*v).into(),
                })
                .collect()
        };
        options[Facet::Grade.index()] = fixed(Facet::Grade.fixed_values(), |o| {
            o.grade.as_ref().map(|g| g.level.url_word())
        });
        options[Facet::Remote.index()] = fixed(Facet::Remote.fixed_values(), |o| {
            o.remote.as_ref().map(|r| r.mode.url_word())
        });
        options[Facet::Contract.index()] = fixed(Facet::Contract.fixed_values(), |o| {
            o.contract.as_ref().map(|c| c.kind.url_word())
        });
        options[Facet::Pay.index()] = fixed(Facet::Pay.fixed_values(), pay_value);
        // Any offer may be saved: the option is always there.
        options[Facet::Saved.index()] = vec![FacetOption {
            value: SAVED_ONLY.into(),
            label: SAVED_ONLY.into(),
        }];
        // Places and employers: the labels found, sorted by their folded form.
        for (facet, labels) in [
            (
                Facet::Location,
                offers
                    .iter()
                    .flat_map(|o| o.locations.iter().map(|l| l.city.clone()))
                    .collect::<Vec<_>>(),
            ),
            (
                Facet::Employer,
                offers.iter().map(|o| o.employer.clone()).collect(),
            ),
        ] {
            // The first label of each value, then sorted by value: values are unique by then, so
            // an unstable sort (smaller in the module than a stable one) gives the same order.
            let mut seen = std::collections::HashSet::new();
            let mut opts: Vec<FacetOption> = labels
                .into_iter()
                .map(|label| FacetOption {
                    value: value_of(&label),
                    label,
                })
                .filter(|o| !o.value.is_empty() && seen.insert(o.value.clone()))
                .collect();
            opts.sort_unstable_by(|a, b| a.value.cmp(&b.value));
            options[facet.index()] = opts;
        }
        let find = |facet: Facet, value: &str| -> Option<u16> {
            options[facet.index()]
                .iter()
                .position(|o| o.value == value)
                .and_then(|p| u16::try_from(p).ok())
        };
        for offer in offers {
            let one = |facet: Facet, v: Option<&str>| v.and_then(|v| find(facet, v));
            let mut places: Vec<u16> = offer
                .locations
                .iter()
                .filter_map(|l| find(Facet::Location, &value_of(&l.city)))
                .collect();
            places.dedup();
            values[Facet::Location.index()].push(&places);
            let singles = [
                (Facet::Family, one(Facet::Family, Some(&offer.family))),
                (
                    Facet::Grade,
                    one(
                        Facet::Grade,
                        offer.grade.as_ref().map(|g| g.level.url_word()),
                    ),
                ),
                (
                    Facet::Remote,
                    one(
                        Facet::Remote,
                        offer.remote.as_ref().map(|r| r.mode.url_word()),
                    ),
                ),
                (
                    Facet::Contract,
                    one(
                        Facet::Contract,
                        offer.contract.as_ref().map(|c| c.kind.url_word()),
                    ),
                ),
                (
                    Facet::Employer,
                    one(Facet::Employer, Some(&value_of(&offer.employer))),
                ),
                (Facet::Pay, one(Facet::Pay, pay_value(offer))),
            ];
            for (facet, v) in singles {
                values[facet.index()].push(v.as_slice());
            }
        }
        let family_rank = offers
            .iter()
            .map(|o| {
                bundle
                    .families
                    .iter()
                    .position(|f| f.id == o.family)
                    .and_then(|p| u16::try_from(p).ok())
                    .unwrap_or(u16::MAX)
            })
            .collect();
        SearchIndex {
            len,
            vocab,
            postings,
            options,
            values,
            status: offers.iter().map(|o| o.status).collect(),
            closes_on: offers.iter().map(|o| o.closes_on).collect(),
            published_on: offers.iter().map(|o| o.published_on).collect(),
            family_rank,
        }
    }

    /// The options of a facet, in display order.
    pub fn options(&self, facet: Facet) -> &[FacetOption] {
        &self.options[facet.index()]
    }

    /// Open and not past its closing day.
    pub fn is_active(&self, i: usize, today: Date) -> bool {
        crate::model::is_active(self.status[i], self.closes_on[i], today)
    }

    /// Offers containing a word that starts with `prefix` (already folded).
    fn prefix_bits(&self, prefix: &str) -> Bits {
        let mut bits = Bits::empty(self.len);
        let start = self.vocab.partition_point(|w| w.as_str() < prefix);
        for (word, postings) in self.vocab[start..].iter().zip(&self.postings[start..]) {
            if !word.starts_with(prefix) {
                break;
            }
            for &i in postings {
                bits.set(i as usize);
            }
        }
        bits
    }

    /// Runs `query` as of `today`.
    pub fn search(&self, query: &Query, today: Date) -> Results {
        self.search_among(query, today, &[])
    }

    /// Runs `query` as of `today`, `saved` being the visitor's saved offers (indices into the
    /// bundle's offers; out-of-range ones are ignored) for [`Facet::Saved`].
    pub fn search_among(&self, query: &Query, today: Date, saved: &[u32]) -> Results {
        let mut saved_bits = Bits::empty(self.len);
        for &i in saved.iter().filter(|&&i| (i as usize) < self.len) {
            saved_bits.set(i as usize);
        }
        // The option indices offer `i` has for facet `f`.
        let values = |f: usize, i: usize| -> &[u16] {
            if f == Facet::Saved.index() {
                if saved_bits.get(i) {
                    &[0]
                } else {
                    &[]
                }
            } else {
                self.values[f].get(i)
            }
        };
        let mut candidates = Bits::full(self.len);
        // Every word of the text must start a word of the offer.
        for word in words(&query.text) {
            candidates.and(&self.prefix_bits(&word));
        }
        // Which options are selected, per facet (unknown values select nothing and are ignored).
        let selected: Vec<Vec<bool>> = Facet::ALL
            .iter()
            .map(|&f| {
                let opts = &self.options[f.index()];
                let sel = query.selected(f);
                opts.iter().map(|o| sel.contains(&o.value)).collect()
            })
            .collect();
        let active_facets: Vec<usize> = (0..Facet::COUNT)
            .filter(|&f| selected[f].iter().any(|s| *s))
            .collect();

        let mut results = Results::default();
        for f in Facet::ALL {
            results.counts[f.index()] = vec![0; self.options[f.index()].len()];
        }
        for i in 0..self.len {
            if !candidates.get(i) {
                continue;
            }
            if !query.show_inactive && !self.is_active(i, today) {
                // Counted as hidden only when it would otherwise be shown.
                if active_facets
                    .iter()
                    .all(|&f| values(f, i).iter().any(|&v| selected[f][usize::from(v)]))
                {
                    results.hidden_inactive += 1;
                }
                continue;
            }
            let mut failing = active_facets
                .iter()
                .filter(|&&f| !values(f, i).iter().any(|&v| selected[f][usize::from(v)]));
            let first_fail = failing.next().copied();
            let more_fail = failing.next().is_some();
            match (first_fail, more_fail) {
                (None, _) => {
                    results.offers.push(u32::try_from(i).unwrap_or(u32::MAX));
                    for f in 0..Facet::COUNT {
                        for &v in values(f, i) {
                            results.counts[f][usize::from(v)] += 1;
                        }
                    }
                }
                (Some(f), false) => {
                    for &v in values(f, i) {
                        results.counts[f][usize::from(v)] += 1;
                    }
                }
                _ => {}
            }
        }
        match query.sort {
            Sort::Family => results
                .offers
                .sort_by_key(|&i| (self.family_rank[i as usize], i)),
            Sort::Newest => results
                .offers
                .sort_by_key(|&i| (std::cmp::Reverse(self.published_on[i as usize]), i)),
        }
        results
    }
}

/// Published less than 15 days before `today` ("Nouveau").
pub fn is_new(offer: &Offer, today: Date) -> bool {
    offer
        .published_on
        .is_some_and(|p| (0..=14).contains(&(today.unix_days() - p.unix_days())))
}
