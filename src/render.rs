//! The build-time renderer (`ssr`): the app's own components written to HTML, natively, by
//! `offers site` (crates/offers-cli). Never a server.
//!
//! - [`pages`]: every page of a site at once, the one entry point `offers site` calls.
//! - [`board`]: the board for its default address, which index.html carries: readable without
//!   JavaScript, and identical to what the app renders once it has loaded the same bundle (the
//!   app then takes its place, see `take_over.rs`).
//! - [`offer_page`]: an open offer's static page (`offres/<id>.html`), the `OfferPage` component
//!   with its schema.org JobPosting in JSON-LD, meta description and Open Graph tags.
//! - [`sitemap`] and [`robots`].

use std::fmt::Write as _;

use leptos::prelude::*;
use offers_core::document::{document_text, escape_markup as escape};
use offers_core::{Bundle, ContractKind, Offer, RemoteMode, SalaryPeriod};
use serde_json::{json, Value};

use crate::components::{DocumentView, OfferPage};
use crate::i18n::Lang;
use crate::ready::Ready;
use crate::url_state::Mount;
use crate::OfferBoard;

/// The folder of the offer pages, beside index.html.
pub const PAGES_DIR: &str = "offres";

/// Every page a site gets from the app's components, as (path relative to the site's root, text):
/// `index.html` (the app's `shell` with the board for its default address inside its
/// `<main id="offres">`), `offres/<id>.html` for every open offer with a full text, `sitemap.xml`
/// and `robots.txt`. `site` is the site's checked address ([`site_url`]), `style` the build's
/// stylesheet, relative to the site's root.
pub fn pages(
    ready: &Ready,
    shell: &str,
    site: &str,
    style: &str,
) -> Result<Vec<(String, String)>, String> {
    let title = board_title(ready);
    let index = inject(shell, &board(ready.clone()), &title, site)
        .ok_or("index.html : pas de <main id=\"offres\">")?;
    let mut out = vec![("index.html".to_string(), index)];
    let web = Site { url: site, style };
    let mut urls = vec![site.to_string(), format!("{site}accessibilite.html")];
    // The offer pages on every core (each thread renders in reactive owners of its own): 10 000
    // offers have 9 000 pages.
    let offers: Vec<&Offer> = with_pages(ready).collect();
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let slice = offers.len().div_ceil(threads).max(1);
    let rendered: Vec<Vec<(String, String)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = offers
            .chunks(slice)
            .map(|chunk| {
                let web = &web;
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|offer| (page_path(offer), offer_page(offer, ready, web)))
                        .collect()
                })
            })
            .collect();
        workers
            .into_iter()
            .map(|w| w.join().expect("a page renders"))
            .collect()
    });
    out.extend(rendered.into_iter().flatten());
    urls.extend(offers.iter().map(|offer| page_url(site, offer)));
    out.push(("sitemap.xml".into(), sitemap(&urls)));
    out.push(("robots.txt".into(), robots(site)));
    Ok(out)
}

/// Renders a view to HTML in a reactive owner of its own, in French. Leptos marks the places where
/// it would hydrate dynamic text with `<!>` comments, and an empty view with `<!--<() />-->`; the
/// app replaces this markup rather than hydrating it, so they go. (Text is escaped: these can only
/// be Leptos' markers.)
fn to_html<V: IntoView + 'static>(view: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(Lang::Fr);
        view()
            .into_view()
            .to_html()
            .replace("<!>", "")
            .replace("<!--<() />-->", "")
    })
}

/// The board for its default address, as the element that goes into `<main id="offres">`.
pub fn board(ready: Ready) -> String {
    let mount = Mount::Static {
        list: "./".into(),
        pages: format!("{PAGES_DIR}/"),
    };
    to_html(move || view! { <OfferBoard src=crate::api::DEFAULT_BUNDLE_URL mount ready /> })
}

