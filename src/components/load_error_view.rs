use leptos::prelude::*;

use super::Heading;
use crate::api::LoadError;
use crate::i18n;

/// The bundle could not be used: say why in the interface's language, and offer to try again.
#[component]
pub fn LoadErrorView(error: LoadError, on_retry: Callback<()>) -> impl IntoView {
    let t = i18n::t();
    view! {
        <div class="offres-error" role="alert">
            <Heading level=2 class="offres-error__title">{t.error_title}</Heading>
            <p>{t.load_error(&error)}</p>
            <button type="button" class="offres-button" on:click=move |_| on_retry.run(())>
                {t.retry}
            </button>
        </div>
    }
}
