//! Search, facets and sorting on the real default bundle, and their properties on random bundles.

mod common;
use common::default_bundle;

use offers_core::query::{from_params, retain_known, to_params};
use offers_core::search::{Facet, Query, SearchIndex, Sort};
use offers_core::{is_new, parse_bundle, saved, Bundle, Date};
use proptest::prelude::*;

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

fn ids(bundle: &Bundle, index: &SearchIndex, query: &Query) -> Vec<String> {
    index
        .search(query, today())
        .offers
        .iter()
        .map(|&i| bundle.offers[i as usize].id.clone())
        .collect()
}

fn text(t: &str) -> Query {
    Query {
        text: t.into(),
        ..Query::default()
    }
}

#[test]
fn finds_words_whatever_their_case_and_accents() {
    let b = default_bundle();
    let index = SearchIndex::new(&b);
    let donnees = ids(&b, &index, &text("donnees"));
    assert!(
        donnees.contains(&"2023-1202957".to_string()),
        "Analyste de données: {donnees:?}"
    );
    let ingenieur = ids(&b, &index, &text("INGENIEUR"));
    assert!(
        ingenieur.contains(&"2023-1201291".to_string()),
        "Ingénieur data: {ingenieur:?}"
    );
    // Seed 004 recruits coaches and a UX designer: found by either.
    assert!(ids(&b, &index, &text("coach agile")).contains(&"recrutement-bin".to_string()));
    assert!(ids(&b, &index, &text("UX")).contains(&"recrutement-bin".to_string()));
    // Every word must match; a word being typed matches as a prefix.
    assert_eq!(ids(&b, &index, &text("data scientist")), ["2023-1196743"]);
    assert!(ids(&b, &index, &text("scien")).contains(&"2023-1196743".to_string()));
    assert!(ids(&b, &index, &text("data zzzz")).is_empty());
    // Employer, place, grade and description are searched too.
    assert_eq!(ids(&b, &index, &text("présidence")), ["2022-1024634"]);
    assert!(ids(&b, &index, &text("saint jacques")).contains(&"2023-1211951".to_string()));
    assert!(ids(&b, &index, &text("observatoire.numerique"))
        .contains(&"charge-mission-design".to_string()));
}

#[test]
fn pay_stated_and_saved_offers_filter_like_facets() {
    let b = default_bundle();
    let index = SearchIndex::new(&b);
    // Seed 004 (recrutement-bin) states its pay; the panels of seed 001 do not.
    let pay = index.options(Facet::Pay);
    assert_eq!(pay.len(), 1);
    let with_pay: Vec<String> = b
        .offers
        .iter()
        .filter(|o| o.salary.is_some())
        .map(|o| o.id.clone())
        .collect();
    assert!(with_pay.contains(&"recrutement-bin".to_string()));
    let q = from_params([("remuneration", "indiquee")]);
    assert_eq!(ids(&b, &index, &q), with_pay);
    let all = index.search(&Query::default(), today());
    assert_eq!(all.counts[Facet::Pay as usize], [with_pay.len() as u32]);

    // Saved: one saved offer in the bundle, one retired; the query keeps the other filters.
    let mut list = Vec::new();
    saved::toggle(
        &mut list,
        "recrutement-bin",
        "Recrutement pour l'équipe BIN",
    );
    saved::toggle(&mut list, "retiree-2019", "Une offre de 2019");
    let (present, retired) = saved::split(&list, &b);
    assert_eq!(retired.len(), 1);
    assert_eq!(retired[0].title, "Une offre de 2019");
    let mut q = from_params([("sauvegardees", "oui")]);
    retain_known(&mut q, &index);
    assert_eq!(to_params(&q), [("sauvegardees", "oui".to_string())]);
    let r = index.search_among(&q, today(), &present);
    assert_eq!(r.offers.len(), 1);
    assert_eq!(b.offers[r.offers[0] as usize].id, "recrutement-bin");
    // Its count is the saved offers the other filters leave, like any option's.
    let unfiltered = index.search_among(&Query::default(), today(), &present);
    assert_eq!(unfiltered.counts[Facet::Saved as usize], [1]);
    // Without the filter, the saved list does not narrow anything.
    assert_eq!(unfiltered.offers.len(), all.offers.len());
    q.text = "zzzz".into();
    assert!(index.search_among(&q, today(), &present).offers.is_empty());
}

