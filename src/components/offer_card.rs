use leptos::prelude::*;
use offers_core::{Offer, Status};

use super::{DocumentView, PinIcon};
use crate::i18n;

/// One offer as a panel of the grid: title link, grade, location, and the action button, whose
/// accessible name names the offer (so no two buttons on the page share a name).
#[component]
pub fn OfferCard(offer: Offer) -> impl IntoView {
    let title_id = format!("offre-{}", offer.id);
    let location = offer.location_line();
    let status = match offer.status {
        Status::Open => None,
        Status::Filled => Some(i18n::FILLED),
        Status::Closed => Some(i18n::CLOSED),
    };
    let contract = offer.contract.as_ref().map(|c| {
        let mut line = i18n::contract(c.kind).to_string();
        if let Some(d) = &offer.duration {
            line.push_str(" · ");
            line.push_str(d);
        }
        line
    });
    let mailto = offer.apply.as_ref().and_then(|a| a.mailto_href());
    let subject = offer.apply.as_ref().and_then(|a| a.subject.clone());
    let apply_text = offer.apply.as_ref().and_then(|a| a.text.clone());
    let title = offer.title.clone();

    let heading = match offer.url.clone() {
        Some(url) => view! {
            <a class="offres-panel__link" href=url>
                {title.clone()}
                <span class="offres-sr-only">" " {i18n::EXTERNAL}</span>
            </a>
        }
        .into_any(),
        None => title.clone().into_any(),
    };
    let action = match (offer.url.clone(), mailto.clone()) {
        (Some(url), _) => Some(
            view! {
                <a class="offres-button" href=url>
                    {i18n::VIEW_OFFER}
                    <span class="offres-sr-only">" : " {title.clone()} " " {i18n::EXTERNAL}</span>
                </a>
            }
            .into_any(),
        ),
        (None, Some(href)) => Some(
            view! {
                <a class="offres-button" href=href>
                    {i18n::APPLY_BY_EMAIL}
                    <span class="offres-sr-only">" : " {title.clone()}</span>
                </a>
            }
            .into_any(),
        ),
        (None, None) => None,
    };
    let details = offer.description.clone().map(|doc| {
        let how_to_apply = (mailto.is_some() || apply_text.is_some()).then(|| {
            let email = offer.apply.as_ref().and_then(|a| a.email.clone());
            view! {
                <h5 class="offres-panel__apply-title">{i18n::HOW_TO_APPLY}</h5>
                {apply_text.map(|t| view! { <p>{t}</p> })}
                {mailto.map(|href| view! {
                    <p>
                        <a href=href>
                            {email}
                            {subject.map(|s| view! { " (" {i18n::EMAIL_SUBJECT} " « " {s} " »)" })}
                        </a>
                    </p>
                })}
            }
        });
        view! {
            <details class="offres-panel__details">
                <summary>
                    {i18n::READ_DESCRIPTION}
                    <span class="offres-sr-only">" : " {title.clone()}</span>
                </summary>
                <div class="offres-panel__description" lang="fr">
                    <DocumentView doc=doc heading_level=5 />
                    {how_to_apply}
                </div>
            </details>
        }
    });

    view! {
        <li class="offres-panel" class:offres-panel--inactive=status.is_some()>
            <h4 class="offres-panel__title" id=title_id>{heading}</h4>
            {status.map(|s| view! { <p class="offres-badge">{s}</p> })}
            <p class="offres-panel__employer">{offer.employer.clone()}</p>
            {offer.grade.map(|g| view! { <p class="offres-panel__meta">{g.label}</p> })}
            {(!location.is_empty()).then(|| view! {
                <p class="offres-panel__meta offres-panel__location">
                    <PinIcon />
                    <span class="offres-sr-only">{i18n::LOCATION} " "</span>
                    {location}
                </p>
            })}
            {contract.map(|c| view! { <p class="offres-panel__meta">{c}</p> })}
            {offer.positions.filter(|n| *n > 1).map(|n| view! {
                <p class="offres-panel__meta">{i18n::positions(n)}</p>
            })}
            {details}
            {action.map(|a| view! { <div class="offres-panel__action">{a}</div> })}
        </li>
    }
}