/// Puts `board` inside `<main id="offres" …>…</main>` of `page`, replacing what was there, and
/// gives the page the document title the app gives the list (`title`).
pub fn inject(page: &str, board: &str, title: &str, site: &str) -> Option<String> {
    // The page's address, in place of the shell's `__SITE_URL__` or of the address an earlier
    // render wrote (a built site's index.html is a shell too).
    let key = "property=\"og:url\" content=\"";
    let page = match page.find(key).map(|at| at + key.len()) {
        Some(from) => {
            let to = from + page[from..].find('"')?;
            format!("{}{}{}", &page[..from], escape(site), &page[to..])
        }
        None => page.to_string(),
    };
    let open = page.find("<main id=\"offres\"")?;
    let start = open + page[open..].find('>')? + 1;
    let end = start + page[start..].find("</main>")?;
    let page = format!("{}{board}{}", &page[..start], &page[end..]);
    Some(match (page.find("<title>"), page.find("</title>")) {
        (Some(a), Some(b)) if a < b => {
            format!("{}<title>{}{}", &page[..a], escape(title), &page[b..])
        }
        _ => page,
    })
}

/// The site's address as `--site-url` (`OFFRES_SITE_URL`) gives it, checked: an absolute http(s)
/// address of a folder, without query or fragment, without characters that would need escaping
/// where it is written (HTML attributes, XML, robots.txt); ends with `/`.
pub fn site_url(raw: &str) -> Result<String, String> {
    let bad = raw
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || "\"'<>\\`{}|^?#".contains(*c));
    match bad {
        _ if !offers_core::is_web_url(raw) => Err(format!(
            "« {raw} » n'est pas une adresse http(s) absolue"
        )),
        Some(c) => Err(format!(
            "« {raw} » : caractère {c:?} refusé (ni requête, ni fragment, ni guillemets, ni chevrons)"
        )),
        None => Ok(format!("{}/", raw.trim_end_matches('/'))),
    }
}

/// The document title of the board for its default address, as the app sets it.
pub fn board_title(ready: &Ready) -> String {
    Lang::Fr
        .strings()
        .list_title(&ready.loaded.bundle.page.title)
}

/// The open offers that get a page: those with a full text.
pub fn with_pages(ready: &Ready) -> impl Iterator<Item = &Offer> {
    ready
        .loaded
        .bundle
        .offers
        .iter()
        .filter(|o| o.description.is_some() && o.is_active(ready.today))
}

/// An offer's page, relative to the site's root.
pub fn page_path(offer: &Offer) -> String {
    format!("{PAGES_DIR}/{}.html", offer.id)
}

/// The address of an offer's page on the site at `site` (ends with `/`).
pub fn page_url(site: &str, offer: &Offer) -> String {
    format!("{site}{}", page_path(offer))
}

/// What the pages are written with: the site's address (ends with `/`) and the stylesheet of the
/// build, relative to the site's root.
pub struct Site<'a> {
    pub url: &'a str,
    pub style: &'a str,
}

/// An offer's static page: the `OfferPage` component in a page of its own.
pub fn offer_page(offer: &Offer, ready: &Ready, site: &Site) -> String {
    let bundle = &ready.loaded.bundle;
    let url = page_url(site.url, offer);
    let title = format!("{} – {}", offer.title, bundle.page.title);
    let description = summary(
        &document_text(offer.description.as_deref().unwrap_or_default()),
        160,
    );
    let posting = job_posting(offer, bundle, site.url);
    let family_label = bundle
        .family_label(&offer.family)
        .unwrap_or_default()
        .to_string();
    // The feed of the offer's family (`offers build` writes it), for readers that follow it.
    let feed = offers_core::search::topic_feed(offers_core::Facet::Family, &offer.family)
        .unwrap_or_default();
    let feed_title = format!("{} – {family_label} (Atom)", bundle.page.title);
    let body = {
        let offer = offer.clone();
        let family_label = family_label.clone();
        let state = Mount::Static {
            list: "../".into(),
            pages: String::new(),
        }
        .state(ready.index.clone());
        let today = ready.today;
        to_html(move || {
            view! { <OfferPage offer family_label back_href="../".to_string() today state text_file=None /> }
        })
    };
    let mut out = String::from("<!doctype html>\n<html lang=\"fr\">\n<head>\n");
    let _ = write!(
        out,
        "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{t}</title>\n<meta name=\"description\" content=\"{d}\">\n<link rel=\"canonical\" href=\"{u}\">\n\
         <meta property=\"og:type\" content=\"website\">\n<meta property=\"og:locale\" content=\"fr_FR\">\n\
         <meta property=\"og:title\" content=\"{t}\">\n<meta property=\"og:description\" content=\"{d}\">\n\
         <meta property=\"og:url\" content=\"{u}\">\n<link rel=\"icon\" href=\"data:,\">\n\
         <link rel=\"alternate\" type=\"application/atom+xml\" href=\"../{f}\" title=\"{ft}\">\n\
         <link rel=\"stylesheet\" href=\"../{s}\">\n\
         <script type=\"application/ld+json\">{j}</script>\n</head>\n<body>\n\
         <a class=\"offres-skip-link\" href=\"#contenu\">Aller au contenu</a>\n\
         <main id=\"contenu\" class=\"offres-main\" tabindex=\"-1\">\n{body}\n</main>\n\
         <footer class=\"offres-footer\"><p><a href=\"../accessibilite.html\">Accessibilité : non conforme</a></p></footer>\n\
         </body>\n</html>\n",
        t = escape(&title),
        d = escape(&description),
        u = escape(&url),
        s = escape(site.style),
        f = escape(&feed),
        ft = escape(&feed_title),
        j = script_json(&posting),
    );
    out
}

