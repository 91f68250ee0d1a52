use leptos::prelude::*;
use offers_core::{Results, Sort};

use crate::i18n;
use crate::url_state::UrlState;

/// Order of the list, and whether offers no longer open are shown.
#[component]
pub fn SortControl(state: UrlState, results: Memo<Results>) -> impl IntoView {
    let t = i18n::t();
    let on_sort = move |ev: leptos::ev::Event| {
        let mut q = state.query.get_untracked();
        q.sort = if event_target_value(&ev) == "recent" {
            Sort::Newest
        } else {
            Sort::Family
        };
        state.set_query(q, false);
    };
    let on_inactive = move |ev: leptos::ev::Event| {
        let mut q = state.query.get_untracked();
        q.show_inactive = event_target_checked(&ev);
        state.set_query(q, false);
    };
    let hidden = move || results.with(|r| r.hidden_inactive);
    view! {
        <div class="offres-sort">
            <label for="offres-tri">{t.sort_label}</label>
            <select id="offres-tri" on:change=on_sort>
                <option value="famille" selected=move || state.query.with(|q| q.sort == Sort::Family)>
                    {t.sort_family}
                </option>
                <option value="recent" selected=move || state.query.with(|q| q.sort == Sort::Newest)>
                    {t.sort_newest}
                </option>
            </select>
        </div>
        <div class="offres-inactive">
            <input
                type="checkbox"
                id="offres-inactives"
                prop:checked=move || state.query.with(|q| q.show_inactive)
                on:change=on_inactive
            />
            <label for="offres-inactives">
                {t.show_inactive}
                {move || (hidden() > 0).then(|| format!(" ({})", hidden()))}
            </label>
        </div>
    }
}
