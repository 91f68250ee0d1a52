use leptos::prelude::*;

use crate::i18n;
use crate::saved::SavedOffers;
use crate::url_state::UrlState;

/// "Sauvegardées (n)": only the visitor's saved offers, a filter kept in the URL like the others
/// (`?sauvegardees=1`). Disabled while nothing is saved, unless it is on.
#[component]
pub fn SavedFilter(state: UrlState) -> impl IntoView {
    let saved = use_context::<SavedOffers>()?;
    let t = i18n::t();
    let on = move || state.query.with(|q| q.saved);
    let count = move || saved.list.with(Vec::len);
    let toggle = move |_| {
        let mut q = state.query.get_untracked();
        q.saved = !q.saved;
        state.set_query(q, false);
    };
    Some(view! {
        <fieldset class="offres-facet">
            <legend class="offres-facet__legend">{t.saved_legend}</legend>
            <ul class="offres-facet__options" role="list">
                <li class="offres-facet__option">
                    <input
                        type="checkbox"
                        id="offres-sauvegardees"
                        prop:checked=on
                        disabled=move || count() == 0 && !on()
                        on:change=toggle
                    />
                    <label for="offres-sauvegardees">
                        {t.saved_filter} " "
                        <span class="offres-facet__count">"(" {move || t.number(count())} ")"</span>
                    </label>
                </li>
            </ul>
        </fieldset>
    })
}