/// At most `max` characters, cut at a word, with an ellipsis when cut.
fn summary(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let end = cut.rfind(' ').unwrap_or(cut.len());
    format!("{}…", cut[..end].trim_end_matches([',', ';', ':', '.']))
}

/// schema.org `employmentType` for a French contract.
fn employment_type(kind: ContractKind) -> &'static str {
    match kind {
        ContractKind::Titulaire
        | ContractKind::Contractuel
        | ContractKind::TitulaireOuContractuel
        | ContractKind::Cdi => "FULL_TIME",
        ContractKind::Cdd => "TEMPORARY",
        ContractKind::Stage => "INTERN",
        ContractKind::Apprentissage | ContractKind::Autre => "OTHER",
    }
}

/// The schema.org JobPosting of an offer (https://schema.org/JobPosting, with the properties
/// search engines read for job listings). Its description is the offer's text as the page shows
/// it (`DocumentView`), which the property takes as HTML.
pub fn job_posting(offer: &Offer, bundle: &Bundle, site: &str) -> Value {
    let description = offer.description.clone().map_or_else(String::new, |doc| {
        to_html(move || view! { <DocumentView doc heading_level=2 /> })
    });
    let posted = offer.published_on.map_or_else(
        || bundle.generated_at.get(..10).unwrap_or("").to_string(),
        |d| d.to_string(),
    );
    let mut posting = json!({
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": offer.title,
        "description": description,
        "datePosted": posted,
        "hiringOrganization": { "@type": "Organization", "name": offer.employer },
        "identifier": {
            "@type": "PropertyValue",
            "name": offer.employer,
            "value": offer.reference.clone().unwrap_or_else(|| offer.id.clone()),
        },
        "url": page_url(site, offer),
        "directApply": offer.apply.as_ref().is_some_and(|a| a.email.is_some() || a.url.is_some()),
    });
    let obj = posting.as_object_mut().expect("an object");
    if let Some(c) = offer.closes_on {
        obj.insert("validThrough".into(), json!(format!("{c}T23:59:59+01:00")));
    }
    if !offer.locations.is_empty() {
        let places: Vec<Value> = offer
            .locations
            .iter()
            .map(|l| {
                let mut address = json!({
                    "@type": "PostalAddress",
                    "addressLocality": l.city,
                    "addressCountry": "FR",
                });
                if let Some(d) = &l.department {
                    address["postalCode"] = json!(d);
                }
                json!({ "@type": "Place", "address": address })
            })
            .collect();
        obj.insert("jobLocation".into(), Value::Array(places));
    }
    if offer
        .remote
        .as_ref()
        .is_some_and(|r| r.mode == RemoteMode::Full)
    {
        obj.insert("jobLocationType".into(), json!("TELECOMMUTE"));
        obj.insert(
            "applicantLocationRequirements".into(),
            json!({ "@type": "Country", "name": "FR" }),
        );
    }
    if let Some(c) = &offer.contract {
        obj.insert("employmentType".into(), json!(employment_type(c.kind)));
    }
    if let Some(s) = &offer.salary {
        if s.min.is_some() || s.max.is_some() {
            let mut value = json!({
                "@type": "QuantitativeValue",
                "unitText": if s.period == SalaryPeriod::Year { "YEAR" } else { "MONTH" },
            });
            match (s.min, s.max) {
                (Some(a), Some(b)) if a != b => {
                    value["minValue"] = json!(a);
                    value["maxValue"] = json!(b);
                }
                (Some(a), _) | (None, Some(a)) => value["value"] = json!(a),
                (None, None) => {}
            }
            obj.insert(
                "baseSalary".into(),
                json!({ "@type": "MonetaryAmount", "currency": "EUR", "value": value }),
            );
        }
    }
    posting
}

