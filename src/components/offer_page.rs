use leptos::prelude::*;
use offers_core::{is_safe_url, Date, Offer, SalaryPeriod};

use super::{DocumentView, FullText, Heading, SaveButton, ShareButton};
use crate::i18n;
use crate::url_state::{InternalLink, UrlState};

/// An offer's own page: its full text and everything needed to apply. Focus moves to its `h1`
/// when it opens, so screen-reader and keyboard users start at the top of the new view.
#[component]
pub fn OfferPage(
    offer: Offer,
    family_label: String,
    back_href: String,
    today: Date,
    state: UrlState,
    /// Where its full text is, when the bundle keeps it apart (a path from the bundle's folder).
    text_file: Option<String>,
) -> impl IntoView {
    let t = i18n::t();
    // After the view is in the document: the heading's element is chosen at run time (a widget
    // moves it down), so it is found by its id rather than held by a typed reference.
    Effect::new(move |_| {
        if let Some(h) = document()
            .get_element_by_id("offres-offre-titre")
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
        {
            let _ = h.focus();
        }
    });
    let sharing = !state.is_widget();
    let title = offer.title.clone();
    let inactive = t.inactive(&offer, today);
    let mut facts: Vec<(&'static str, String)> = vec![
        (t.fact_employer, offer.employer.clone()),
        (t.fact_family, family_label),
    ];
    if let Some(g) = &offer.grade {
        facts.push((t.fact_grade, g.label.clone()));
    }
    let place = offer.location_line();
    if !place.is_empty() {
        facts.push((t.fact_place, place));
    }
    if let Some(c) = &offer.contract {
        facts.push((
            t.fact_contract,
            c.text
                .clone()
                .unwrap_or_else(|| t.contract(c.kind).to_string()),
        ));
    }
    if let Some(d) = &offer.duration {
        facts.push((t.fact_duration, d.clone()));
    }
    if let Some(s) = &offer.start {
        facts.push((
            t.fact_start,
            s.text
                .clone()
                .or_else(|| s.date.map(|d| t.date(d)))
                .unwrap_or_default(),
        ));
    }
    if let Some(p) = offer.published_on {
        facts.push((t.fact_published, t.date(p)));
    }
    if let Some(c) = offer.closes_on {
        facts.push((t.fact_closes, t.date(c)));
    }
    if let Some(s) = &offer.salary {
        let text = s
            .text
            .clone()
            .unwrap_or_else(|| t.salary(s.min, s.max, s.period == SalaryPeriod::Year));
        facts.push((t.fact_salary, text));
    }
    if let Some(n) = offer.positions.filter(|n| *n > 1) {
        facts.push((t.fact_positions, t.positions(n)));
    }
    if let Some(r) = &offer.reference {
        facts.push((t.fact_reference, r.clone()));
    }
    let apply = offer.apply.clone().unwrap_or_default();
    let mailto = apply.mailto_href();
    let apply_url = apply.url.clone().filter(|u| is_safe_url(u));
    let external = offer.url.clone().filter(|u| is_safe_url(u));
    let back_top = back_href.clone();
    view! {
        <article class="offres-offer" aria-labelledby="offres-offre-titre">
            <p><InternalLink state href=back_top>{t.back_to_list}</InternalLink></p>
            <Heading level=1 class="offres-title" id="offres-offre-titre" fr=true focus_target=true>{title}</Heading>
            {inactive.map(|s| view! { <p class="offres-badge">{s}</p> })}
            <div class="offres-offer__actions">
                <SaveButton id=offer.id.clone() title=offer.title.clone() />
                {sharing.then(|| view! { <ShareButton title=offer.title.clone() /> })}
            </div>
            <dl class="offres-facts">
                {facts
                    .into_iter()
                    .map(|(term, value)| view! { <div class="offres-facts__row"><dt>{term}</dt><dd>{value}</dd></div> })
                    .collect_view()}
            </dl>
            <div class="offres-offer__description" lang="fr">
                {match (offer.description.clone(), text_file) {
                    (Some(doc), _) => Some(view! { <DocumentView doc heading_level=2 /> }.into_any()),
                    (None, Some(path)) => Some(view! { <FullText id=offer.id.clone() path /> }.into_any()),
                    (None, None) => None,
                }}
            </div>
            <section class="offres-apply" aria-labelledby="offres-candidater">
                <Heading level=2 id="offres-candidater">{t.how_to_apply}</Heading>
                {apply.text.clone().map(|t| view! { <p lang="fr">{t}</p> })}
                {mailto.map(|href| view! {
                    <p>
                        <a class="offres-button" href=href>
                            {t.write_to} " " {apply.email.clone()}
                            {apply.subject.clone().map(|s| view! { " (" {t.email_subject} " « " {s} " »)" })}
                        </a>
                    </p>
                })}
                {apply_url.map(|u| view! {
                    <p><a href=u>{t.apply_online} <span class="offres-sr-only">" " {t.external}</span></a></p>
                })}
                {external.map(|u| view! {
                    <p><a href=u>{t.full_offer_elsewhere} <span class="offres-sr-only">" " {t.external}</span></a></p>
                })}
            </section>
            <p><InternalLink state href=back_href>{t.back_to_list}</InternalLink></p>
        </article>
    }
}
