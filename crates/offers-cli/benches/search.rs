//! Filter + facet counts per query over synthetic offers (offers synth), 10,000 and 100,000.
//! Budget: under 2 ms per query at 10,000 offers, under 20 ms at 100,000.
//! Run: `cargo bench -p offers-cli --bench search`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use offers_core::{Date, Facet, Query, SearchIndex, Sort};

fn bundle(n: usize) -> offers_core::Bundle {
    let today = Date::new(2026, 11, 23).unwrap();
    let offers = offers_cli::synth::offers(n, 1, today)
        .into_iter()
        .map(|s| s.offer)
        .collect();
    offers_cli::synth::bundle(offers, "2026-11-23T00:00:00Z".into())
}

fn queries() -> Vec<(&'static str, Query)> {
    let mut facets = Query::default();
    facets.selected_mut(Facet::Family).push("donnees".into());
    facets
        .selected_mut(Facet::Location)
        .extend(["paris".to_string(), "lyon".to_string()]);
    let mut both = facets.clone();
    both.text = "ingenieur data".into();
    let mut newest = Query {
        text: "rust".into(),
        sort: Sort::Newest,
        ..Query::default()
    };
    newest.selected_mut(Facet::Grade).push("a".into());
    vec![
        ("everything", Query::default()),
        (
            "text one word",
            Query {
                text: "donnees".into(),
                ..Query::default()
            },
        ),
        (
            "text prefix while typing",
            Query {
                text: "dév".into(),
                ..Query::default()
            },
        ),
        ("two facets", facets),
        ("text + facets", both),
        ("text + grade, newest", newest),
    ]
}

fn search(c: &mut Criterion) {
    let today = Date::new(2026, 11, 23).unwrap();
    let mut group = c.benchmark_group("search");
    group.sample_size(20);
    for n in [10_000, 100_000] {
        let b = bundle(n);
        let start = std::time::Instant::now();
        let index = SearchIndex::new(&b);
        println!(
            "index of {n} offers built in {:.1} ms",
            start.elapsed().as_secs_f64() * 1000.0
        );
        for (name, q) in queries() {
            let found = index.search(&q, today).offers.len();
            println!("{n} offers, {name}: {found} results");
            group.bench_with_input(BenchmarkId::new(name, n), &q, |bench, q| {
                bench.iter(|| index.search(q, today))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, search);
criterion_main!(benches);
