use leptos::prelude::*;
use offers_core::LoadedBundle;

use super::{DocumentView, SectionBlock};
use crate::i18n;

/// The loaded board: the page's title and introduction, a notice for skipped offers, then each
/// section with its families (or a message when there is no offer at all).
#[component]
pub fn Board(loaded: std::rc::Rc<LoadedBundle>) -> impl IntoView {
    let bundle = &loaded.bundle;
    let skipped = loaded.skipped.len();
    let sections = bundle
        .grouped()
        .into_iter()
        .map(|g| {
            let families = g
                .families
                .into_iter()
                .map(|f| (f.family.clone(), f.offers.into_iter().cloned().collect()))
                .collect::<Vec<_>>();
            view! { <SectionBlock section=g.section text=g.text.cloned() families /> }
        })
        .collect_view();
    view! {
        <h1 class="offres-title">{bundle.page.title.clone()}</h1>
        <div class="offres-intro">
            <DocumentView doc=bundle.page.intro.clone() />
        </div>
        {(skipped > 0).then(|| view! { <p class="offres-notice">{i18n::skipped(skipped)}</p> })}
        {bundle.offers.is_empty().then(|| view! { <p class="offres-empty">{i18n::EMPTY}</p> })}
        {sections}
    }
}
