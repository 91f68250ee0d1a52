//! `offers pages`: what search engines and link previews read, as static files beside the board.
//!
//! - `offres/<id>.html` for every open offer with a full text: the text itself, its facts, the way
//!   to apply, a schema.org `JobPosting` in JSON-LD, a meta description and Open Graph tags. Real
//!   pages, readable without JavaScript, linking to the same offer on the board.
//! - `sitemap.xml` (the board, the accessibility statement, those pages) and `robots.txt`
//!   pointing to it. Both need absolute addresses: the site's URL (`--site-url`).

use std::fmt::Write as _;
use std::path::Path;

use offers_core::document::document_text;
use offers_core::{
    is_safe_url, Block, Bundle, ContractKind, Date, Inline, Offer, RemoteMode, SalaryPeriod,
};
use serde_json::{json, Value};

use crate::feeds::escape as html;
use crate::report::{create_dir, write, CliError};

/// The folder of the offer pages, beside index.html.
pub const DIR: &str = "offres";

/// What the pages are written with: the site's address (ends with `/`) and the stylesheets of
/// the build, relative to the site's root.
pub struct Site<'a> {
    pub url: &'a str,
    pub styles: &'a [String],
}

/// The open offers that get a page: those with a full text.
pub fn with_pages(bundle: &Bundle, today: Date) -> impl Iterator<Item = &Offer> {
    bundle
        .offers
        .iter()
        .filter(move |o| o.description.is_some() && o.is_active(today))
}

/// The description as HTML, headings starting at `h2` (the page's `h1` is the offer's title).
pub fn document_html(doc: &[Block]) -> String {
    let mut out = String::new();
    blocks(doc, &mut out);
    out
}

fn blocks(doc: &[Block], out: &mut String) {
    for block in doc {
        match block {
            Block::Heading { level, content } => {
                let h = (level + 1).clamp(2, 6);
                let _ = writeln!(out, "<h{h}>{}</h{h}>", inlines_html(content));
            }
            Block::Paragraph(content) => {
                let _ = writeln!(out, "<p>{}</p>", inlines_html(content));
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let _ = writeln!(out, "<{tag}>");
                for item in items {
                    out.push_str("<li>");
                    // A list item of one paragraph is written without its <p>.
                    match item.as_slice() {
                        [Block::Paragraph(content)] => out.push_str(&inlines_html(content)),
                        _ => blocks(item, out),
                    }
                    out.push_str("</li>\n");
                }
                let _ = writeln!(out, "</{tag}>");
            }
            Block::Quote(inner) => {
                out.push_str("<blockquote>\n");
                blocks(inner, out);
                out.push_str("</blockquote>\n");
            }
            Block::Rule => out.push_str("<hr>\n"),
        }
    }
}

fn inlines_html(list: &[Inline]) -> String {
    let mut out = String::new();
    for inline in list {
        match inline {
            Inline::Text(t) => out.push_str(&html(t)),
            Inline::Emphasis(c) => {
                let _ = write!(out, "<em>{}</em>", inlines_html(c));
            }
            Inline::Strong(c) => {
                let _ = write!(out, "<strong>{}</strong>", inlines_html(c));
            }
            Inline::Code(t) => {
                let _ = write!(out, "<code>{}</code>", html(t));
            }
            // Links only to https, http and mailto; anything else is its text.
            Inline::Link { href, content } if is_safe_url(href) => {
                let _ = write!(
                    out,
                    "<a href=\"{}\">{}</a>",
                    html(href),
                    inlines_html(content)
                );
            }
            Inline::Link { content, .. } => out.push_str(&inlines_html(content)),
            Inline::LineBreak => out.push_str("<br>"),
        }
    }
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

/// An offer's page, relative to the site's root.
pub fn page_path(offer: &Offer) -> String {
    format!("{DIR}/{}.html", offer.id)
}

/// The address of an offer's page.
pub fn page_url(site: &str, offer: &Offer) -> String {
    format!("{site}{}", page_path(offer))
}

/// The schema.org JobPosting of an offer (https://schema.org/JobPosting, with the properties
/// search engines read for job listings).
pub fn job_posting(offer: &Offer, bundle: &Bundle, site: &str) -> Value {
    let description = offer
        .description
        .as_deref()
        .map(document_html)
        .unwrap_or_default();
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

/// An offer page's `<head>` without its JSON-LD; `styles` are relative to the site's root.
fn head(title: &str, description: &str, url: &str, styles: &[String]) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{t}</title>\n<meta name=\"description\" content=\"{d}\">\n<link rel=\"canonical\" href=\"{u}\">\n\
         <meta property=\"og:type\" content=\"website\">\n<meta property=\"og:locale\" content=\"fr_FR\">\n\
         <meta property=\"og:title\" content=\"{t}\">\n<meta property=\"og:description\" content=\"{d}\">\n\
         <meta property=\"og:url\" content=\"{u}\">\n<link rel=\"icon\" href=\"data:,\">\n",
        t = html(title),
        d = html(description),
        u = html(url),
    );
    for style in styles {
        let _ = writeln!(out, "<link rel=\"stylesheet\" href=\"../{}\">", html(style));
    }
    out
}

