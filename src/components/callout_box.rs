use leptos::prelude::*;
use offers_core::{is_safe_url, Callout};

use super::DocumentView;
use crate::i18n;

/// A highlighted box of the page ("tous les talents sont les bienvenus").
#[component]
pub fn CalloutBox(callout: Callout) -> impl IntoView {
    let label = callout.title.clone();
    let link = callout.link.filter(|l| is_safe_url(&l.url));
    view! {
        <aside class="offres-callout" aria-label=label>
            <h3 class="offres-callout__title">{callout.title}</h3>
            <DocumentView doc=callout.body heading_level=4 />
            {link.map(|l| view! {
                <p class="offres-callout__action">
                    <a class="offres-button" href=l.url>
                        {l.label}
                        <span class="offres-sr-only">" " {i18n::EXTERNAL}</span>
                    </a>
                </p>
            })}
        </aside>
    }
}
