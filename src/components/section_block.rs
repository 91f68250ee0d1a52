use leptos::prelude::*;
use offers_core::{Section, SectionText};

use super::{CalloutBox, DocumentView};
use crate::i18n;

/// A part of the board: its heading and introduction, its families (children), and its boxes.
#[component]
pub fn SectionBlock(
    section: Section,
    /// Heading, introduction and boxes from the bundle, if it has them.
    text: Option<SectionText>,
    children: Children,
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
            {children()}
            {callouts.into_iter().map(|callout| view! { <CalloutBox callout /> }).collect_view()}
        </section>
    }
}

/// The key of a section in element ids ("propres", "ailleurs").
pub fn section_key(section: Section) -> &'static str {
    match section {
        Section::Own => "propres",
        Section::Elsewhere => "ailleurs",
    }
}
