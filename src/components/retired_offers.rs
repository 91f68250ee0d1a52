use leptos::prelude::*;
use offers_core::saved::Saved;
use offers_core::Facet;

use crate::i18n;
use crate::saved::SavedOffers;
use crate::url_state::UrlState;

/// With "Sauvegardées" on: the saved offers the bundle no longer has (`saved_split`'s second
/// part, from the board), each marked "Offre retirée" with its title as it was saved, until the
/// visitor removes it. A plain list (a section with headings and cards of its own measured 0.8 KB
/// brotli more in the module).
#[component]
pub fn RetiredOffers(
    state: UrlState,
    /// The saved offers still in the bundle, and those withdrawn from it.
    saved_split: Memo<(Vec<u32>, Vec<Saved>)>,
) -> impl IntoView {
    let saved = use_context::<SavedOffers>()?;
    let t = i18n::t();
    let items = move || {
        if state.query.with(|q| q.selected(Facet::Saved).is_empty()) {
            return Vec::new();
        }
        saved_split.with(|(_, retired)| {
            retired
                .iter()
                .map(|s| {
                    let (id, title) = (s.id.clone(), s.title.clone());
                    view! {
                        <li class="offres-panel offres-panel--inactive">
                            <p class="offres-panel__title" lang="fr">{title.clone()}</p>
                            <p class="offres-badge">{t.retired}</p>
                            <button
                                type="button"
                                class="offres-button offres-button--secondary"
                                on:click=move |_| saved.toggle(&id, "")
                            >
                                {t.forget}
                                <span class="offres-sr-only">" : " <span lang="fr">{title}</span></span>
                            </button>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    // An empty list is left out of the accessibility tree (`.offres-retired:empty` has no display).
    Some(
        view! { <ul class="offres-wrapper offres-retired" role="list" aria-label=t.retired_heading>{items}</ul> },
    )
}
