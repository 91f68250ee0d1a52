use std::time::Duration;

use leptos::html::{Div, Input};
use leptos::prelude::*;
use offers_core::Query;
use wasm_bindgen::JsCast;

use crate::i18n;
use crate::url_state::UrlState;

/// The search field of a board, for the controls that send the focus back to it.
#[derive(Clone, Copy)]
pub struct SearchField(pub NodeRef<Input>);

/// A control that removes itself (a chip, "Réinitialiser") would leave the focus on the page's
/// body, and a keyboard user at the top of the page. Once the view has changed, the focus goes to
/// the first chip left in `chips`, or else to the search field.
pub fn refocus(search: Option<SearchField>, chips: Option<NodeRef<Div>>) {
    set_timeout(
        move || {
            let chip = chips
                .and_then(|c| c.get_untracked())
                .filter(|d| d.is_connected())
                .and_then(|d| d.query_selector(".offres-chip").ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            let _ = match (chip, search.and_then(|s| s.0.get_untracked())) {
                (Some(chip), _) => chip.focus(),
                (None, Some(input)) => input.focus(),
                (None, None) => Ok(()),
            };
        },
        Duration::ZERO,
    );
}

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