/// An offer's static page.
pub fn offer_page(offer: &Offer, bundle: &Bundle, site: &Site) -> String {
    let doc = offer.description.as_deref().unwrap_or_default();
    let url = page_url(site.url, offer);
    let title = format!("{} – {}", offer.title, bundle.page.title);
    let description = summary(&document_text(doc), 160);
    let mut facts: Vec<(&str, String)> = vec![("Employeur", offer.employer.clone())];
    if let Some(g) = &offer.grade {
        facts.push(("Catégorie", g.label.clone()));
    }
    let place = offer.location_line();
    if !place.is_empty() {
        facts.push(("Lieu", place));
    }
    if let Some(p) = offer.published_on {
        facts.push(("Publiée le", p.to_french()));
    }
    if let Some(c) = offer.closes_on {
        facts.push(("Date limite de candidature", c.to_french()));
    }
    if let Some(r) = &offer.reference {
        facts.push(("Référence", r.clone()));
    }
    let mut out = String::from("<!doctype html>\n<html lang=\"fr\">\n<head>\n");
    out.push_str(&head(&title, &description, &url, site.styles));
    let _ = writeln!(
        out,
        "<script type=\"application/ld+json\">{}</script>",
        script_json(&job_posting(offer, bundle, site.url))
    );
    out.push_str(
        "</head>\n<body>\n<a class=\"offres-skip-link\" href=\"#contenu\">Aller au contenu</a>\n",
    );
    out.push_str("<main id=\"contenu\" class=\"offres-main offres-statement\" tabindex=\"-1\">\n");
    let _ = writeln!(
        out,
        "<p class=\"offres-offer__back\"><a href=\"../?offre={id}\">Voir cette offre sur le tableau des offres</a></p>",
        id = html(&offer.id)
    );
    let _ = writeln!(
        out,
        "<h1 class=\"offres-title\">{}</h1>",
        html(&offer.title)
    );
    out.push_str("<dl class=\"offres-facts\">\n");
    for (term, value) in facts {
        let _ = writeln!(
            out,
            "<div class=\"offres-facts__row\"><dt>{term}</dt><dd>{}</dd></div>",
            html(&value)
        );
    }
    out.push_str("</dl>\n<div class=\"offres-offer__description\">\n");
    out.push_str(&document_html(doc));
    out.push_str("</div>\n<h2>Pour candidater</h2>\n");
    let apply = offer.apply.clone().unwrap_or_default();
    if let Some(t) = &apply.text {
        let _ = writeln!(out, "<p>{}</p>", html(t));
    }
    if let (Some(href), Some(email)) = (apply.mailto_href(), &apply.email) {
        let _ = writeln!(
            out,
            "<p><a href=\"{}\">Écrire à {}</a></p>",
            html(&href),
            html(email)
        );
    }
    if let Some(u) = apply.url.as_deref().filter(|u| is_safe_url(u)) {
        let _ = writeln!(
            out,
            "<p><a href=\"{}\">Candidater en ligne</a></p>",
            html(u)
        );
    }
    if let Some(u) = offer.url.as_deref().filter(|u| is_safe_url(u)) {
        let _ = writeln!(
            out,
            "<p><a href=\"{}\">Consulter l'offre officielle</a></p>",
            html(u)
        );
    }
    out.push_str("<p><a href=\"../\">Toutes les offres</a></p>\n</main>\n");
    out.push_str(
        "<footer class=\"offres-footer\"><p><a href=\"../accessibilite.html\">Accessibilité : non conforme</a></p></footer>\n</body>\n</html>\n",
    );
    out
}

/// `sitemap.xml` (sitemaps.org 0.9).
pub fn sitemap(urls: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for url in urls {
        let _ = writeln!(out, "  <url><loc>{}</loc></url>", html(url));
    }
    out.push_str("</urlset>\n");
    out
}

/// Writes the offer pages, `sitemap.xml` and `robots.txt` into `out` (the built site). Returns
/// how many offer pages were written.
pub fn write_all(bundle: &Bundle, out: &Path, site: &Site, today: Date) -> Result<usize, CliError> {
    create_dir(&out.join(DIR))?;
    let mut urls = vec![
        site.url.to_string(),
        format!("{}accessibilite.html", site.url),
    ];
    for offer in with_pages(bundle, today) {
        write(&out.join(page_path(offer)), offer_page(offer, bundle, site))?;
        urls.push(page_url(site.url, offer));
    }
    write(&out.join("sitemap.xml"), sitemap(&urls))?;
    write(
        &out.join("robots.txt"),
        format!(
            "User-agent: *\nAllow: /\n\nSitemap: {}sitemap.xml\n",
            site.url
        ),
    )?;
    Ok(urls.len() - 2)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(
            document_html(&doc),
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;lien</p>\n"
        );
        let value = json!({ "description": "</script><script>" });
        assert!(!script_json(&value).contains('<'));
    }
}
