use leptos::prelude::*;
use offers_core::{Section, SectionText};

use super::{CalloutBox, DocumentView, Heading};
use crate::i18n;

/// A part of the board: its heading and introduction, its families (children), and its boxes.
#[component]
pub fn SectionBlock(
    section: Section,
    /// Heading, introduction and boxes from the bundle, if it has them.
    text: Option<SectionText>,
    children: Children,
) -> impl IntoView {
    let t = i18n::t();
    let fallback = match section {
        Section::Own => t.section_own,
        Section::Elsewhere => t.section_elsewhere,
    };
    let heading_id = format!("offres-section-{}", section.key());
    let labelledby = heading_id.clone();
    // The bundle's words are French; ours follow the interface.
    let fr = text.is_some();
    let (heading, intro, callouts) = match text {
        Some(t) => (t.heading, t.intro, t.callouts),
        None => (fallback.to_string(), Vec::new(), Vec::new()),
    };
    view! {
        <section class="offres-section" aria-labelledby=labelledby>
            <Heading level=2 class="offres-section__title" id=heading_id fr>{heading}</Heading>
            <div lang="fr"><DocumentView doc=intro /></div>
            {children()}
            {callouts.into_iter().map(|callout| view! { <CalloutBox callout /> }).collect_view()}
        </section>
    }
}
