//! Finding offers: a folded word index built once per bundle, filters (OR inside a facet, AND
//! across facets), facet counts, sorting, and which offers are hidden as no longer open.

use crate::document::document_text;
use std::collections::HashMap;

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
    /// The offers in the board's order (by family, then as in the bundle): a search keeps the
    /// matching ones in this order, with no sort (a sort of thousands of results was a
    /// millisecond of each keystroke).
    by_family: Vec<u32>,
    /// The offers newest first (then as in the bundle), made at the first search that asks.
    by_date: std::sync::OnceLock<Vec<u32>>,
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

/// A [`SearchIndex`] built one offer at a time ([`add`](Self::add)): the app builds it in slices,
/// between which the page answers (issue "National scale": no task over 50 ms at 100 000
/// offers). [`SearchIndex::new`] is the same builder, run to the end at once.
pub struct IndexBuilder {
    /// The next offer to add.
    next: usize,
    /// Words → offers: one posting list per distinct word, filled in offer order (so sorted).
    words: HashMap<String, Vec<u32>>,
    /// Per facet: its options as met (families and the fixed lists: in their own order), where
    /// each is by value, and whether some offer has it.
    options: [Vec<FacetOption>; Facet::COUNT],
    positions: [HashMap<String, u16>; Facet::COUNT],
    used: [Vec<bool>; Facet::COUNT],
    /// Per facet, per offer: its options' positions in `options` (renumbered by `finish`).
    values: [Values; Facet::COUNT],
    status: Vec<Status>,
    closes_on: Vec<Option<Date>>,
    published_on: Vec<Option<Date>>,
    family_rank: Vec<u16>,
}

impl IndexBuilder {
    pub fn new(bundle: &Bundle) -> IndexBuilder {
        let mut options: [Vec<FacetOption>; Facet::COUNT] = Default::default();
        options[Facet::Family.index()] = bundle
            .families
            .iter()
            .map(|f| FacetOption {
                value: f.id.clone(),
                label: f.label.clone(),
            })
            .collect();
        for facet in Facet::ALL {
            if facet != Facet::Family {
                options[facet.index()] = facet
                    .fixed_values()
                    .into_iter()
                    .map(|v| FacetOption {
                        value: v.into(),
                        label: v.into(),
                    })
                    .collect();
            }
        }
        let positions = options.each_ref().map(|opts| {
            opts.iter()
                .enumerate()
                .map(|(p, o)| (o.value.clone(), u16::try_from(p).unwrap_or(u16::MAX)))
                .collect()
        });
        let used = options.each_ref().map(|opts| vec![false; opts.len()]);
        let n = bundle.offers.len();
        IndexBuilder {
            next: 0,
            words: HashMap::new(),
            options,
            positions,
            used,
            values: Default::default(),
            status: Vec::with_capacity(n),
            closes_on: Vec::with_capacity(n),
            published_on: Vec::with_capacity(n),
            family_rank: Vec::with_capacity(n),
        }
    }

    /// The position of `value` among `facet`'s options (added, labelled `label`, when the facet's
    /// options come from the data: places and employers), marked as used; `None` for no value.
    fn option(&mut self, facet: Facet, value: String, label: &str) -> Option<u16> {
        let f = facet.index();
        if value.is_empty() {
            return None;
        }
        let p = match self.positions[f].get(&value) {
            Some(&p) => p,
            None if matches!(facet, Facet::Location | Facet::Employer) => {
                let p = u16::try_from(self.options[f].len()).ok()?;
                self.options[f].push(FacetOption {
                    value: value.clone(),
                    label: label.to_string(),
                });
                self.positions[f].insert(value, p);
                self.used[f].push(false);
                p
            }
            None => return None,
        };
        self.used[f][p as usize] = true;
        Some(p)
    }

