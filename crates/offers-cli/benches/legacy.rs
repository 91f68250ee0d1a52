//! Reading a legacy page of N panels that all have the same title (each gets its own id and its
//! own line): 4 000 and 20 000 panels. Budget (issue "Reliability"): 20 000 panels in under 1 s.
//! Before ids and lines were found in one pass, 4 000 such panels took 51 s.
//! Run: `cargo bench -p offers-cli --bench legacy`.

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use offers_cli::import::legacy::read_page;

/// The 2023 page's panel markup, `n` times, one title for all, one address each.
fn page(n: usize) -> String {
    let mut page = String::from(
        "---\ntitle: Rejoignez-nous\n---\n\n## Nos offres d'emploi à la DINUM :\n\n<h1 class=\"h3\"><b>Produit</b></h1>\n<div class=\"wrapper\">\n",
    );
    for i in 0..n {
        let url =
            format!("https://choisirleservicepublic.gouv.fr/offre-emploi/chef-de-projet-{i}/");
        page.push_str(&format!(
            "  <div class=\"panel\">\n    <b><a href=\"{url}\">Chef/fe de projet numérique H/F</a></b>\n    <p style=\"font-size:14px; margin-bottom: 0px\">Cadre/Catégorie A</p>\n    <p style=\"font-size:14px;\"><img src=\"/uploads/map-pin-2-line.svg\">Paris (télétravail possible)</p>\n    <div align=\"center\"><a href=\"{url}\" class=\"button\">Consulter l'offre</a></div>\n  </div>\n"
        ));
    }
    page.push_str("</div>\n");
    page
}

fn legacy(c: &mut Criterion) {
    let mut group = c.benchmark_group("legacy read_page, identical titles");
    group.sample_size(10);
    for n in [4_000, 20_000] {
        let text = page(n);
        let read = read_page(&text);
        assert_eq!(read.offers.len(), n);
        assert_eq!(
            read.offers[n - 1].id,
            format!("chef-fe-de-projet-numerique-h-f-{n}")
        );
        group.bench_with_input(BenchmarkId::from_parameter(n), &text, |b, text| {
            b.iter(|| read_page(text));
        });
    }
    group.finish();
}

criterion_group!(benches, legacy);
criterion_main!(benches);
