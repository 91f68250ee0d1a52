use std::sync::Arc;

use leptos::prelude::*;
use offers_core::{Facet, Results, SearchIndex};

use crate::i18n;
use crate::url_state::UrlState;

/// One fieldset of checkboxes per facet. Each option says how many offers it would give with the
/// other filters; an option at 0 stays listed, marked, and is disabled unless it is checked (so
/// that it can still be unchecked).
#[component]
pub fn Facets(state: UrlState, index: Arc<SearchIndex>, results: Memo<Results>) -> impl IntoView {
    let t = i18n::t();
    // Made at the board's first step when it is made aside (`Filling`): once, as the memo
    // changes once.
    let made = use_context::<super::Filling>().map(|f| Memo::new(move |_| f.facets()));
    move || {
        made.is_none_or(|m| m.get())
            .then(|| facets(state, index.clone(), results, t))
    }
}

fn facets(
    state: UrlState,
    index: Arc<SearchIndex>,
    results: Memo<Results>,
    t: &'static i18n::Strings,
) -> impl IntoView {
    Facet::ALL
        .into_iter()
        // A choice between one option is no choice, except the yes/no ones ("Rémunération
        // indiquée", "Sauvegardées"); saved offers only where saving is offered (not in a widget).
        .filter(|f| match f {
            Facet::Pay => !index.options(*f).is_empty(),
            Facet::Saved => use_context::<crate::saved::SavedOffers>().is_some(),
            _ => index.options(*f).len() > 1,
        })
        .map(|facet| {
            let options = index.options(facet).to_vec();
            let items = options
                .into_iter()
                .enumerate()
                .map(|(n, option)| {
                    let id = format!("offres-{}-{}", facet.key(), option.value);
                    let value = option.value.clone();
                    let checked = {
                        let value = value.clone();
                        Memo::new(move |_| state.query.with(|q| q.selected(facet).contains(&value)))
                    };
                    let count = Memo::new(move |_| results.with(|r| r.counts[facet as usize].get(n).copied().unwrap_or(0)));
                    let toggle = move |_| {
                        let mut q = state.query.get_untracked();
                        let list = q.selected_mut(facet);
                        match list.iter().position(|v| *v == value) {
                            Some(p) => {
                                list.remove(p);
                            }
                            None => list.push(value.clone()),
                        }
                        state.set_query(q, false);
                    };
                    let (label, from_data) = t.option_label(facet, &option.value, &option.label);
                    view! {
                        <li class="offres-facet__option" class:offres-facet__option--empty=move || count.get() == 0>
                            <input
                                type="checkbox"
                                id=id.clone()
                                prop:checked=move || checked.get()
                                disabled=move || count.get() == 0 && !checked.get()
                                on:change=toggle
                            />
                            <label for=id>
                                <span lang=from_data.then_some("fr")>{label}</span>
                                " "
                                <span class="offres-facet__count">{move || t.option_count(count.get())}</span>
                            </label>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <fieldset class="offres-facet">
                    <legend class="offres-facet__legend">{t.facet_label(facet)}</legend>
                    <ul class="offres-facet__options" role="list">{items}</ul>
                </fieldset>
            }
        })
        .collect_view()
}
