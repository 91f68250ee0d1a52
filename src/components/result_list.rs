use std::sync::Arc;

use leptos::prelude::*;
use offers_core::{Date, LoadedBundle, Query, Results, Sort};

use super::{FamilySection, Heading, OfferCard, SectionBlock};
use crate::i18n;
use crate::url_state::UrlState;

/// How many more cards each "Afficher plus" shows (and how many are shown first).
pub const PAGE: usize = 50;

/// The results: grouped by section and family in the bundle's order, or one list newest first.
/// Only the first results are rendered, `PAGE` more at each "Afficher plus": a bundle of 10,000
/// offers never becomes 10,000 cards at once.
#[component]
pub fn ResultList(
    state: UrlState,
    loaded: Arc<LoadedBundle>,
    results: Memo<Results>,
    today: Date,
) -> impl IntoView {
    let t = i18n::t();
    // How many are shown, for which query: a new query starts again at PAGE (derived, no effect).
    let more = RwSignal::new((Query::default(), PAGE));
    let shown = move || {
        let (for_query, n) = more.get();
        if state.query.with(|q| *q == for_query) {
            n
        } else {
            PAGE
        }
    };
    let card = {
        let loaded = loaded.clone();
        move |i: u32, level: u8, q: &Query| {
            let offer = loaded.bundle.offers[i as usize].clone();
            let page_href = offer.has_text().then(|| state.href(q, Some(&offer.id)));
            view! { <OfferCard offer today state page_href heading_level=level /> }
        }
    };
    let list = move || {
        let q = state.query.get();
        let n = shown();
        results.with(|r| {
            let visible = &r.offers[..n.min(r.offers.len())];
            let bundle = &loaded.bundle;
            match q.sort {
                Sort::Family => bundle
                    .group_indices(visible)
                    .into_iter()
                    .map(|group| {
                        let text = bundle.page.sections.iter().find(|s| s.section == group.section).cloned();
                        let key = group.section.key();
                        let families = group
                            .families
                            .into_iter()
                            .map(|(fi, offers)| {
                                let cards = offers.into_iter().map(|i| card(i, 4, &q)).collect_view();
                                view! {
                                    <FamilySection family=bundle.families[fi].clone() id_prefix=format!("famille-{key}")>
                                        {cards}
                                    </FamilySection>
                                }
                            })
                            .collect_view();
                        view! { <SectionBlock section=group.section text>{families}</SectionBlock> }
                    })
                    .collect_view()
                    .into_any(),
                Sort::Newest => {
                    let cards = visible.iter().map(|&i| card(i, 3, &q)).collect_view();
                    view! {
                        <section class="offres-section" aria-labelledby="offres-recentes">
                            <Heading level=2 class="offres-section__title" id="offres-recentes">{t.newest_heading}</Heading>
                            <ul class="offres-wrapper" role="list">{cards}</ul>
                        </section>
                    }
                    .into_any()
                }
            }
        })
    };
    let remaining = move || results.with(|r| r.offers.len().saturating_sub(shown()));
    let show_more = move |_| {
        let q = state.query.get_untracked();
        let n = shown();
        more.set((q, n + PAGE));
    };
    view! {
        <div class="offres-results">{list}</div>
        <Show when=move || { remaining() > 0 }>
            <p class="offres-more">
                <button type="button" class="offres-button" on:click=show_more>
                    {move || t.show_more(PAGE.min(remaining()), remaining())}
                </button>
            </p>
        </Show>
    }
}