    /// Adds the next offer of `bundle`; false when every offer is in.
    pub fn add(&mut self, bundle: &Bundle) -> bool {
        let Some(offer) = bundle.offers.get(self.next) else {
            return false;
        };
        let i = u32::try_from(self.next).unwrap_or(u32::MAX);
        self.next += 1;
        for w in words(&searchable_text(bundle, offer)) {
            match self.words.get_mut(w.as_str()) {
                // Offers come in order: a word met again in the same offer ends its list.
                Some(list) => {
                    if list.last() != Some(&i) {
                        list.push(i);
                    }
                }
                None => {
                    self.words.insert(w, vec![i]);
                }
            }
        }
        let mut places: Vec<u16> = Vec::new();
        for l in &offer.locations {
            places.extend(self.option(Facet::Location, value_of(&l.city), &l.city));
        }
        places.dedup();
        self.values[Facet::Location.index()].push(&places);
        let word = |w: Option<&str>| w.map(String::from).unwrap_or_default();
        let singles = [
            (Facet::Family, offer.family.clone(), ""),
            (
                Facet::Grade,
                word(offer.grade.as_ref().map(|g| g.level.url_word())),
                "",
            ),
            (
                Facet::Remote,
                word(offer.remote.as_ref().map(|r| r.mode.url_word())),
                "",
            ),
            (
                Facet::Contract,
                word(offer.contract.as_ref().map(|c| c.kind.url_word())),
                "",
            ),
            (
                Facet::Employer,
                value_of(&offer.employer),
                offer.employer.as_str(),
            ),
            (Facet::Pay, word(pay_value(offer)), ""),
        ];
        for (facet, value, label) in singles {
            let v = self.option(facet, value, label);
            self.values[facet.index()].push(v.as_slice());
        }
        let family = self.positions[Facet::Family.index()].get(&offer.family);
        self.family_rank.push(family.copied().unwrap_or(u16::MAX));
        self.status.push(offer.status);
        self.closes_on.push(offer.closes_on);
        self.published_on.push(offer.published_on);
        true
    }

    /// The index, once every offer is in: the words sorted; the places and employers sorted by
    /// value; of the fixed lists, only the values some offer has.
    pub fn finish(mut self) -> SearchIndex {
        let mut entries: Vec<(String, Vec<u32>)> = self.words.into_iter().collect();
        let mut order: Vec<u32> = (0..entries.len() as u32).collect();
        sort_numbers(&mut order, &|a, b| {
            entries[a as usize].0.cmp(&entries[b as usize].0)
        });
        let (vocab, postings): (Vec<String>, Vec<Vec<u32>>) = order
            .iter()
            .map(|&k| std::mem::take(&mut entries[k as usize]))
            .unzip();
        for facet in Facet::ALL {
            let f = facet.index();
            let options = std::mem::take(&mut self.options[f]);
            // The options kept, in their final order, as positions among those met.
            let mut order: Vec<u32> = (0..options.len() as u32).collect();
            match facet {
                Facet::Family | Facet::Saved => {}
                // Values are unique: an unstable sort gives the same order as a stable one.
                Facet::Location | Facet::Employer => sort_numbers(&mut order, &|a, b| {
                    options[a as usize].value.cmp(&options[b as usize].value)
                }),
                _ => order.retain(|&p| self.used[f][p as usize]),
            }
            let mut renumber = vec![u16::MAX; options.len()];
            for (new, &old) in order.iter().enumerate() {
                renumber[old as usize] = u16::try_from(new).unwrap_or(u16::MAX);
            }
            for item in &mut self.values[f].items {
                *item = renumber[*item as usize];
            }
            let mut options: Vec<Option<FacetOption>> = options.into_iter().map(Some).collect();
            self.options[f] = order
                .iter()
                .filter_map(|&p| options[p as usize].take())
                .collect();
        }
        SearchIndex {
            len: self.next,
            vocab,
            postings,
            options: self.options,
            values: self.values,
            status: self.status,
            closes_on: self.closes_on,
            published_on: self.published_on,
            by_family: by_rank(&self.family_rank),
            by_date: std::sync::OnceLock::new(),
        }
    }
}

