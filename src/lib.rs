//! offres: the job-offer board, a Leptos CSR app. The domain lives in `offers-core`; this crate
//! only fetches the bundle and renders it.

pub mod api;
pub mod app;
pub mod components;
pub mod i18n;
pub mod prefs;
pub mod url_state;

pub use app::{App, OfferBoard};

/// Mounts the standalone app into `#offres` (the page's `<main>`). In a host page that only
/// loads the widget, there is no such element and nothing is mounted.
pub fn mount() {
    let target = leptos::prelude::document().get_element_by_id("offres");
    if let Some(element) =
        target.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        // The static list written at build time for browsers without JavaScript: the app replaces it.
        while let Some(child) = element.first_child() {
            let _ = element.remove_child(&child);
        }
        leptos::mount::mount_to(element, App).forget();
    }
}

/// Mounts a widget (called by widget.js for each `<offres-emploi>`): the board for the bundle at
/// `src`, starting from `filters`, in the language `lang`, inside `root` (in the element's shadow
/// root). Its state never touches the host page's URL.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_widget(
    root: web_sys::HtmlElement,
    src: String,
    filters: String,
    board_url: String,
    lang: String,
) {
    use leptos::prelude::*;
    let widget = app::WidgetOptions {
        filters,
        board_url,
        lang,
    };
    leptos::mount::mount_to(
        root,
        move || view! { <OfferBoard src=src.clone() widget=widget.clone() /> },
    )
    .forget();
}