#[test]
fn facets_or_inside_and_across_with_counts() {
    let b = default_bundle();
    let index = SearchIndex::new(&b);
    let mut q = Query::default();
    q.selected_mut(Facet::Family)
        .extend(["design".to_string(), "budget-achats".to_string()]);
    let r = index.search(&q, today());
    assert_eq!(
        r.offers.len(),
        2 + 1 + 2,
        "design (2 panels + seed 002) or budget (2)"
    );
    q.selected_mut(Facet::Grade).push("a-plus".into());
    let r = index.search(&q, today());
    assert_eq!(
        ids(&b, &index, &q),
        ["2023-1204125", "2023-1204115"],
        "A+ and (design or budget)"
    );
    // The grade facet's counts keep the family filter; the family counts keep the grade filter.
    let grades = index.options(Facet::Grade);
    let a = grades.iter().position(|o| o.value == "a").unwrap();
    assert_eq!(
        r.counts[Facet::Grade as usize][a],
        2,
        "design panels are grade A"
    );
    let families = index.options(Facet::Family);
    let donnees = families
        .iter()
        .position(|o| o.value.starts_with("donnees"))
        .unwrap();
    assert_eq!(
        r.counts[Facet::Family as usize][donnees],
        1,
        "one A+ offer in data"
    );
}

#[test]
fn filled_and_past_offers_are_hidden_unless_asked() {
    let b = default_bundle();
    let index = SearchIndex::new(&b);
    let all = index.search(&Query::default(), today());
    assert_eq!(all.offers.len(), b.offers.len() - 1, "seed 003 is filled");
    assert_eq!(all.hidden_inactive, 1);
    let shown = index.search(
        &Query {
            show_inactive: true,
            ..Query::default()
        },
        today(),
    );
    assert_eq!(shown.offers.len(), b.offers.len());
}

#[test]
fn sorts_by_family_or_newest() {
    let b = default_bundle();
    let index = SearchIndex::new(&b);
    let by_family = ids(&b, &index, &Query::default());
    assert_eq!(by_family[0], "2023-1201312");
    let newest = ids(
        &b,
        &index,
        &Query {
            sort: Sort::Newest,
            ..Query::default()
        },
    );
    assert_eq!(
        newest[0], "apprentissage-chef-projet-numerique-responsable",
        "published 2025-05-22"
    );
    assert_eq!(newest[1], "charge-mission-design", "published 2021-04-12");
}

#[test]
fn new_means_published_in_the_last_14_days() {
    let mut offer = default_bundle().offers.remove(0);
    offer.published_on = Date::new(2026, 11, 9);
    assert!(is_new(&offer, today()));
    offer.published_on = Date::new(2026, 11, 8);
    assert!(!is_new(&offer, today()));
    offer.published_on = Date::new(2026, 11, 24);
    assert!(!is_new(&offer, today()), "not yet published");
}

#[test]
fn url_round_trip_keeps_only_known_options() {
    let b = default_bundle();
    let index = SearchIndex::new(&b);
    let mut q = from_params([
        ("q", "data"),
        ("famille", "design,astronautique"),
        ("lieu", "paris"),
        ("foo", "bar"),
    ]);
    retain_known(&mut q, &index);
    assert_eq!(q.selected(Facet::Family), ["design"]);
    let params = to_params(&q);
    let back = from_params(params.iter().map(|(k, v)| (*k, v.as_str())));
    assert_eq!(back, q);
}

