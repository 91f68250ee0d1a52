use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use offers_core::LoadedBundle;

use crate::api::{fetch_bundle, LoadError, DEFAULT_BUNDLE_URL};
use crate::components::{Board, LoadErrorView};
use crate::i18n;

/// The standalone page: the board fed by the bundle beside it.
#[component]
pub fn App() -> impl IntoView {
    view! { <OfferBoard src=DEFAULT_BUNDLE_URL /> }
}

#[derive(Clone)]
enum LoadState {
    Loading,
    Ready(Rc<LoadedBundle>),
    Failed(LoadError),
}

/// Loads the bundle at `src` and shows the board, or the loading or error state.
///
/// A plain signal of three states rather than a `LocalResource`: a retry must show the loading
/// state again (a resource keeps its last value while it refetches), and the status region below
/// follows the same signal, so what is shown and what is announced never disagree.
#[component]
pub fn OfferBoard(#[prop(into)] src: String) -> impl IntoView {
    let state = RwSignal::new_local(LoadState::Loading);
    let load = move |src: String| {
        state.set(LoadState::Loading);
        spawn_local(async move {
            state.set(match fetch_bundle(&src).await {
                Ok(loaded) => LoadState::Ready(loaded),
                Err(error) => LoadState::Failed(error),
            });
        });
    };
    load(src.clone());
    let retry = Callback::new(move |()| load(src.clone()));

    // Announced politely by screen readers; the region stays in the page so changes are heard.
    let status = move || match state.get() {
        LoadState::Loading => i18n::LOADING.to_string(),
        LoadState::Ready(loaded) => i18n::loaded(loaded.bundle.offers.len()),
        LoadState::Failed(_) => String::new(),
    };
    view! {
        <div class="offres" lang="fr">
            <p class="offres-sr-only" role="status">{status}</p>
            {move || match state.get() {
                LoadState::Loading => view! {
                    <h1 class="offres-title">{i18n::DEFAULT_TITLE}</h1>
                    <p class="offres-loading" aria-hidden="true">{i18n::LOADING}</p>
                }
                .into_any(),
                LoadState::Ready(loaded) => view! { <Board loaded /> }.into_any(),
                LoadState::Failed(error) => view! {
                    <h1 class="offres-title">{i18n::DEFAULT_TITLE}</h1>
                    <LoadErrorView error on_retry=retry />
                }
                .into_any(),
            }}
        </div>
    }
}
