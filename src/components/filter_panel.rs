use leptos::prelude::*;
use offers_core::Facet;

use super::Heading;
use crate::i18n;
use crate::url_state::UrlState;

/// The search and filters (children), behind a disclosure on small screens: "Filtrer les
/// offres (2 actifs)", a button with `aria-expanded`, closed at first so that the first offers fit
/// in a phone's first screen. On wide screens the filters are always shown beside the results and
/// the button gives way to a plain heading (style/layout.css): a button there would do nothing.
#[component]
pub fn FilterPanel(state: UrlState, children: Children) -> impl IntoView {
    let t = i18n::t();
    let open = RwSignal::new(false);
    let active = move || {
        state.query.with(|q| {
            Facet::ALL
                .into_iter()
                .map(|f| q.selected(f).len())
                .sum::<usize>()
                + usize::from(!q.text.trim().is_empty())
        })
    };
    view! {
        <div class="offres-layout__filters offres-filters" class:offres-filters--open=move || open.get()>
            <Heading level=2 class="offres-filters__title">
                <button
                    type="button"
                    class="offres-button offres-button--secondary offres-filters__toggle"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls="offres-filtres"
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || t.filters_toggle(active())}
                </button>
                <span class="offres-filters__label">{t.filters_title}</span>
            </Heading>
            <div class="offres-filters__panel" id="offres-filtres">{children()}</div>
        </div>
    }
}
