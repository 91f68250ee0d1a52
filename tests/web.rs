//! Component tests in a real browser (headless Chromium through wasm-bindgen-test-runner):
//! each state of the board, rendered from real bundles (the default bundle, the broken fixtures).

#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use leptos::prelude::*;
use offres::components::{Board, DocumentView};
use offres::i18n::Lang;
use offres::OfferBoard;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

const DEFAULT_BUNDLE: &str = include_str!("../public/offers.json");
const ONE_INVALID: &str = include_str!("fixtures/one-invalid-offer.json");
const UNKNOWN_VERSION: &str = include_str!("fixtures/unknown-version.json");
/// The default bundle in format 2 (its offers in columns, in lines), the 4th offer's title a
/// number.
const COLUMNS_ONE_INVALID: &str = include_str!("fixtures/columns-one-invalid.json");
const EMPTY: &str = include_str!("fixtures/empty.json");
const NOT_JSON: &str = include_str!("fixtures/not-json.html");

/// A fresh element in the page to mount into.
fn container() -> HtmlElement {
    let doc = document();
    let div: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&div).unwrap();
    div
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into())
        .collect()
}

fn text(e: &Element) -> String {
    e.text_content().unwrap_or_default()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits (up to 5 s) until `selector` matches inside `root`.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..250 {
        if let Some(e) = root.query_selector(selector).unwrap() {
            return e;
        }
        sleep(20).await;
    }
    panic!("nothing matched {selector}; content: {}", root.inner_html());
}

fn data_url(mime: &str, body: &str) -> String {
    format!("data:{mime},{}", js_sys::encode_uri_component(body))
}

fn mount_board(src: String) -> HtmlElement {
    let root = container();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <OfferBoard src=src.clone() /> },
    )
    .forget();
    root
}

/// The default bundle's board on 2026-11-23, in `lang`, inside a root marked with that language
/// (as OfferBoard marks its own).
fn mount_default_board(lang: Lang) -> (HtmlElement, Arc<offers_core::LoadedBundle>) {
    let loaded = Arc::new(offers_core::parse_bundle(DEFAULT_BUNDLE).unwrap());
    let today = offers_core::Date::new(2026, 11, 23).unwrap();
    let ready = offres::ready::Ready::new(loaded.clone(), today);
    let root = container();
    leptos::mount::mount_to(root.clone(), move || {
        provide_context(lang);
        view! { <div lang=lang.strings().code><Board ready=ready.clone() /></div> }
    })
    .forget();
    (root, loaded)
}

