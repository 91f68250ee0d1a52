use std::sync::Arc;

use leptos::prelude::*;
use offers_core::saved::Saved;
use offers_core::{Date, LoadedBundle, SearchIndex};

use super::{
    ActiveFilters, DocumentView, Facets, FilterPanel, FollowLink, Heading, OfferPage, ResultCount,
    ResultList, RetiredOffers, SearchBox, SortControl,
};
use crate::i18n;
use crate::ready::Ready;
use crate::url_state::{Mount, UrlState};

/// The loaded board: the list with its search and filters, or an offer's page (`?offre=ID`).
/// The query lives in the URL; results are derived from it.
#[component]
pub fn Board(
    ready: Ready,
    /// Where the board is shown (the standalone page by default).
    #[prop(optional)]
    mount: Mount,
) -> impl IntoView {
    let t = i18n::t();
    let Ready {
        loaded,
        index,
        today,
    } = ready;
    let state = mount.state(index.clone());
    // The saved offers still in the bundle (the "Sauvegardées" option and its count) and those
    // withdrawn from it (listed apart).
    let saved = use_context::<crate::saved::SavedOffers>();
    let saved_split = {
        let loaded = loaded.clone();
        Memo::new(move |_| {
            saved.map_or_else(Default::default, |s| {
                s.list
                    .with(|l| offers_core::saved::split(l, &loaded.bundle))
            })
        })
    };
    let results = {
        let index = index.clone();
        Memo::new(move |_| {
            state
                .query
                .with(|q| saved_split.with(|(ids, _)| index.search_among(q, today, ids)))
        })
    };
    // The offer page shown, if the URL names an offer that has one.
    let page = {
        let loaded = loaded.clone();
        Memo::new(move |_| {
            state.offer.get().and_then(|id| {
                loaded
                    .bundle
                    .offers
                    .iter()
                    .position(|o| o.id == id && o.has_text())
            })
        })
    };
    if matches!(mount, Mount::Page) {
        let loaded = loaded.clone();
        Effect::new(move |_| {
            let title = match page.get() {
                Some(i) => format!(
                    "{} – {}",
                    loaded.bundle.offers[i].title, loaded.bundle.page.title
                ),
                None => t.list_title(&loaded.bundle.page.title),
            };
            document().set_title(&title);
        });
    }
    move || match page.get() {
        Some(i) => {
            let offer = loaded.bundle.offers[i].clone();
            let family_label = loaded
                .bundle
                .family_label(&offer.family)
                .unwrap_or_default()
                .to_string();
            let back_href = state.href(&state.query.get_untracked(), None);
            let text_file = offer
                .text_file
                .and_then(|k| loaded.bundle.text_files.get(k as usize).cloned());
            view! { <OfferPage offer family_label back_href today state text_file /> }.into_any()
        }
        None => list_page(
            state,
            loaded.clone(),
            index.clone(),
            results,
            saved_split,
            today,
        )
        .into_any(),
    }
}

fn list_page(
    state: UrlState,
    loaded: Arc<LoadedBundle>,
    index: Arc<SearchIndex>,
    results: Memo<offers_core::Results>,
    saved_split: Memo<(Vec<u32>, Vec<Saved>)>,
    today: Date,
) -> impl IntoView {
    let t = i18n::t();
    provide_context(crate::focus::SearchField(NodeRef::new()));
    let bundle = &loaded.bundle;
    let skipped = loaded.skipped.len();
    let empty = bundle.offers.is_empty();
    let facet_index = index.clone();
    let title = bundle.page.title.clone();
    view! {
        <Heading level=1 class="offres-title" fr=true>{title}</Heading>
        <div lang="fr">
            <DocumentView doc=bundle.page.intro.clone() />
        </div>
        {(skipped > 0).then(|| view! { <p class="offres-notice">{t.skipped(skipped)}</p> })}
        {if empty {
            view! { <p class="offres-empty">{t.empty}</p> }.into_any()
        } else {
            view! {
                <div class="offres-layout">
                    <FilterPanel state>
                        <SearchBox state />
                        <SortControl state results />
                        <Facets state index=facet_index results />
                    </FilterPanel>
                    <div class="offres-layout__results">
                        <ActiveFilters state index=index.clone() />
                        <ResultCount state results />
                        <FollowLink state />
                        <ResultList state loaded=loaded.clone() results today />
                        <RetiredOffers state saved_split />
                    </div>
                </div>
            }
            .into_any()
        }}
    }
}
