//! Property tests: no input, however broken, makes reading, importing or building panic.
//! Inputs are random text and random mutations of real files (the seed pages, real offers).

use offers_cli::content::{build_dir, split_front_matter};
use offers_cli::import::{csv_export, legacy};
use offers_cli::markdown::markdown_to_document;
use proptest::prelude::*;

const SEED_PAGE: &str = include_str!("../../../tests/fixtures/sources/rejoignez-nous-2023.md");
const PAGE_2019: &str = include_str!("../../../tests/fixtures/sources/rejoignez-nous-2019.md");
const BETA_OFFER: &str =
    include_str!("../../../tests/fixtures/sources/beta/offer-beta-2021-06-15-transverse-dev.md");
const BUNDLE: &str = include_str!("../../../public/offers.json");
const PEP_JSON: &str =
    include_str!("../../../tests/fixtures/sources/json/metiers-numeriques-controllers-pep.json");

/// Any Unicode text, weighted towards what breaks byte-offset code: characters whose lowercase
/// is longer, combining marks, non-characters, controls, right-to-left marks, and digits and
/// dashes that make a text look like a date or a file name's prefix.
fn unicode() -> impl Strategy<Value = String> {
    let tricky = prop_oneof![
        Just("é".to_string()),
        Just("İ".to_string()),
        Just("i\u{307}".to_string()),
        Just("ẞ".to_string()),
        Just("\u{fffe}".to_string()),
        Just("\u{ffff}".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{1b}".to_string()),
        Just("\u{7f}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{200b}".to_string()),
        Just("𝔘".to_string()),
        Just("\r\n".to_string()),
        Just("2021-06-0".to_string()),
        Just("-".to_string()),
        Just(":".to_string()),
        Just("0".to_string()),
        Just("@".to_string()),
        Just("https://".to_string()),
        Just("mailto:".to_string()),
        any::<char>().prop_map(String::from),
    ];
    // "2021-06-0é": a date whose tenth byte falls inside a character.
    let date_cut = (1900..2100u32, 1..13u32, 0..4u32, any::<char>(), "\\PC{0,3}")
        .prop_map(|(y, m, d, c, tail)| format!("{y}-{m:02}-{d}{c}{tail}"));
    prop_oneof![
        proptest::collection::vec(tricky, 0..12).prop_map(|parts| parts.concat()),
        any::<String>(),
        date_cut,
    ]
}

/// A file name of any Unicode characters (none that a file system refuses).
fn file_name() -> impl Strategy<Value = String> {
    unicode().prop_map(|name| {
        let name: String = name
            .chars()
            .filter(|c| !matches!(c, '/' | '\\' | '\0'))
            .take(60)
            .collect();
        format!("{name}.md")
    })
}

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
            unicode(),
        ],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

