use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use offers_core::{Date, LoadedBundle, SearchIndex};

use crate::api::{fetch_bundle, LoadError, DEFAULT_BUNDLE_URL};
use crate::components::{Board, LoadErrorView, Preferences};
use crate::i18n::Lang;
use crate::prefs;

/// The standalone page: the board fed by the bundle beside it.
#[component]
pub fn App() -> impl IntoView {
    view! { <OfferBoard src=DEFAULT_BUNDLE_URL /> }
}

/// Today, from the browser's clock (tests set the clock through the browser).
pub fn today() -> Date {
    let ms = js_sys::Date::now();
    Date::from_unix_days((ms / 86_400_000.0).floor() as i64)
        .unwrap_or(Date::new(2026, 1, 1).expect("a date"))
}

#[derive(Clone)]
enum LoadState {
    Loading,
    Ready(Arc<LoadedBundle>, Arc<SearchIndex>),
    Failed(LoadError),
}

/// How a widget starts: its filters (`famille=design&lieu=paris`), the standalone board's
/// address (for links opened in a new tab) and its interface language (its `lang` attribute).
#[derive(Clone, Debug, Default)]
pub struct WidgetOptions {
    pub filters: String,
    pub board_url: String,
    pub lang: String,
}

/// Loads the bundle at `src` and shows the board, or the loading or error state.
///
/// A plain signal of three states rather than a `LocalResource`: a retry must show the loading
/// state again (a resource keeps its last value while it refetches), and the status region below
/// follows the same signal, so what is shown and what is announced never disagree.
#[component]
pub fn OfferBoard(
    #[prop(into)] src: String,
    /// Set when the board is a widget in a host page.
    #[prop(optional)]
    widget: Option<WidgetOptions>,
) -> impl IntoView {
    // The language is chosen once: the standalone board reloads to change it (see Preferences);
    // a widget takes its element's `lang`.
    let lang = match &widget {
        Some(w) => Lang::from_tag(&w.lang),
        None => prefs::stored_lang(),
    };
    provide_context(lang);
    let t = lang.strings();
    let standalone = widget.is_none();
    if standalone {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", t.code);
        }
    }
    let state = RwSignal::new_local(LoadState::Loading);
    let load = move |src: String| {
        state.set(LoadState::Loading);
        spawn_local(async move {
            let fetched = fetch_bundle(&src).await;
            next_task().await;
            state.set(match fetched {
                Ok(loaded) => {
                    // Built once per bundle; every query after this reads only the index.
                    let index = Arc::new(SearchIndex::new(&loaded.bundle));
                    mark("offres:index");
                    next_task().await;
                    LoadState::Ready(loaded, index)
                }
                Err(error) => LoadState::Failed(error),
            });
        });
    };
    load(src.clone());
    let retry = {
        let src = src.clone();
        Callback::new(move |()| load(src.clone()))
    };
    // The service worker found a newer bundle than the one shown: offer to show it.
    let updated = RwSignal::new(false);
    let handle = window_event_listener_untyped("offres:bundle-updated", move |_| updated.set(true));
    on_cleanup(move || handle.remove());
    let show_update = move |_| {
        updated.set(false);
        load(src.clone());
    };

    // Announced politely by screen readers; the region stays in the page so changes are heard.
    let status = move || match state.get() {
        LoadState::Loading => t.loading.to_string(),
        LoadState::Ready(loaded, _) => t.loaded(loaded.bundle.offers.len()),
        LoadState::Failed(_) => String::new(),
    };
    view! {
        <div class="offres" lang=t.code>
            {standalone.then(|| view! { <Preferences /> })}
            <p class="offres-sr-only" role="status">{status}</p>
            <div role="status">
                <Show when=move || updated.get()>
                    <div class="offres-update">
                        <p class="offres-update__text">{t.updated}</p>
                        <button type="button" class="offres-button" on:click=show_update.clone()>
                            {t.show_updated}
                        </button>
                    </div>
                </Show>
            </div>
            {move || match state.get() {
                LoadState::Loading => view! {
                    <h1 class="offres-title">{t.default_title}</h1>
                    <p class="offres-loading" aria-hidden="true">{t.loading}</p>
                }
                .into_any(),
                LoadState::Ready(loaded, index) => {
                    let widget = widget.clone();
                    view! { <Board loaded index today=today() widget=widget /> }.into_any()
                }
                LoadState::Failed(error) => view! {
                    <h1 class="offres-title">{t.default_title}</h1>
                    <LoadErrorView error on_retry=retry />
                }
                .into_any(),
            }}
        </div>
    }
}

/// Ends the current task: reading, indexing and rendering the bundle each run in a task of their
/// own, so that the page keeps answering input in between (no single long task: Lighthouse TBT).
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A performance mark the browser benchmarks read (`performance.getEntriesByName`).
pub fn mark(name: &str) {
    if let Some(perf) = window().performance() {
        let _ = perf.mark(name);
    }
}
