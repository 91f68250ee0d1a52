use leptos::prelude::*;
use offers_core::{is_safe_url, Callout};

use super::{DocumentView, Heading};
use crate::i18n;

/// A highlighted box of the page ("tous les talents sont les bienvenus").
#[component]
pub fn CalloutBox(callout: Callout) -> impl IntoView {
    let t = i18n::t();
    let label = callout.title.clone();
    let link = callout.link.filter(|l| is_safe_url(&l.url));
    view! {
        <aside class="offres-callout" aria-label=label>
            <Heading level=3 class="offres-callout__title" fr=true>{callout.title}</Heading>
            <div lang="fr"><DocumentView doc=callout.body heading_level=4 /></div>
            {link.map(|l| view! {
                <p>
                    <a class="offres-button" href=l.url>
                        <span lang="fr">{l.label}</span>
                        <span class="offres-sr-only">" " {t.external}</span>
                    </a>
                </p>
            })}
        </aside>
    }
}