// Random bundles: a handful of families, places, grades, employers, statuses and words.
fn bundle_strategy() -> impl Strategy<Value = Bundle> {
    let offer = (
        0..4usize,
        0..5usize,
        0..5usize,
        0..3usize,
        0..4usize,
        proptest::collection::vec(0..8usize, 1..4),
        0..6usize,
        // Ten days of November; 10: no date; 11: a date far away (the index's other way of
        // ordering by date).
        0..12u8,
    );
    proptest::collection::vec(offer, 0..60).prop_map(|specs| {
        const FAM: [&str; 4] = ["donnees", "design", "produits", "reseau"];
        const CITY: [&str; 5] = ["Paris", "Lyon", "Rennes", "Saint-Denis", "Élancourt"];
        const WORD: [&str; 8] = ["données", "ingénieur", "design", "coach", "agile", "réseau", "cœur", "data"];
        const GRADE: [&str; 5] = ["A+", "A", "B", "C", "?"];
        const EMPLOYER: [&str; 3] = ["DINUM", "Etalab", "Ministère de l'Intérieur"];
        const STATUS: [&str; 4] = ["open", "open", "filled", "closed"];
        const REMOTE: [&str; 3] = ["none", "partial", "full"];
        let offers: Vec<serde_json::Value> = specs
            .iter()
            .enumerate()
            .map(|(i, (f, c, g, e, st, w, rem, day))| {
                let mut o = serde_json::json!({
                    "id": format!("o-{i}"),
                    "title": w.iter().map(|k| WORD[*k]).collect::<Vec<_>>().join(" "),
                    "family": FAM[*f],
                    "employer": EMPLOYER[*e],
                    "status": STATUS[*st],
                    "locations": [{"city": CITY[*c]}],
                    "closes_on": format!("2026-11-{:02}", 15 + day),
                });
                match day {
                    0..10 => o["published_on"] = format!("2026-11-{:02}", 1 + day).into(),
                    10 => {}
                    _ => o["published_on"] = "9999-12-31".into(),
                }
                if *g < 4 {
                    o["grade"] = serde_json::json!({"level": GRADE[*g], "label": GRADE[*g]});
                }
                if *rem < 3 {
                    o["remote"] = serde_json::json!({"mode": REMOTE[*rem]});
                }
                o
            })
            .collect();
        let json = serde_json::json!({
            "format_version": 1, "generated_at": "2026-11-23T00:00:00Z", "page": {"title": "T"},
            "families": FAM.iter().map(|f| serde_json::json!({"id": f, "label": f})).collect::<Vec<_>>(),
            "offers": offers,
        });
        parse_bundle(&json.to_string()).unwrap().bundle
    })
}

