use leptos::prelude::*;
use offers_core::{Family, Offer};

use super::OfferCard;

/// A job family: its heading and the wrapper grid of its offers' panels.
#[component]
pub fn FamilySection(
    family: Family,
    offers: Vec<Offer>,
    /// Distinguishes the same family shown in two sections.
    #[prop(into)]
    id_prefix: String,
) -> impl IntoView {
    let heading_id = format!("{id_prefix}-{}", family.id);
    let labelledby = heading_id.clone();
    view! {
        <section class="offres-family" aria-labelledby=labelledby>
            <h3 class="offres-family__title" id=heading_id>{family.label}</h3>
            <ul class="offres-wrapper" role="list">
                {offers.into_iter().map(|offer| view! { <OfferCard offer /> }).collect_view()}
            </ul>
        </section>
    }
}