#[wasm_bindgen_test]
fn board_renders_the_default_bundle_in_order() {
    let (root, loaded) = mount_default_board(Lang::Fr);

    assert_eq!(all(&root, "h1").len(), 1);
    assert_eq!(text(&all(&root, "h1")[0]), "Rejoignez-nous");
    // Seed 003 is filled: hidden until asked for; every other offer is a card.
    let panels = all(&root, "li.offres-panel");
    assert_eq!(panels.len(), loaded.bundle.offers.len() - 1);
    assert!(root
        .query_selector("#offre-eig-charge-mission-coordination")
        .unwrap()
        .is_none());
    assert_eq!(
        text(&root.query_selector(".offres-count").unwrap().unwrap()),
        "22 offres"
    );

    // Families of the own section, in the bundle's order, each a heading over its grid.
    let own_families: Vec<String> = all(&root, "#offres-section-propres ~ .offres-family h3")
        .iter()
        .map(text)
        .collect();
    let labels: Vec<&str> = loaded
        .bundle
        .families
        .iter()
        .filter(|f| {
            loaded
                .bundle
                .offers
                .iter()
                .any(|o| o.family == f.id && o.section == offers_core::Section::Own)
        })
        .map(|f| f.label.as_str())
        .collect();
    assert_eq!(own_families, labels);

    // The first panel is the seed's first panel.
    let first = &panels[0];
    let title = first
        .query_selector(".offres-panel__title a")
        .unwrap()
        .unwrap();
    assert!(text(&title).starts_with("Chef/fe du Pôle Datalab H/F"));
    assert_eq!(
        title.get_attribute("href").as_deref(),
        Some("https://choisirleservicepublic.gouv.fr/offre-emploi/2023-1201312/")
    );
    assert!(text(first).contains("Cadre supérieur/Catégorie A+"));
    assert!(text(first).contains("Paris (télétravail possible)"));
    // The location's paragraph carries the class the stylesheet draws the pin on (tests/e2e:
    // board.spec, display.spec); nothing of the pin is in the markup.
    let location = first
        .query_selector(".offres-panel__location")
        .unwrap()
        .unwrap();
    assert!(text(&location).contains("Paris (télétravail possible)"));
    assert!(first.query_selector("svg").unwrap().is_none());

    // Every "Consulter l'offre" button names its offer and says it leaves the site.
    let buttons: Vec<String> = all(&root, "a.offres-button").iter().map(text).collect();
    let consult: Vec<&String> = buttons
        .iter()
        .filter(|b| b.starts_with("Consulter l'offre"))
        .collect();
    assert_eq!(
        consult.len(),
        loaded
            .bundle
            .offers
            .iter()
            .filter(|o| o.url.is_some() && o.status == offers_core::Status::Open)
            .count()
    );
    let unique: std::collections::HashSet<_> = buttons.iter().collect();
    assert_eq!(
        unique.len(),
        buttons.len(),
        "duplicate button names: {buttons:?}"
    );
    assert!(consult.iter().all(|b| b.ends_with("(site externe)")));

    // Offers with a full text link their title to their page on the board.
    let internal: Vec<String> = all(&root, ".offres-panel__title a")
        .iter()
        .filter_map(|a| a.get_attribute("href"))
        .filter(|h| h.starts_with("?offre="))
        .collect();
    assert_eq!(
        internal,
        [
            "?offre=charge-mission-design",
            "?offre=recrutement-bin",
            "?offre=apprentissage-chef-projet-numerique-responsable"
        ]
    );
    let design = root
        .query_selector("#offre-charge-mission-design")
        .unwrap()
        .unwrap();
    let design_panel = design.closest("li").unwrap().unwrap();
    let mail = design_panel
        .query_selector("a.offres-button")
        .unwrap()
        .unwrap();
    assert_eq!(
        mail.get_attribute("href").as_deref(),
        Some("mailto:candidatures-dinum@pm.gouv.fr?subject=CMD-01")
    );
    // The other administrations' section and its link to metiers.numerique.gouv.fr.
    let elsewhere = root
        .query_selector("#offres-section-ailleurs")
        .unwrap()
        .unwrap();
    assert_eq!(text(&elsewhere), "Et aussi, dans d’autres administrations…");
    assert!(text(&root).contains("Présidence de la République"));
}

#[wasm_bindgen_test]
fn descriptions_are_text_never_markup() {
    let doc: offers_core::Document = serde_json::from_str(
        r#"[{"paragraph":[{"text":"<img src=x onerror=alert(1)> <b>gras</b>"},
            {"link":{"href":"javascript:alert(1)","content":[{"text":"piège"}]}},
            {"link":{"href":"https://beta.gouv.fr","content":[{"text":"beta"}]}}]},
            {"heading":{"level":1,"content":[{"text":"Mission"}]}}]"#,
    )
    .unwrap();
    let root = container();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <DocumentView doc=doc.clone() heading_level=5 /> },
    )
    .forget();
    assert!(
        all(&root, "img, b, script").is_empty(),
        "{}",
        root.inner_html()
    );
    assert!(text(&root).contains("<img src=x onerror=alert(1)> <b>gras</b>"));
    let links = all(&root, "a");
    assert_eq!(links.len(), 1, "only the https link is a link");
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("https://beta.gouv.fr")
    );
    assert!(text(&root).contains("piège"));
    assert_eq!(all(&root, "h5").len(), 1);
}

