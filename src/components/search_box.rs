use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use offers_core::Query;

use crate::browser::after_next_frame;
use crate::focus::SearchField;
use crate::i18n;
use crate::url_state::UrlState;

/// The search field: results follow each keystroke, a frame after it. The key's echo in the
/// field is shown first, and the list it changes (a search, the facets' counts, new cards, the
/// address) is made in a task after that frame, not before it: at 10,000 offers a key that
/// changes the page of cards holds 7 to 10 ms of work, which held back the echo as long
/// (scripts/bench-browser.mjs). Keys typed before the list is made are one list, for the text
/// the field holds by then: a value set with no `input` event in between (WebKit's WebDriver
/// clears a field so) is not undone by the list of an older key. The address follows once
/// typing pauses (`UrlState::go`).
#[component]
pub fn SearchBox(state: UrlState) -> impl IntoView {
    let t = i18n::t();
    let field = use_context::<SearchField>().map_or_else(NodeRef::new, |f| f.0);
    // Whether keys are typed that no list follows yet: a plain cell, shared by this field's
    // handler and the callbacks it schedules (nothing reactive reads it).
    let typed = Rc::new(Cell::new(false));
    let on_input = move |_: leptos::ev::Event| {
        if typed.replace(true) {
            return;
        }
        let typed = typed.clone();
        // Nothing once the field is gone (an offer's page opened in between: the list, and the
        // reference to its field, are disposed).
        let search = move || match field.try_get_untracked().flatten() {
            Some(input) if typed.replace(false) => {
                let query = Query {
                    text: input.value(),
                    ..state.query.get_untracked()
                };
                state.set_query(query, true);
            }
            _ => {}
        };
        // The list is made after the key's frame: it is not held back by it.
        after_next_frame(search);
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
