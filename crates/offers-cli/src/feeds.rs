//! Atom (RFC 4287) and JSON Feed 1.1 of a bundle's active offers (open, and not past their
//! closing day: what the board shows), written by `offers build` beside the bundle as
//! `feed.atom` and `feed.json`; and one Atom feed per family and per place, in `feeds/`, named as
//! the board links them (`offers_core::search::topic_feed`): alerts without a server.

use offers_core::document::plain_text;
use offers_core::search::{topic_feed, value_of};
use offers_core::{Block, Bundle, Date, Facet, Offer};

use offers_core::document::escape_markup as escape;

/// The offer's summary: its first paragraph, or grade and place.
fn summary(offer: &Offer) -> String {
    let first = offer.description.as_ref().and_then(|d| {
        d.iter().find_map(|b| match b {
            Block::Paragraph(inlines) => Some(plain_text(inlines)),
            _ => None,
        })
    });
    first.unwrap_or_else(|| {
        let mut parts = vec![offer.employer.clone()];
        parts.extend(offer.grade.as_ref().map(|g| g.label.clone()));
        let place = offer.location_line();
        if !place.is_empty() {
            parts.push(place);
        }
        parts.join(" · ")
    })
}

fn active_offers(bundle: &Bundle, today: Date) -> impl Iterator<Item = &Offer> {
    bundle.offers.iter().filter(move |o| o.is_active(today))
}

/// The address of an offer: its own page elsewhere, else its card on the board.
fn link(offer: &Offer, site: &str) -> String {
    offer
        .url
        .clone()
        .unwrap_or_else(|| format!("{site}#offre-{}", offer.id))
}

fn updated(offer: &Offer, bundle: &Bundle) -> String {
    offer
        .published_on
        .map_or_else(|| bundle.generated_at.clone(), |d| format!("{d}T00:00:00Z"))
}

/// The feeds' `<entry>` of each active offer, in the bundle's order: written once, put in
/// feed.atom and in each topic feed the offer belongs to.
pub struct Entries<'a> {
    offers: Vec<&'a Offer>,
    texts: Vec<String>,
}

impl<'a> Entries<'a> {
    pub fn new(bundle: &'a Bundle, site: &str, today: Date) -> Self {
        let offers: Vec<&Offer> = active_offers(bundle, today).collect();
        let texts = offers.iter().map(|o| entry(o, bundle, site)).collect();
        Self { offers, texts }
    }
}

/// `site` is the board's address (the content's `base_url`, or a placeholder `urn:`).
pub fn atom(bundle: &Bundle, site: &str, entries: &Entries) -> String {
    atom_of(
        bundle,
        site,
        "",
        &bundle.page.title,
        entries.texts.iter().map(String::as_str),
    )
}

/// One Atom feed per family and one per place (of every offer, so that a feed stays where its
/// subscribers are while no offer is open): each feed's path under the site, and its text. The
/// open offers are sorted into their topics in one pass (a national export has thousands of
/// places).
pub fn topic_feeds(bundle: &Bundle, site: &str, entries: &Entries) -> Vec<(String, String)> {
    let mut topics: Vec<(Facet, String, String)> = bundle
        .families
        .iter()
        .map(|f| (Facet::Family, f.id.clone(), f.label.clone()))
        .collect();
    let mut index: std::collections::HashMap<(Facet, String), usize> = topics
        .iter()
        .enumerate()
        .map(|(i, (f, v, _))| ((*f, v.clone()), i))
        .collect();
    for offer in &bundle.offers {
        for place in &offer.locations {
            let value = value_of(&place.city);
            if !value.is_empty() && !index.contains_key(&(Facet::Location, value.clone())) {
                index.insert((Facet::Location, value.clone()), topics.len());
                topics.push((Facet::Location, value, place.city.clone()));
            }
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); topics.len()];
    for (n, offer) in entries.offers.iter().enumerate() {
        if let Some(&i) = index.get(&(Facet::Family, offer.family.clone())) {
            members[i].push(n);
        }
        let mut places: Vec<usize> = offer
            .locations
            .iter()
            .filter_map(|l| index.get(&(Facet::Location, value_of(&l.city))).copied())
            .collect();
        places.dedup();
        for i in places {
            members[i].push(n);
        }
    }
    topics
        .into_iter()
        .zip(members)
        .filter_map(|((facet, value, label), offers)| {
            let path = topic_feed(facet, &value)?;
            let title = format!("{} – {label}", bundle.page.title);
            let query = format!("?{}={value}", facet.key());
            let feed = atom_of(
                bundle,
                site,
                &query,
                &title,
                offers.iter().map(|&n| entries.texts[n].as_str()),
            );
            Some((path, feed))
        })
        .collect()
}

