use leptos::prelude::*;

use crate::api::LoadError;
use crate::i18n;

/// The bundle could not be used: say why in French, and offer to try again.
#[component]
pub fn LoadErrorView(error: LoadError, on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="offres-error" role="alert">
            <h2 class="offres-error__title">{i18n::ERROR_TITLE}</h2>
            <p>{i18n::load_error(&error)}</p>
            <button type="button" class="offres-button" on:click=move |_| on_retry.run(())>
                {i18n::RETRY}
            </button>
        </div>
    }
}