/// Text nested hundreds of levels deep: quotes, lists, raw HTML blocks and inline tags.
fn deep() -> impl Strategy<Value = String> {
    let unit = prop_oneof![
        Just("> "),
        Just("- "),
        Just("1. "),
        Just("<div>"),
        Just("<blockquote>"),
        Just("<ul><li>"),
        Just("<b>"),
        Just("<em><a href=\"https://a.fr\">"),
        Just("*_"),
    ];
    (unit, 0..3000usize, ".{0,10}").prop_map(|(unit, n, tail)| format!("{}{tail}", unit.repeat(n)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn deep_text_is_capped_never_a_stack_overflow(text in deep()) {
        let doc = markdown_to_document(&text, None);
        prop_assert!(offers_core::document::shape_problems(&doc).is_empty());
        let _ = legacy::read_page(&text);
    }

    #[test]
    fn markdown_never_panics_and_never_keeps_markup(text in markupish()) {
        let base = url::Url::parse("https://www.numerique.gouv.fr/").unwrap();
        let doc = markdown_to_document(&text, Some(&base));
        prop_assert!(offers_core::document::shape_problems(&doc).is_empty());
        let mut hrefs = Vec::new();
        offers_core::document::for_each_href(&doc, &mut |h| hrefs.push(h.to_string()));
        prop_assert!(hrefs.iter().all(|h| offers_core::is_safe_url(h)), "{hrefs:?}");
    }

    #[test]
    fn legacy_import_never_panics(page in prop_oneof![mutated(SEED_PAGE), mutated(PAGE_2019), markupish(), unicode()]) {
        let read = legacy::read_page(&page);
        prop_assert!(read.offers.iter().all(|o| !o.id.is_empty()));
    }

    #[test]
    fn csv_import_never_panics(text in prop_oneof![markupish(), unicode()]) {
        let header = "Par_URL_offre|Par_ref_offre|Description|Libelle_metier_OGR|TCO_cle\n";
        let _ = csv_export::read_export(&format!("{header}{text}"));
        let _ = csv_export::read_export(&text);
    }

    #[test]
    fn json_import_never_panics(text in prop_oneof![mutated(PEP_JSON), markupish(), unicode()]) {
        let _ = offers_cli::import::json_export::read_export(&text);
    }

    #[test]
    fn front_matter_split_never_panics(text in prop_oneof![mutated(BETA_OFFER), markupish(), unicode()]) {
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

/// A fresh directory for one case.
fn case_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("offers-no-panic-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Builds `dir`; whatever was kept can be written and read back as a bundle, and its feeds made.
fn builds_without_panic(dir: &std::path::Path) -> Result<(), TestCaseError> {
    if let Ok(built) = build_dir(dir, "2026-11-23T00:00:00Z") {
        let json = serde_json::to_string(&built.bundle).unwrap();
        let loaded = offers_core::parse_bundle(&json);
        prop_assert!(loaded.is_ok(), "{json}");
        if let Ok(loaded) = loaded {
            let _ =
                offers_core::check_bundle(&loaded, offers_core::Date::new(2026, 11, 23).unwrap());
        }
        let today = offers_core::Date::new(2026, 11, 23).unwrap();
        let site = "https://example.org/";
        let entries = offers_cli::feeds::Entries::new(&built.bundle, site, today);
        let atom = offers_cli::feeds::atom(&built.bundle, site, &entries);
        prop_assert!(roxmltree::Document::parse(&atom).is_ok(), "{atom}");
        let _ = offers_cli::feeds::json_feed(&built.bundle, site, &entries);
    }
    Ok(())
}

proptest! {
    // Each case writes files: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Every key an offer's front matter may have, and `_bundle.yml`'s, and the file's name: any
    /// Unicode text.
    #[test]
    fn build_never_panics_on_any_unicode_in_any_field(
        values in proptest::collection::vec(unicode(), offers_cli::content::known_keys().count()),
        keep in proptest::collection::vec(any::<bool>(), offers_cli::content::known_keys().count()),
        name in prop_oneof![file_name(), unicode().prop_map(|u| format!("2021-06-0{u}-x.md"))],
        family in unicode(),
        employer in unicode(),
        title in unicode(),
        body in unicode(),
    ) {
        let dir = case_dir("fields");
        let mut front = serde_norway::Mapping::new();
        for ((key, value), keep) in offers_cli::content::known_keys().zip(values).zip(keep) {
            if keep {
                front.insert((*key).into(), value.into());
            }
        }
        let bundle = format!(
            "page:\n  title: {}\nfamilies:\n  - {{id: {}, label: {}}}\ndefaults:\n  employer: {}\n  family: {}\n",
            serde_json::to_string(&title).unwrap(),
            serde_json::to_string(&family).unwrap(),
            serde_json::to_string(&family).unwrap(),
            serde_json::to_string(&employer).unwrap(),
            serde_json::to_string(&family).unwrap(),
        );
        std::fs::write(dir.join("_bundle.yml"), bundle).unwrap();
        let offers = dir.join("offers");
        std::fs::create_dir_all(&offers).unwrap();
        let yaml = serde_norway::to_string(&front).unwrap();
        // A name the file system refuses (too long, say) is not the builder's concern.
        if std::fs::write(offers.join(&name), format!("---\n{yaml}---\n{body}")).is_ok() {
            builds_without_panic(&dir)?;
        }
    }

    /// A CSV export whose every column holds any Unicode text, imported then built.
    #[test]
    fn csv_import_then_build_never_panics_on_any_unicode(
        cells in proptest::collection::vec(unicode(), 16),
        semicolons in any::<bool>(),
    ) {
        let header = [
            "Par_ref_offre", "Par_URL_offre", "Libelle_metier_OGR", "Description",
            "Offer_CustomFieldsTranslation_LongText2_", "Location_CustomFieldsTranslation_ShortText1_",
            "DEP_libelle", "DEP_cle", "TCO_cle", "Off_contrat_duree_MO",
            "JobDescription_CustomFields_CustomCodeTableValue1_", "Off_date_creation",
            "SchedulingData_DefaultPublicationEndDate_", "JobDescriptionTranslation_Description2_",
            "FirstPublicationDate", "OfferID",
        ];
        let mut writer = csv::WriterBuilder::new()
            .delimiter(if semicolons { b';' } else { b'|' })
            .from_writer(Vec::new());
        writer.write_record(header).unwrap();
        writer.write_record(&cells).unwrap();
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        let export = csv_export::read_export(&text);
        let dir = case_dir("csv");
        if csv_export::write_content(&export, &dir, "DINUM", "export.csv").is_ok() {
            builds_without_panic(&dir)?;
        }
    }

    /// The seed page, imported then built, with any Unicode text in its panels' fields.
    #[test]
    fn legacy_import_then_build_never_panics_on_any_unicode(
        title in unicode(), grade in unicode(), place in unicode(), family in unicode(), url in unicode(),
    ) {
        let page = SEED_PAGE
            .replacen("Chef/fe du Pôle Datalab H/F", &title, 2)
            .replacen("Cadre supérieur/Catégorie A+", &format!("Cadre {grade}"), 1)
            .replacen("Paris (télétravail possible)", &place, 1)
            .replacen("Données / Datascience / Open data", &family, 1)
            .replacen("https://choisirleservicepublic.gouv.fr/offre-emploi/2023-1201312/", &url, 2);
        let read = legacy::read_page(&page);
        let dir = case_dir("legacy");
        if legacy::write_content(&read, &dir, None, Some("https://www.numerique.gouv.fr/")).is_ok() {
            builds_without_panic(&dir)?;
        }
    }
}
