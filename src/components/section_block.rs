use leptos::prelude::*;
use offers_core::{Family, Offer, Section, SectionText};

use super::{CalloutBox, DocumentView, FamilySection};
use crate::i18n;

/// A part of the board: its heading and introduction, its families, and its closing boxes.
#[component]
pub fn SectionBlock(
    section: Section,
    /// Heading, introduction and boxes from the bundle, if it has them.
    text: Option<SectionText>,
    /// The families shown, in order, each with its offers.
    families: Vec<(Family, Vec<Offer>)>,
) -> impl IntoView {
    let (key, fallback) = match section {
        Section::Own => ("propres", i18n::SECTION_OWN),
        Section::Elsewhere => ("ailleurs", i18n::SECTION_ELSEWHERE),
    };
    let heading_id = format!("offres-section-{key}");
    let labelledby = heading_id.clone();
    let (heading, intro, callouts) = match text {
        Some(t) => (t.heading, t.intro, t.callouts),
        None => (fallback.to_string(), Vec::new(), Vec::new()),
    };
    view! {
        <section class="offres-section" aria-labelledby=labelledby>
            <h2 class="offres-section__title" id=heading_id>{heading}</h2>
            <DocumentView doc=intro />
            {families
                .into_iter()
                .map(|(family, offers)| view! {
                    <FamilySection family offers id_prefix=format!("famille-{key}") />
                })
                .collect_view()}
            {callouts.into_iter().map(|callout| view! { <CalloutBox callout /> }).collect_view()}
        </section>
    }
}
