use leptos::prelude::*;
use offers_core::Query;

use crate::focus::SearchField;
use crate::i18n;
use crate::url_state::UrlState;

/// The search field: results follow each keystroke.
#[component]
pub fn SearchBox(state: UrlState) -> impl IntoView {
    let t = i18n::t();
    let field = use_context::<SearchField>().map_or_else(NodeRef::new, |f| f.0);
    let on_input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        let query = Query {
            text,
            ..state.query.get_untracked()
        };
        state.set_query(query, true);
    };
    view! {
        <div class="offres-search" role="search">
            <label class="offres-search__label" for="offres-recherche">{t.search_label}</label>
            <input
                id="offres-recherche"
                node_ref=field
                class="offres-search__input"
                type="search"
                autocomplete="off"
                spellcheck="false"
                prop:value=move || state.query.with(|q| q.text.clone())
                on:input=on_input
            />
        </div>
    }
}