impl SearchIndex {
    pub fn new(bundle: &Bundle) -> SearchIndex {
        let mut builder = IndexBuilder::new(bundle);
        while builder.add(bundle) {}
        builder.finish()
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
        let order = match query.sort {
            Sort::Family => &self.by_family,
            Sort::Newest => self.by_date.get_or_init(|| by_date(&self.published_on)),
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
        // The offers each facet counts, beside those shown: the ones that fail that facet's
        // filter alone (its counts say what choosing one of its options instead would give).
        let mut near: [Vec<u32>; Facet::COUNT] = Default::default();
        for i in order.iter().map(|&i| i as usize) {
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
            let i = u32::try_from(i).unwrap_or(u32::MAX);
            match (first_fail, more_fail) {
                (None, _) => results.offers.push(i),
                (Some(f), false) => near[f].push(i),
                _ => {}
            }
        }
        // Counted a facet at a time, over one facet's arrays: at 100 000 offers, a broad query
        // counts for tens of thousands of offers, and this loop was most of the search's time.
        for (f, near) in near.iter().enumerate() {
            let mut counts = vec![0; self.options[f].len()];
            let counted = results.offers.iter().chain(near).map(|&i| i as usize);
            // What `values` says, a facet at a time: its branch on the facet, taken for every
            // offer, made broad searches 16 to 23 % slower (criterion, 10 000 and 100 000 offers).
            if f == Facet::Saved.index() {
                let saved = counted.filter(|&i| saved_bits.get(i)).count();
                counts.fill(u32::try_from(saved).unwrap_or(u32::MAX));
            } else {
                for i in counted {
                    for &v in self.values[f].get(i) {
                        counts[usize::from(v)] += 1;
                    }
                }
            }
            results.counts[f] = counts;
        }
        results
    }
}

/// Sorts numbers (of offers, words, options) by `cmp`, which never finds two of them equal. Every
/// sort of the index goes through this one function, a heapsort written here for the module's
/// size: each `sort_unstable_by` with a closure of its own was a copy of the standard sort (five
/// of them, 17 KB of the wasm, raw; twiggy), and one copy is still 3.2 KB where this is a few
/// hundred bytes. It compares about twice as often, on lists of words and options, not of offers
/// (but for dates too far apart, `by_date`).
fn sort_numbers(numbers: &mut [u32], cmp: &dyn Fn(u32, u32) -> std::cmp::Ordering) {
    let less = |a: u32, b: u32| cmp(a, b) == std::cmp::Ordering::Less;
    // Moves `numbers[node]` down the heap of the first `end` numbers to its place.
    let sift = |numbers: &mut [u32], mut node: usize, end: usize| loop {
        let mut child = 2 * node + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(numbers[child], numbers[child + 1]) {
            child += 1;
        }
        if !less(numbers[node], numbers[child]) {
            break;
        }
        numbers.swap(node, child);
        node = child;
    };
    let len = numbers.len();
    for node in (0..len / 2).rev() {
        sift(numbers, node, len);
    }
    for end in (1..len).rev() {
        numbers.swap(0, end);
        sift(numbers, 0, end);
    }
}

/// Offer indices by slot (each below `count`), then index: a counting sort, one pass over the
/// offers.
fn counting_order(slots: &[usize], count: usize) -> Vec<u32> {
    let mut starts = vec![0usize; count + 1];
    for &slot in slots {
        starts[slot + 1] += 1;
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let mut order = vec![0u32; slots.len()];
    for (i, &slot) in slots.iter().enumerate() {
        order[starts[slot]] = i as u32;
        starts[slot] += 1;
    }
    order
}

/// Offer indices by rank (their family's position; `u16::MAX` for none, last), then index.
fn by_rank(rank: &[u16]) -> Vec<u32> {
    // Family positions are small (a bundle's families); no family comes after all of them.
    let none = rank
        .iter()
        .filter(|&&r| r != u16::MAX)
        .max()
        .map_or(0, |&r| usize::from(r) + 1);
    let slots: Vec<usize> = rank
        .iter()
        .map(|&r| if r == u16::MAX { none } else { usize::from(r) })
        .collect();
    counting_order(&slots, none + 1)
}

/// Offer indices newest first (no date: last), then index. Offers span a few years of days: a
/// counting sort by day; a sort when the days are too far apart for that (a date in 9999).
fn by_date(days: &[Option<Date>]) -> Vec<u32> {
    let known = days.iter().flatten().map(|d| d.unix_days());
    let (Some(first), Some(last)) = (known.clone().min(), known.max()) else {
        return (0..days.len() as u32).collect();
    };
    let span = (last - first) as usize + 1;
    if span <= days.len() + 4096 {
        let slots: Vec<usize> = days
            .iter()
            .map(|d| d.map_or(span, |d| (last - d.unix_days()) as usize))
            .collect();
        return counting_order(&slots, span + 1);
    }
    let mut order: Vec<u32> = (0..days.len() as u32).collect();
    sort_numbers(&mut order, &|a, b| {
        days[b as usize].cmp(&days[a as usize]).then(a.cmp(&b))
    });
    order
}

/// Published less than 15 days before `today` ("Nouveau").
pub fn is_new(offer: &Offer, today: Date) -> bool {
    offer
        .published_on
        .is_some_and(|p| (0..=14).contains(&(today.unix_days() - p.unix_days())))
}
