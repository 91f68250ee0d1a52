use leptos::prelude::*;
use offers_core::Family;

use super::Heading;

/// A job family: its heading and the wrapper grid of its offers' panels.
#[component]
pub fn FamilySection(
    family: Family,
    /// Distinguishes the same family shown in two sections.
    #[prop(into)]
    id_prefix: String,
    children: Children,
) -> impl IntoView {
    let heading_id = format!("{id_prefix}-{}", family.id);
    let labelledby = heading_id.clone();
    view! {
        <section class="offres-family" aria-labelledby=labelledby>
            <Heading level=3 class="offres-family__title" id=heading_id fr=true>{family.label}</Heading>
            <ul class="offres-wrapper" role="list">{children()}</ul>
        </section>
    }
}
