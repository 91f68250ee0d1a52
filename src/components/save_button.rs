use leptos::prelude::*;

use crate::i18n;
use crate::saved::SavedOffers;

/// "Sauvegarder", a toggle button (`aria-pressed`) whose accessible name ends with the offer's
/// title. Nothing where saving is not offered (a widget).
#[component]
pub fn SaveButton(id: String, title: String) -> impl IntoView {
    let saved = use_context::<SavedOffers>()?;
    let t = i18n::t();
    let pressed = {
        let id = id.clone();
        move || if saved.is_saved(&id) { "true" } else { "false" }
    };
    let label = title.clone();
    Some(view! {
        <button
            type="button"
            class="offres-save"
            aria-pressed=pressed
            on:click=move |_| saved.toggle(&id, &title)
        >
            {t.save}
            <span class="offres-sr-only">" : " <span lang="fr">{label}</span></span>
        </button>
    })
}
