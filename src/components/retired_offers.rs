use std::sync::Arc;

use leptos::prelude::*;
use offers_core::{saved, Facet, LoadedBundle};

use super::Heading;
use crate::i18n;
use crate::saved::SavedOffers;
use crate::url_state::UrlState;

/// With "Sauvegardées" on: the saved offers the bundle no longer has, each marked "Offre
/// retirée" with its title as it was saved, until the visitor removes it.
#[component]
pub fn RetiredOffers(state: UrlState, loaded: Arc<LoadedBundle>) -> impl IntoView {
    let saved = use_context::<SavedOffers>()?;
    let t = i18n::t();
    let retired = move || {
        if state.query.with(|q| q.selected(Facet::Saved).is_empty()) {
            return Vec::new();
        }
        saved.list.with(|l| {
            saved::split(l, &loaded.bundle)
                .1
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    Some(move || {
        let list = retired();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|s| {
                    let title = s.title.clone();
                    view! {
                        <li class="offres-panel offres-panel--inactive">
                            <Heading level=3 class="offres-panel__title" fr=true>{s.title.clone()}</Heading>
                            <p class="offres-badge">{t.retired}</p>
                            <div class="offres-panel__action">
                                <button
                                    type="button"
                                    class="offres-button offres-button--secondary"
                                    on:click=move |_| saved.toggle(&s.id, "")
                                >
                                    {t.forget}
                                    <span class="offres-sr-only">" : " <span lang="fr">{title}</span></span>
                                </button>
                            </div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="offres-section" aria-labelledby="offres-retirees">
                    <Heading level=2 class="offres-section__title" id="offres-retirees">{t.retired_heading}</Heading>
                    <ul class="offres-wrapper" role="list">{items}</ul>
                </section>
            }
        })
    })
}
