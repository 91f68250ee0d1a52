//! offres: the job-offer board, a Leptos CSR app. The domain lives in `offers-core`; this crate
//! only fetches the bundle and renders it.

pub mod api;
pub mod app;
pub mod components;
pub mod i18n;
pub mod url_state;

pub use app::{App, OfferBoard};

/// Mounts the app into `#offres` (the page's `<main>`), or into `<body>` when there is none.
pub fn mount() {
    let target = leptos::prelude::document().get_element_by_id("offres");
    match target.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        Some(element) => leptos::mount::mount_to(element, App).forget(),
        None => leptos::mount::mount_to_body(App),
    }
}