fn query_strategy() -> impl Strategy<Value = (String, Vec<(usize, usize)>, bool)> {
    (
        prop_oneof![Just(String::new()), "(don|ING|coe|a|data|zz| )"],
        proptest::collection::vec((0..6usize, 0..6usize), 0..4),
        any::<bool>(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn results_are_a_subset_and_each_count_is_the_size_of_applying_it(b in bundle_strategy(), (t, picks, inactive) in query_strategy(), day in 10..25u8) {
        let index = SearchIndex::new(&b);
        let today = Date::new(2026, 11, day).unwrap();
        let mut q = Query { text: t, show_inactive: inactive, ..Query::default() };
        for (f, o) in picks {
            let facet = Facet::ALL[f];
            if let Some(opt) = index.options(facet).get(o) {
                q.selected_mut(facet).push(opt.value.clone());
            }
        }
        let r = index.search(&q, today);
        // A subset of the bundle, without repeats, each matching every filter.
        let mut seen = std::collections::HashSet::new();
        for &i in &r.offers {
            prop_assert!((i as usize) < b.offers.len());
            prop_assert!(seen.insert(i));
            prop_assert!(inactive || index.is_active(i as usize, today));
        }
        // Each option's count equals the size of the result with that option as the facet's only selection.
        for facet in Facet::ALL {
            for (o, opt) in index.options(facet).iter().enumerate() {
                let mut applied = q.clone();
                *applied.selected_mut(facet) = vec![opt.value.clone()];
                let size = index.search(&applied, today).offers.len() as u32;
                prop_assert_eq!(r.counts[facet as usize][o], size, "{:?} {}", facet, opt.value);
            }
        }
        // In the board's order: families as the bundle lists them (offers of none last), then
        // the bundle's order; or newest first (undated last), then the bundle's order.
        let rank = |i: u32| {
            let family = &b.offers[i as usize].family;
            b.families.iter().position(|f| f.id == *family).unwrap_or(usize::MAX)
        };
        prop_assert!(r.offers.windows(2).all(|w| (rank(w[0]), w[0]) < (rank(w[1]), w[1])));
        let newest = index.search(&Query { sort: Sort::Newest, ..q.clone() }, today).offers;
        let key = |i: u32| (std::cmp::Reverse(b.offers[i as usize].published_on), i);
        prop_assert!(newest.windows(2).all(|w| key(w[0]) < key(w[1])));
        let (mut a, mut c) = (newest.clone(), r.offers.clone());
        a.sort_unstable();
        c.sort_unstable();
        prop_assert_eq!(a, c, "the same offers, whatever the order");
        // Folding: the same text in capitals and without accents finds the same offers.
        let mut loud = q.clone();
        loud.text = q.text.to_uppercase();
        prop_assert_eq!(index.search(&loud, today).offers, r.offers);
    }
}

#[test]
fn each_option_of_the_data_finds_exactly_the_offers_that_have_it() {
    use offers_core::search::value_of;
    let b = default_bundle();
    let index = SearchIndex::new(&b);
    let values = |f: Facet, o: &offers_core::Offer| -> Vec<String> {
        match f {
            Facet::Location => o.locations.iter().map(|l| value_of(&l.city)).collect(),
            Facet::Employer => vec![value_of(&o.employer)],
            Facet::Family => vec![o.family.clone()],
            Facet::Grade => o
                .grade
                .iter()
                .map(|g| g.level.url_word().to_string())
                .collect(),
            _ => unreachable!(),
        }
    };
    for facet in [
        Facet::Location,
        Facet::Employer,
        Facet::Family,
        Facet::Grade,
    ] {
        let options = index.options(facet);
        let mut sorted: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
        if matches!(facet, Facet::Location | Facet::Employer) {
            sorted.sort_unstable();
            sorted.dedup();
            assert_eq!(
                sorted,
                options.iter().map(|o| o.value.as_str()).collect::<Vec<_>>()
            );
        }
        for option in options {
            let mut q = Query {
                show_inactive: true,
                ..Query::default()
            };
            q.selected_mut(facet).push(option.value.clone());
            let mut expected: Vec<String> = b
                .offers
                .iter()
                .filter(|o| values(facet, o).contains(&option.value))
                .map(|o| o.id.clone())
                .collect();
            let mut found = ids(&b, &index, &q);
            expected.sort();
            found.sort();
            assert!(
                !found.is_empty() || facet == Facet::Family,
                "{facet:?} {}",
                option.value
            );
            assert_eq!(found, expected, "{facet:?} {}", option.value);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Any address a visitor can type or paste: its query, written back as the board writes its
    /// links and read again, is the same query (its text trimmed, as the board writes it). So a
    /// shared link, a reload and the back button show what was shown.
    #[test]
    fn any_address_read_written_and_read_again_gives_the_same_query(
        parts in proptest::collection::vec(
            (
                prop_oneof![
                    // Every key the board reads (each facet's, the text's, the sort's…), and others.
                    3 => proptest::sample::select(
                        Facet::ALL.iter().map(|f| f.key()).chain(["q", "q", "q", "tri", "inactives", "offre"]).collect::<Vec<_>>(),
                    )
                    .prop_map(String::from),
                    1 => "[a-z%+&=]{0,6}",
                ],
                prop_oneof![
                    1 => "[a-z0-9 ,+%&=#?-]{0,12}",
                    1 => "\\PC{0,12}",
                    // Escapes, those of the characters a query string gives a meaning to among them.
                    3 => "(%[0-9A-Fa-f]{2}|%2B|%26|%3D|%2C|%23|%25|%.?|\\+|,|é|recent|oui|1|paris|design){0,6}",
                ],
            ),
            0..6,
        ),
        question in any::<bool>(),
    ) {
        use offers_core::query::{parse_search, to_search};
        let mut search: String = parts.iter().map(|(k, v)| format!("&{k}={v}")).collect();
        if question {
            search.replace_range(..search.len().min(1), "?");
        }
        let read = |s: &str| {
            let pairs = parse_search(s);
            from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
        };
        let first = read(&search);
        let written = to_search(&first, None);
        let again = read(&written);
        let mut expected = first.clone();
        expected.text = first.text.trim().to_string();
        prop_assert_eq!(&again, &expected, "{} -> {}", search, written);
        prop_assert_eq!(to_search(&again, None), written);
    }
}