#[wasm_bindgen_test]
async fn loading_is_announced_then_the_board_replaces_it() {
    let root = mount_board(data_url("application/json", DEFAULT_BUNDLE));
    let status = root.query_selector("[role=status]").unwrap().unwrap();
    assert_eq!(text(&status), "Chargement des offres…");
    wait_for(&root, "li.offres-panel").await;
    assert_eq!(text(&status), "23 offres chargées");
    assert!(root.query_selector(".offres-loading").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn missing_bundle_shows_a_french_error_and_a_retry_button() {
    let root = mount_board("/ce-fichier-n-existe-pas.json".into());
    let alert = wait_for(&root, "[role=alert]").await;
    assert!(text(&alert).contains("Les offres n'ont pas pu être chargées"));
    assert!(
        text(&alert).contains("introuvable (erreur 404)"),
        "{}",
        text(&alert)
    );
    let button = alert.query_selector("button").unwrap().unwrap();
    assert_eq!(text(&button), "Réessayer");
    assert!(all(&root, "li.offres-panel").is_empty());
}

#[wasm_bindgen_test]
async fn unknown_version_is_explained_and_retry_loads_again() {
    let root = mount_board(data_url("application/json", UNKNOWN_VERSION));
    let alert = wait_for(&root, "[role=alert]").await;
    assert!(text(&alert).contains("version 3"), "{}", text(&alert));
    let button: HtmlElement = alert
        .query_selector("button")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    leptos::task::tick().await;
    // The retry goes back through the loading state, then fails the same way.
    let status = root.query_selector("[role=status]").unwrap().unwrap();
    assert_eq!(text(&status), "Chargement des offres…");
    assert!(root.query_selector("[role=alert]").unwrap().is_none());
    let alert = wait_for(&root, "[role=alert]").await;
    assert!(text(&alert).contains("version 3"));
}

#[wasm_bindgen_test]
async fn a_file_that_is_not_json_is_reported() {
    let root = mount_board(data_url("text/html", NOT_JSON));
    let alert = wait_for(&root, "[role=alert]").await;
    assert!(text(&alert).contains("illisible"), "{}", text(&alert));
}

#[wasm_bindgen_test]
async fn one_invalid_offer_is_skipped_and_counted() {
    let root = mount_board(data_url("application/json", ONE_INVALID));
    wait_for(&root, "li.offres-panel").await;
    assert_eq!(all(&root, "li.offres-panel").len(), 2);
    assert!(!text(&root).contains("Offre piégée"));
    assert!(all(&root, "a").iter().all(|a| !a
        .get_attribute("href")
        .unwrap_or_default()
        .starts_with("javascript")));
    let notice = root.query_selector(".offres-notice").unwrap().unwrap();
    assert_eq!(
        text(&notice),
        "1 offre n'a pas pu être affichée car ses données sont invalides."
    );
}

#[wasm_bindgen_test]
async fn offers_in_columns_are_read_and_a_broken_one_skipped_alone() {
    let root = mount_board(data_url("application/json", COLUMNS_ONE_INVALID));
    wait_for(&root, "li.offres-panel").await;
    let status = root.query_selector("[role=status]").unwrap().unwrap();
    assert_eq!(text(&status), "22 offres chargées");
    assert!(text(&root).contains("Chef/fe du Pôle Datalab H/F"));
    assert!(!text(&root).contains("Ingénieur data H/F"));
    let notice = root.query_selector(".offres-notice").unwrap().unwrap();
    assert_eq!(
        text(&notice),
        "1 offre n'a pas pu être affichée car ses données sont invalides."
    );
}

#[wasm_bindgen_test]
async fn an_empty_bundle_says_so() {
    let root = mount_board(data_url("application/json", EMPTY));
    let empty = wait_for(&root, ".offres-empty").await;
    assert_eq!(
        text(&empty),
        "Aucune offre n'est publiée pour le moment. Revenez bientôt !"
    );
    assert!(all(&root, "li.offres-panel").is_empty());
}

#[wasm_bindgen_test]
fn board_in_english_keeps_offers_french() {
    let (root, _) = mount_default_board(Lang::En);

    assert_eq!(
        text(&root.query_selector(".offres-count").unwrap().unwrap()),
        "22 offers"
    );
    assert_eq!(
        text(
            &root
                .query_selector(".offres-search__label")
                .unwrap()
                .unwrap()
        ),
        "Search the offers"
    );
    let legends: Vec<String> = all(&root, "legend").iter().map(text).collect();
    assert!(legends.contains(&"Job family".to_string()), "{legends:?}");
    // Data in French: marked; our labels in English: not.
    let first = &all(&root, "li.offres-panel")[0];
    let title = first
        .query_selector(".offres-panel__title")
        .unwrap()
        .unwrap();
    assert_eq!(title.get_attribute("lang").as_deref(), Some("fr"));
    let action = first
        .query_selector(".offres-panel__action a")
        .unwrap()
        .unwrap();
    assert!(text(&action).starts_with("View the offer"));
    let lang_of = |e: &Element| e.closest("[lang]").unwrap().unwrap().get_attribute("lang");
    assert_eq!(lang_of(&action).as_deref(), Some("en"));
    let employer = first
        .query_selector(".offres-panel__employer")
        .unwrap()
        .unwrap();
    assert_eq!(lang_of(&employer).as_deref(), Some("fr"));
    for family in all(&root, ".offres-family__title") {
        assert_eq!(family.get_attribute("lang").as_deref(), Some("fr"));
    }
    let grades: Vec<String> = all(&root, "#offres-categorie-a + label")
        .iter()
        .map(text)
        .collect();
    assert!(
        grades.iter().all(|g| g.starts_with("Category A")),
        "{grades:?}"
    );
}
