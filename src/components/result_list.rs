use std::sync::Arc;

use leptos::prelude::*;
use offers_core::{Date, LoadedBundle, Query, Results, Section, Sort};

use super::{show_when, FamilySection, Heading, OfferCard, SectionBlock};
use crate::i18n;
use crate::url_state::UrlState;

/// How many more cards each "Afficher plus" shows (and how many are shown first). 24 fills every
/// row of the newest-first grid at one to four columns (50 left one card alone on a row of
/// three), and a keystroke that changes the page makes half the cards 50 did: key → next frame
/// at 10 000 offers, median 11.7 → 7.6 ms, p95 34.5 → 23.7 ms (scripts/bench-browser.mjs, two
/// runs each, interleaved).
pub const PAGE: usize = 24;

/// While the app's board is made aside to take over the one rendered at build time
/// (`crate::take_over`): how many cards it may hold yet. The first page is made a few cards per
/// task (`OfferBoard`), not all in one: in one task, the default board took 32 to 45 ms (Lighthouse's
/// trace on this machine), 130 to 180 ms on its emulated phone, most of its total blocking time.
/// Aside, the cards cost no layout, and the visitor sees the board only once it is whole.
#[derive(Clone, Copy)]
pub struct Filling(RwSignal<usize>);

impl Filling {
    /// Cards made per task: about 0.7 ms each here, four times that on Lighthouse's phone.
    const STEP: usize = 8;

    /// How many cards the board aside may hold yet.
    pub fn cards(self) -> usize {
        Self::cards_at(self.0.get())
    }

    /// How many cards a board holds at step `step` (0: none, nor the facets; 1: the facets; then
    /// `STEP` cards more at each step).
    fn cards_at(step: usize) -> usize {
        step.saturating_sub(1).saturating_mul(Self::STEP)
    }

    /// Whether the facets are made yet.
    pub fn facets(self) -> bool {
        self.0.get() >= 1
    }
}

#[cfg(not(feature = "ssr"))]
impl Filling {
    /// An empty board aside, for [`Filling::fill`].
    pub fn empty() -> Filling {
        Filling(RwSignal::new(0))
    }

    /// Fills the board aside, a step per task, up to its first page; then it is whole.
    pub async fn fill(self) {
        while self.0.with_untracked(|&step| Self::cards_at(step) < PAGE) {
            self.0.update(|s| *s += 1);
            crate::browser::next_task().await;
        }
        self.whole();
    }

    /// Lets the board be whole at once.
    pub fn whole(self) {
        self.0.set(usize::MAX);
    }
}

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
    let filling = use_context::<Filling>();
    let shown = move || {
        let (for_query, n) = more.get();
        let n = if state.query.with(|q| *q == for_query) {
            n
        } else {
            PAGE
        };
        filling.map_or(n, |f| n.min(f.cards()))
    };
    // The results shown, and how they are laid out: what the lists below are keyed on.
    let visible = Memo::new(move |_| {
        let n = shown();
        results.with(|r| r.offers[..n.min(r.offers.len())].to_vec())
    });
    let sort = Memo::new(move |_| state.query.with(|q| q.sort));
    let groups = {
        let loaded = loaded.clone();
        Memo::new(move |_| visible.with(|v| loaded.bundle.group_indices(v)))
    };
    // A card, made once for as long as its offer stays in the list (keyed by the offer's index,
    // as leptos' todomvc keys its items): its link follows the query.
    let card = {
        let loaded = loaded.clone();
        move |i: u32, level: u8| {
            let offer = loaded.bundle.offers[i as usize].clone();
            let page_href = offer.has_text().then(|| {
                let id = offer.id.clone();
                Signal::derive(move || state.query.with(|q| state.href(q, Some(&id))))
            });
            view! { <OfferCard offer today state page_href heading_level=level /> }.into_any()
        }
    };
    let list = move || match sort.get() {
        Sort::Family => {
            let (loaded, card) = (loaded.clone(), card.clone());
            let sections = move || groups.with(|gs| gs.iter().map(|g| g.section as u32).collect());
            keyed(
                Arc::new(sections),
                Arc::new(move |s| {
                    let section = if s == 0 {
                        Section::Own
                    } else {
                        Section::Elsewhere
                    };
                    let text = loaded
                        .bundle
                        .page
                        .sections
                        .iter()
                        .find(|t| t.section == section)
                        .cloned();
                    let families = move || {
                        groups.with(|gs| {
                            let group = gs.iter().find(|g| g.section == section);
                            group.map_or_else(Vec::new, |g| {
                                g.families.iter().map(|(fi, _)| *fi as u32).collect()
                            })
                        })
                    };
                    let (loaded, card) = (loaded.clone(), card.clone());
                    let family = move |fi: u32| {
                        let offers = move || {
                            groups.with(|gs| {
                                let group = gs.iter().find(|g| g.section == section);
                                let family = group
                                    .and_then(|g| g.families.iter().find(|(f, _)| *f as u32 == fi));
                                family.map_or_else(Vec::new, |(_, offers)| offers.clone())
                            })
                        };
                        let card = card.clone();
                        let cards = keyed(Arc::new(offers), Arc::new(move |i| card(i, 4)));
                        view! {
                            <FamilySection family=loaded.bundle.families[fi as usize].clone() id_prefix=format!("famille-{}", section.key())>
                                {cards}
                            </FamilySection>
                        }
                        .into_any()
                    };
                    let families = keyed(Arc::new(families), Arc::new(family));
                    view! { <SectionBlock section text>{families}</SectionBlock> }.into_any()
                }),
            )
        }
        Sort::Newest => {
            let card = card.clone();
            let cards = keyed(
                Arc::new(move || visible.get()),
                Arc::new(move |i| card(i, 3)),
            );
            view! {
                <section class="offres-section" aria-labelledby="offres-recentes">
                    <Heading level=2 class="offres-section__title" id="offres-recentes">{t.newest_heading}</Heading>
                    <ul class="offres-wrapper" role="list">{cards}</ul>
                </section>
            }
            .into_any()
        }
    };
    let remaining = move || results.with(|r| r.offers.len().saturating_sub(shown()));
    let show_more = move |_| {
        let q = state.query.get_untracked();
        let n = shown();
        more.set((q, n + PAGE));
    };
    view! {
        <div class="offres-results">{list}</div>
        {show_when(
            Arc::new(move || remaining() > 0),
            Arc::new(move || {
                view! {
                    <p class="offres-more">
                        <button type="button" class="offres-button" on:click=show_more>
                            {move || t.show_more(PAGE.min(remaining()), remaining())}
                        </button>
                    </p>
                }
                .into_any()
            }),
        )}
    }
}

type Each = Arc<dyn Fn() -> Vec<u32> + Send + Sync>;
type Child = Arc<dyn Fn(u32) -> AnyView + Send + Sync>;

/// A keyed list (`<For>`): items made once and kept while their key stays. One function for the
/// sections, the families and the cards, so that the module holds one copy of `For`'s generic
/// code rather than one per list (four `<For>` of their own cost 5.7 KB brotli, this one 3.5 KB).
fn keyed(each: Each, child: Child) -> AnyView {
    view! { <For each=move || each() key=|i: &u32| *i children=move |i| child(i) /> }.into_any()
}
