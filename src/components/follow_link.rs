use leptos::prelude::*;
use offers_core::search::topic_feed;
use offers_core::Facet;

use crate::i18n;
use crate::url_state::UrlState;

/// "Suivre ces offres (Atom)": with one family, or else one place, selected, the link to the
/// feed `offers build` writes for it (`feeds/famille-….atom`, `feeds/lieu-….atom`).
#[component]
pub fn FollowLink(state: UrlState) -> impl IntoView {
    let t = i18n::t();
    let feed = move || {
        state.query.with(|q| {
            [Facet::Family, Facet::Location]
                .into_iter()
                .find_map(|f| match q.selected(f) {
                    [one] => topic_feed(f, one),
                    _ => None,
                })
        })
    };
    move || {
        feed().map(|path| {
            view! {
                <p class="offres-follow">
                    <a href=state.site_href(&path) type="application/atom+xml">{t.follow}</a>
                </p>
            }
        })
    }
}
