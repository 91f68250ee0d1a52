use leptos::prelude::*;
use offers_core::{is_new, Date, Offer};

use super::{Heading, SaveButton};
use crate::i18n;
use crate::url_state::{InternalLink, UrlState};

/// One offer as a panel of the grid: title link, grade, location, and the action button, whose
/// accessible name names the offer (so no two buttons on the page share a name). An offer with a
/// full text links its title to its page here (`page_href`); otherwise to the offer elsewhere.
#[component]
pub fn OfferCard(
    offer: Offer,
    today: Date,
    state: UrlState,
    /// The link to this offer's page on the board, when it has a full text (it keeps the
    /// board's query, for the way back).
    page_href: Option<Signal<String>>,
    /// 3 in a flat list, 4 under a family heading (moved down in a widget: [`Heading`]).
    #[prop(default = 4)]
    heading_level: u8,
) -> impl IntoView {
    let t = i18n::t();
    let title_id = format!("offre-{}", offer.id);
    let location = offer.location_line();
    let inactive = t.inactive(&offer, today);
    let new = inactive.is_none() && is_new(&offer, today);
    let contract = offer.contract.as_ref().map(|c| {
        let mut line = t.contract(c.kind).to_string();
        if let Some(d) = &offer.duration {
            line.push_str(" · ");
            line.push_str(d);
        }
        line
    });
    let mailto = offer.apply.as_ref().and_then(|a| a.mailto_href());
    let title = offer.title.clone();

    let link = match (page_href, offer.url.clone()) {
        (Some(href), _) => {
            let text = title.clone();
            view! { <InternalLink state href class="offres-panel__link">{text}</InternalLink> }
                .into_any()
        }
        (None, Some(url)) => view! {
            <a class="offres-panel__link" href=url>
                {title.clone()}
                <span class="offres-sr-only">" " {t.external}</span>
            </a>
        }
        .into_any(),
        (None, None) => title.clone().into_any(),
    };
    let action = match (offer.url.clone(), mailto) {
        (Some(url), _) => Some(
            view! {
                <a class="offres-button" href=url>
                    {t.view_offer}
                    <span class="offres-sr-only">" : " {title.clone()} " " {t.external}</span>
                </a>
            }
            .into_any(),
        ),
        (None, Some(href)) => Some(
            view! {
                <a class="offres-button" href=href>
                    {t.apply_by_email}
                    <span class="offres-sr-only">" : " {title.clone()}</span>
                </a>
            }
            .into_any(),
        ),
        (None, None) => None,
    };

    view! {
        <li class="offres-panel" class:offres-panel--inactive=inactive.is_some()>
            <Heading level=heading_level class="offres-panel__title" id=title_id fr=true>{link}</Heading>
            {inactive.map(|s| view! { <p class="offres-badge">{s}</p> })}
            {new.then(|| view! { <p class="offres-badge offres-badge--new">{t.new}</p> })}
            <p class="offres-panel__employer" lang="fr">{offer.employer.clone()}</p>
            {offer.grade.map(|g| view! { <p class="offres-panel__meta" lang="fr">{g.label}</p> })}
            {(!location.is_empty()).then(|| view! {
                <p class="offres-panel__meta offres-panel__location">
                    <span class="offres-sr-only">{t.location} " "</span>
                    <span lang="fr">{location}</span>
                </p>
            })}
            {contract.map(|c| view! { <p class="offres-panel__meta">{c}</p> })}
            {offer.positions.filter(|n| *n > 1).map(|n| view! {
                <p class="offres-panel__meta">{t.positions(n)}</p>
            })}
            {offer.salary.as_ref().map(|s| view! {
                <p class="offres-panel__meta">
                    <span class="offres-sr-only">{t.fact_salary} " : "</span>
                    <span lang=s.min.is_none().then_some("fr")>{t.pay(s)}</span>
                </p>
            })}
            <div class="offres-panel__action">
                {action}
                <SaveButton id=offer.id.clone() title=title.clone() />
            </div>
        </li>
    }
}
