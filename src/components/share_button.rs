use leptos::prelude::*;

use crate::browser::{share, Shared};
use crate::i18n;

/// "Partager" on an offer's page: the system's share sheet where the browser has one (Web Share
/// API); elsewhere the page's address is copied, and "Lien copié" is announced. If the clipboard
/// is refused too, the address is shown, to copy by hand.
#[component]
pub fn ShareButton(title: String) -> impl IntoView {
    let t = i18n::t();
    let status = RwSignal::new(String::new());
    let on_click = move |_| {
        let title = title.clone();
        leptos::task::spawn_local(async move {
            status.set(String::new());
            let url = window().location().href().unwrap_or_default();
            match share(&title, &url).await {
                Shared::Shared => {}
                Shared::Copied => status.set(t.link_copied.to_string()),
                Shared::Failed => status.set(url),
            }
        });
    };
    view! {
        <p class="offres-share">
            <button type="button" class="offres-button offres-button--secondary" on:click=on_click>{t.share}</button>
            " "
            <span class="offres-share__status" role="status">{move || status.get()}</span>
        </p>
    }
}