/// JSON inside `<script>`: `<` escaped, so that no text can close the element.
fn script_json(value: &Value) -> String {
    serde_json::to_string(value)
        .expect("JSON")
        .replace('<', "\\u003c")
}

/// `sitemap.xml` (sitemaps.org 0.9).
pub fn sitemap(urls: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        let _ = writeln!(out, "  <url><loc>{}</loc></url>", escape(url));
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`, pointing to the sitemap.
pub fn robots(site: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {site}sitemap.xml\n")
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use offers_core::{Block, Inline};

    fn ready() -> Ready {
        let loaded = offers_core::parse_bundle(include_str!("../public/offers.json")).unwrap();
        Ready::new(
            Arc::new(loaded),
            offers_core::Date::new(2026, 11, 23).unwrap(),
        )
    }

    #[test]
    fn summaries_cut_at_a_word() {
        assert_eq!(
            summary("Un poste  de\ndéveloppeur", 100),
            "Un poste de développeur"
        );
        assert_eq!(
            summary("Un poste de développeur, à Paris", 20),
            "Un poste de…"
        );
    }

    #[test]
    fn markup_in_text_stays_text() {
        let doc = vec![Block::Paragraph(vec![
            Inline::Text("<script>alert(1)</script>".into()),
            Inline::Link {
                href: "javascript:alert(1)".into(),
                content: vec![Inline::Text("lien".into())],
            },
        ])];
        let html = to_html(move || view! { <DocumentView doc /> });
        assert_eq!(html, "<p>&lt;script&gt;alert(1)&lt;/script&gt;lien</p>");
        let value = json!({ "description": "</script><script>" });
        assert!(!script_json(&value).contains('<'));
    }

    #[test]
    fn the_board_is_rendered_with_every_open_offer_and_no_marker() {
        let ready = ready();
        let open = ready
            .loaded
            .bundle
            .offers
            .iter()
            .filter(|o| o.is_active(ready.today))
            .count();
        let html = board(ready);
        assert!(
            html.starts_with("<div lang=\"fr\" class=\"offres\">"),
            "{html}"
        );
        assert_eq!(html.matches("<li class=\"offres-panel").count(), open);
        assert!(!html.contains("<!>"));
        assert!(html.contains("href=\"offres/recrutement-bin.html\""));
        let page = "<title>x</title><meta property=\"og:url\" content=\"__SITE_URL__\"><body><main id=\"offres\" class=\"m\">old</main></body>";
        let injected = inject(
            page,
            "new",
            "Rejoignez-nous – Offres d'emploi",
            "https://a.fr/?x=1&y=2",
        )
        .unwrap();
        assert_eq!(
            injected,
            "<title>Rejoignez-nous – Offres d&apos;emploi</title>\
             <meta property=\"og:url\" content=\"https://a.fr/?x=1&amp;y=2\">\
             <body><main id=\"offres\" class=\"m\">new</main></body>"
        );
        // A rendered page renders again, for another site, as its shell would.
        assert_eq!(
            inject(&injected, "newer", "T", "https://b.fr/").unwrap(),
            "<title>T</title><meta property=\"og:url\" content=\"https://b.fr/\">\
             <body><main id=\"offres\" class=\"m\">newer</main></body>"
        );
    }

    #[test]
    fn the_site_address_is_checked_before_it_is_written_anywhere() {
        assert_eq!(
            site_url("https://www.numerique.gouv.fr/rejoignez-nous").unwrap(),
            "https://www.numerique.gouv.fr/rejoignez-nous/"
        );
        assert_eq!(
            site_url("http://localhost:8080/").unwrap(),
            "http://localhost:8080/"
        );
        for bad in [
            "https://a.fr/\"><script>alert(1)</script>",
            "https://a.fr/' onload='x",
            "https://a.fr/?q=1",
            "https://a.fr/#x",
            "https://a.fr/a b",
            "https://a.fr/\nSitemap: https://evil.example/",
            "javascript:alert(1)",
            "/relatif/",
            "",
        ] {
            assert!(site_url(bad).is_err(), "{bad:?}");
        }
    }
}