/// A feed of `entries` (from [`entry`]): `query` is the board's address for them
/// (`?famille=design`), after `site`.
fn atom_of<'a>(
    bundle: &Bundle,
    site: &str,
    query: &str,
    title: &str,
    entries: impl Iterator<Item = &'a str>,
) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"fr\">\n");
    out.push_str(&format!(
        "  <id>{}</id>\n  <title>{}</title>\n  <updated>{}</updated>\n",
        escape(&format!("{site}{query}")),
        escape(title),
        escape(&bundle.generated_at)
    ));
    if site.starts_with("http") {
        out.push_str(&format!(
            "  <link rel=\"alternate\" href=\"{}\"/>\n",
            escape(&format!("{site}{query}"))
        ));
    }
    out.push_str("  <author><name>offres</name></author>\n");
    for e in entries {
        out.push_str(e);
    }
    out.push_str("</feed>\n");
    out
}

/// One offer's `<entry>`, written once and put in every feed it belongs to.
fn entry(offer: &Offer, bundle: &Bundle, site: &str) -> String {
    let mut out = String::from("  <entry>\n");
    out.push_str(&format!(
        "    <id>{}</id>\n",
        escape(&format!("{site}#offre-{}", offer.id))
    ));
    out.push_str(&format!("    <title>{}</title>\n", escape(&offer.title)));
    out.push_str(&format!(
        "    <updated>{}</updated>\n",
        escape(&updated(offer, bundle))
    ));
    out.push_str(&format!(
        "    <link rel=\"alternate\" href=\"{}\"/>\n",
        escape(&link(offer, site))
    ));
    out.push_str(&format!(
        "    <author><name>{}</name></author>\n",
        escape(&offer.employer)
    ));
    out.push_str(&format!(
        "    <category term=\"{}\"/>\n",
        escape(&offer.family)
    ));
    out.push_str(&format!(
        "    <summary>{}</summary>\n",
        escape(&summary(offer))
    ));
    out.push_str("  </entry>\n");
    out
}

/// JSON Feed 1.1 (jsonfeed.org): typed and borrowed rather than `serde_json::json!` values (a
/// map per item and every string copied, then the maps serialized: in a perf profile of a
/// 10 000-offer build, the maps' inserts were among the largest costs).
#[derive(serde::Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    home_page_url: Option<&'a str>,
    language: &'static str,
    items: Vec<JsonItem<'a>>,
}

#[derive(serde::Serialize)]
struct JsonItem<'a> {
    id: String,
    url: String,
    title: &'a str,
    content_text: String,
    date_published: String,
    authors: [JsonAuthor<'a>; 1],
    tags: Vec<&'a str>,
    #[serde(rename = "_offres", skip_serializing_if = "Option::is_none")]
    offres: Option<JsonExtension>,
}

#[derive(serde::Serialize)]
struct JsonAuthor<'a> {
    name: &'a str,
}

/// The feed's extension (JSON Feed's `_` keys): the closing day.
#[derive(serde::Serialize)]
struct JsonExtension {
    closes_on: String,
}

pub fn json_feed(bundle: &Bundle, site: &str, entries: &Entries) -> String {
    let items = entries
        .offers
        .iter()
        .map(|offer| JsonItem {
            id: format!("{site}#offre-{}", offer.id),
            url: link(offer, site),
            title: &offer.title,
            content_text: summary(offer),
            date_published: updated(offer, bundle),
            authors: [JsonAuthor {
                name: &offer.employer,
            }],
            tags: std::iter::once(offer.family.as_str())
                .chain(offer.tags.iter().map(String::as_str))
                .collect(),
            offres: offer.closes_on.map(|d| JsonExtension {
                closes_on: d.to_string(),
            }),
        })
        .collect();
    let feed = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: &bundle.page.title,
        home_page_url: site.starts_with("http").then_some(site),
        language: "fr",
        items,
    };
    let mut text = serde_json::to_string_pretty(&feed).expect("a feed serializes");
    text.push('\n');
    text
}
