use std::sync::Arc;

use leptos::prelude::*;
use offers_core::{Facet, Query, SearchIndex};

use super::show_when;
use crate::focus::{refocus, SearchField};
use crate::i18n;
use crate::url_state::UrlState;

/// The active filters as removable chips, and "Réinitialiser" to clear everything.
#[component]
pub fn ActiveFilters(state: UrlState, index: Arc<SearchIndex>) -> impl IntoView {
    let t = i18n::t();
    let search = use_context::<SearchField>();
    let container = NodeRef::new();
    let chips = move || {
        let q = state.query.get();
        let mut chips = Vec::new();
        for facet in Facet::ALL {
            for value in q.selected(facet) {
                let (label, from_data) = index
                    .options(facet)
                    .iter()
                    .find(|o| &o.value == value)
                    .map_or_else(
                        || (value.clone(), true),
                        |o| t.option_label(facet, &o.value, &o.label),
                    );
                let value = value.clone();
                let remove = move |_| {
                    let mut q = state.query.get_untracked();
                    q.selected_mut(facet).retain(|v| *v != value);
                    state.set_query(q, false);
                    refocus(search, Some(container));
                };
                chips.push(
                    view! {
                        <li>
                            <button type="button" class="offres-chip" on:click=remove>
                                <span class="offres-sr-only">{t.facet_label(facet)} " : "</span>
                                <span lang=from_data.then_some("fr")>{label}</span>
                                <span class="offres-sr-only">" – " {t.remove_filter}</span>
                                <span class="offres-chip__cross" aria-hidden="true">" ×"</span>
                            </button>
                        </li>
                    }
                    .into_any(),
                );
            }
        }
        chips
    };
    let reset = move |_| {
        state.clear_filters();
        refocus(search, None);
    };
    view! {
        {show_when(
            Arc::new(move || !state.query.with(Query::is_unfiltered)),
            Arc::new(move || {
                view! {
                    <div class="offres-active" node_ref=container>
                        <p class="offres-active__title" id="offres-filtres-actifs">{t.active_filters}</p>
                        <ul class="offres-active__list" role="list" aria-labelledby="offres-filtres-actifs">{chips.clone()}</ul>
                        <button type="button" class="offres-button offres-button--secondary" on:click=reset>{t.reset}</button>
                    </div>
                }
                .into_any()
            }),
        )}
    }
}
