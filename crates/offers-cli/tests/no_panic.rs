//! Property tests: no input, however broken, makes reading, importing or building panic.
//! Inputs are random text and random mutations of real files (the seed pages, real offers).

use offers_cli::content::{build_dir, split_front_matter};
use offers_cli::document::markdown_to_document;
use offers_cli::import::{csv_export, legacy};
use proptest::prelude::*;

const SEED_PAGE: &str = include_str!("../../../tests/fixtures/sources/rejoignez-nous-2023.md");
const PAGE_2019: &str = include_str!("../../../tests/fixtures/sources/rejoignez-nous-2019.md");
const BETA_OFFER: &str =
    include_str!("../../../tests/fixtures/sources/beta/offer-beta-2021-06-15-transverse-dev.md");
const BUNDLE: &str = include_str!("../../../public/offers.json");

/// A real text with a random slice cut out and random text put in its place.
fn mutated(source: &'static str) -> impl Strategy<Value = String> {
    (0..source.len(), 0..200usize, ".{0,40}").prop_map(move |(at, len, insert)| {
        let mut start = at;
        while !source.is_char_boundary(start) {
            start -= 1;
        }
        let mut end = (start + len).min(source.len());
        while !source.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}{insert}{}", &source[..start], &source[end..])
    })
}

/// Characters that matter to the parsers involved.
fn markupish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("<".to_string()),
            Just(">".to_string()),
            Just("</a>".to_string()),
            Just("<br>".to_string()),
            Just("<div class=\"panel\">".to_string()),
            Just("</div>".to_string()),
            Just("[".to_string()),
            Just("](".to_string()),
            Just(")".to_string()),
            Just("*".to_string()),
            Just("\n".to_string()),
            Just("---\n".to_string()),
            Just("#".to_string()),
            Just("- ".to_string()),
            Just(": ".to_string()),
            Just("|".to_string()),
            Just(";".to_string()),
            Just("\"".to_string()),
            Just("&amp;".to_string()),
            Just("<!--".to_string()),
            Just("-->".to_string()),
            Just("javascript:".to_string()),
            Just("é".to_string()),
            "[a-z ]{0,8}",
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn markdown_never_panics_and_never_keeps_markup(text in markupish()) {
        let base = url::Url::parse("https://www.numerique.gouv.fr/").unwrap();
        let doc = markdown_to_document(&text, Some(&base));
        let mut hrefs = Vec::new();
        offers_core::document::for_each_href(&doc, &mut |h| hrefs.push(h.to_string()));
        prop_assert!(hrefs.iter().all(|h| offers_core::is_safe_url(h)), "{hrefs:?}");
    }

    #[test]
    fn legacy_import_never_panics(page in prop_oneof![mutated(SEED_PAGE), mutated(PAGE_2019), markupish()]) {
        let read = legacy::read_page(&page);
        prop_assert!(read.offers.iter().all(|o| !o.id.is_empty()));
    }

    #[test]
    fn csv_import_never_panics(text in prop_oneof![markupish(), ".{0,300}"]) {
        let header = "Par_URL_offre|Par_ref_offre|Description|Libelle_metier_OGR|TCO_cle\n";
        let _ = csv_export::read_export(&format!("{header}{text}"));
        let _ = csv_export::read_export(&text);
    }

    #[test]
    fn front_matter_split_never_panics(text in prop_oneof![mutated(BETA_OFFER), markupish()]) {
        let _ = split_front_matter(&text);
    }

    #[test]
    fn bundle_reading_never_panics(text in prop_oneof![mutated(BUNDLE), markupish()]) {
        if let Ok(loaded) = offers_core::parse_bundle(&text) {
            let _ = offers_core::check_bundle(&loaded, offers_core::Date::new(2026, 11, 23).unwrap());
        }
    }
}

proptest! {
    // Each case writes files: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn build_never_panics_on_broken_front_matter(offer in prop_oneof![mutated(BETA_OFFER), markupish()], bundle in prop_oneof![
        Just("page:\n  title: T\nfamilies:\n  - {id: produit, label: Produit}\ndefaults:\n  employer: DINUM\n  family: produit\n".to_string()),
        markupish(),
    ]) {
        let dir = std::env::temp_dir().join(format!("offers-no-panic-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("_bundle.yml"), &bundle).unwrap();
        std::fs::write(dir.join("offre.md"), &offer).unwrap();
        if let Ok(built) = build_dir(&dir, "2026-11-23T00:00:00Z") {
            // Whatever was kept can be written and read back as a bundle.
            let json = serde_json::to_string(&built.bundle).unwrap();
            prop_assert!(offers_core::parse_bundle(&json).is_ok());
        }
    }
}
