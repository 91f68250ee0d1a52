use std::sync::Arc;

use leptos::prelude::*;

use crate::api::{LoadError, DEFAULT_BUNDLE_URL};
use crate::components::{show_when, Board, Heading, HeadingOffset, LoadErrorView, Preferences};
use crate::i18n::Lang;
use crate::prefs;
use crate::ready::Ready;
use crate::url_state::Mount;

/// The standalone page: the board fed by the bundle beside it.
#[component]
pub fn App() -> impl IntoView {
    view! { <OfferBoard src=DEFAULT_BUNDLE_URL /> }
}

#[derive(Clone)]
enum LoadState {
    Loading,
    Ready(Ready),
    // The build-time render starts ready and never fails.
    #[cfg_attr(feature = "ssr", allow(dead_code))]
    Failed(LoadError),
}

/// Loads the bundle at `src` and shows the board, or the loading or error state.
///
/// A plain signal of three states rather than a `LocalResource`: a retry must show the loading
/// state again (a resource keeps its last value while it refetches), and the status region below
/// follows the same signal, so what is shown and what is announced never disagree.
///
/// The build-time renderer gives it the bundle (`ready`): nothing is fetched, and the markup is the
/// one the browser renders once the same bundle is loaded.
#[component]
pub fn OfferBoard(
    #[prop(into)] src: String,
    /// Where the board is shown: the standalone page (default), a widget, a build-time render.
    #[prop(optional)]
    mount: Mount,
    /// The bundle, already loaded (build-time render).
    #[prop(optional)]
    ready: Option<Ready>,
    /// Called once, when the board first shows the bundle or the reason it could not: the moment
    /// to put it in the place of the board rendered at build time (see `crate::take_over`).
    #[prop(optional)]
    on_shown: Option<Callback<()>>,
) -> impl IntoView {
    // The language is chosen once: the standalone board reloads to change it (see Preferences);
    // a widget takes its element's `lang`; the build-time render is French.
    let lang = match &mount {
        Mount::Widget(w) => Lang::from_tag(&w.lang),
        Mount::Page => prefs::stored_lang(),
        Mount::Static { .. } => Lang::Fr,
    };
    provide_context(lang);
    // A widget's headings move down under its host page's; the standalone board's title is the h1.
    if let Mount::Widget(w) = &mount {
        provide_context(HeadingOffset(w.heading_level.clamp(1, 6) - 1));
    }
    // Saving offers is offered on the board's own pages, never in a host page's storage.
    if !matches!(mount, Mount::Widget(_)) {
        provide_context(crate::saved::SavedOffers::load(&src));
    }
    provide_context(crate::api::BundleUrl(src.clone()));
    let t = lang.strings();
    let standalone = !matches!(mount, Mount::Widget(_));
    let state = RwSignal::new_local(ready.map_or(LoadState::Loading, LoadState::Ready));
    #[cfg(not(feature = "ssr"))]
    let (retry, show_update, updated) = {
        use crate::browser::{mark, next_task, today};
        if matches!(mount, Mount::Page) {
            if let Some(html) = document().document_element() {
                let _ = html.set_attribute("lang", t.code);
            }
        }
        // A board made aside for a take-over is filled a few cards per task.
        let filling = on_shown.is_some().then(|| {
            let filling = crate::components::Filling::empty();
            provide_context(filling);
            filling
        });
        let shown = StoredValue::new(on_shown);
        let load = move |src: String| {
            state.set(LoadState::Loading);
            leptos::task::spawn_local(async move {
                // The fetch starts in a task of its own, apart from the mount's first render.
                next_task().await;
                let fetched = crate::api::fetch_bundle(&src).await;
                next_task().await;
                let ok = fetched.is_ok();
                // Filled in steps only before the take-over: a later load (a retry, a newer
                // bundle) shows whole at once.
                let aside = shown.with_value(Option::is_some);
                if let Some(filling) = filling.filter(|_| !aside) {
                    filling.whole();
                }
                state.set(match fetched {
                    Ok(loaded) => {
                        let ready = Ready::build(loaded, today()).await;
                        mark("offres:index");
                        next_task().await;
                        LoadState::Ready(ready)
                    }
                    Err(error) => LoadState::Failed(error),
                });
                // The view has changed with the state; the next task sees it in the document.
                next_task().await;
                if let Some(filling) = filling.filter(|_| ok && aside) {
                    filling.fill().await;
                }
                if let Some(shown) = shown.try_update_value(Option::take).flatten() {
                    shown.run(());
                }
            });
        };
        if matches!(state.get_untracked(), LoadState::Loading) {
            load(src.clone());
        }
        let retry = {
            let src = src.clone();
            Callback::new(move |()| load(src.clone()))
        };
        // The service worker found a newer bundle than the one shown: offer to show it.
        let updated = RwSignal::new(false);
        let handle =
            window_event_listener_untyped(crate::shared_names::BUNDLE_UPDATED, move |_| {
                updated.set(true)
            });
        on_cleanup(move || handle.remove());
        let show_update = Callback::new(move |()| {
            updated.set(false);
            load(src.clone());
        });
        (retry, show_update, updated)
    };
    #[cfg(feature = "ssr")]
    let (retry, show_update, updated) = {
        let _ = (src, on_shown);
        (
            Callback::new(|()| ()),
            Callback::new(|()| ()),
            RwSignal::new(false),
        )
    };

    // Announced politely by screen readers; the region stays in the page so changes are heard.
    let status = move || match state.get() {
        LoadState::Loading => t.loading.to_string(),
        LoadState::Ready(ready) => t.loaded(ready.loaded.bundle.offers.len()),
        LoadState::Failed(_) => String::new(),
    };
    view! {
        <div class="offres" lang=t.code>
            <p class="offres-sr-only" role="status">{status}</p>
            <div role="status">
                {show_when(
                    Arc::new(move || updated.get()),
                    Arc::new(move || {
                        view! {
                            <div class="offres-update">
                                <p class="offres-update__text">{t.updated}</p>
                                <button type="button" class="offres-button" on:click=move |_| show_update.run(())>
                                    {t.show_updated}
                                </button>
                            </div>
                        }
                        .into_any()
                    }),
                )}
            </div>
            {move || match state.get() {
                LoadState::Loading => view! {
                    <Heading level=1 class="offres-title">{t.default_title}</Heading>
                    <p class="offres-loading" aria-hidden="true">{t.loading}</p>
                }
                .into_any(),
                LoadState::Ready(ready) => {
                    let mount = mount.clone();
                    view! { <Board ready mount /> }.into_any()
                }
                LoadState::Failed(error) => view! {
                    <Heading level=1 class="offres-title">{t.default_title}</Heading>
                    <LoadErrorView error on_retry=retry />
                }
                .into_any(),
            }}
            {standalone.then(|| view! { <Preferences /> })}
        </div>
    }
}
