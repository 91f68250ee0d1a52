use std::sync::Arc;

use leptos::prelude::*;
use offers_core::{Query, Results};

use super::show_when;
use crate::focus::{refocus, SearchField};
use crate::i18n;
use crate::url_state::UrlState;

/// How many offers match, in a polite live region; with none, a message and a way out.
#[component]
pub fn ResultCount(state: UrlState, results: Memo<Results>) -> impl IntoView {
    let t = i18n::t();
    let count = move || results.with(|r| r.offers.len());
    let search = use_context::<SearchField>();
    let reset = move |_| {
        state.clear_filters();
        refocus(search, None);
    };
    view! {
        <p class="offres-count" role="status">
            {move || if count() == 0 { t.no_result.to_string() } else { t.offers_count(count()) }}
        </p>
        {show_when(
            Arc::new(move || count() == 0 && !state.query.with(Query::is_unfiltered)),
            Arc::new(move || {
                view! { <button type="button" class="offres-button" on:click=reset>{t.reset_search}</button> }
                    .into_any()
            }),
        )}
    }
}
