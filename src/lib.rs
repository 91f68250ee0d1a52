//! offres: the job-offer board, a Leptos app. The domain lives in `offers-core`; this crate
//! fetches the bundle and renders it: in the browser (`csr`), and at build time (`ssr`, by
//! `offers site` in crates/offers-cli), where the same components write the static board and
//! offer pages.

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod focus;
pub mod i18n;
pub mod prefs;
pub mod ready;
#[cfg(feature = "ssr")]
pub mod render;
pub mod saved;
pub mod shared_names;
mod take_over;
pub mod url_state;

pub use app::{App, OfferBoard};

/// Starts the standalone app in `#offres` (the page's `<main>`). When the page carries the board
/// rendered at build time, the app renders the same board aside and takes its place once it has
/// the bundle (see `take_over`). In a host page that only loads the widget, there is no such
/// element and nothing is mounted.
///
/// The mount waits for a task of its own: the module's compilation and instantiation end the
/// task they run in, rather than the app's first render being added to it (Lighthouse's total
/// blocking time counts each task's excess over 50 ms on its phone).
pub fn mount() {
    wasm_bindgen_futures::spawn_local(async {
        browser::next_task().await;
        let target = leptos::prelude::document().get_element_by_id("offres");
        if let Some(element) =
            target.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            take_over::start(element);
        }
    });
}

/// Mounts a widget (called by widget.js for each `<offres-emploi>`): the board for the bundle at
/// `src`, starting from `filters`, in the language `lang`, its title a heading of `heading_level`
/// (its `heading-level` attribute: 2 unless it says otherwise, never a second `h1` in the host
/// page), inside `root` (in the element's shadow root). Its state never touches the host page's
/// URL.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn mount_widget(
    root: web_sys::HtmlElement,
    src: String,
    filters: String,
    board_url: String,
    lang: String,
    heading_level: String,
) {
    use leptos::prelude::*;
    let mount = url_state::Mount::Widget(url_state::WidgetOptions {
        filters,
        board_url,
        lang,
        heading_level: heading_level.trim().parse().unwrap_or(2),
    });
    leptos::mount::mount_to(
        root,
        move || view! { <OfferBoard src=src.clone() mount=mount.clone() /> },
    )
    .forget();
}
