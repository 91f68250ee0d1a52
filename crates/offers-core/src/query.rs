//! The query ⇄ URL parameters, with readable keys: `?q=data&famille=design,donnees&lieu=paris&tri=recent`.
//! Unknown keys, malformed values and unknown options are ignored, never an error.

use crate::search::{Facet, Query, SearchIndex, Sort};

pub const TEXT: &str = "q";
pub const SORT: &str = "tri";
pub const SORT_NEWEST: &str = "recent";
pub const SHOW_INACTIVE: &str = "inactives";
/// The offer page shown (`?offre=ID`), not part of the query.
pub const OFFER: &str = "offre";

const MAX_TEXT: usize = 200;

fn is_value(v: &str) -> bool {
    !v.is_empty()
        && v.len() <= 120
        && v.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Reads a query from URL parameters (already percent-decoded), in any order. For a facet given
/// twice, values add up; `q` given twice keeps the last.
pub fn from_params<'a>(params: impl IntoIterator<Item = (&'a str, &'a str)>) -> Query {
    let mut query = Query::default();
    for (key, value) in params {
        match key {
            TEXT => query.text = value.chars().take(MAX_TEXT).collect(),
            SORT => {
                query.sort = if value == SORT_NEWEST {
                    Sort::Newest
                } else {
                    Sort::Family
                }
            }
            SHOW_INACTIVE => query.show_inactive = value == "1" || value == "oui",
            _ => {
                if let Some(facet) = Facet::ALL.iter().find(|f| f.key() == key) {
                    let list = query.selected_mut(*facet);
                    for v in value.split(',').map(str::trim).filter(|v| is_value(v)) {
                        if !list.iter().any(|x| x == v) {
                            list.push(v.to_string());
                        }
                    }
                }
            }
        }
    }
    query
}

/// Drops the selected values no option of `index` has (a stale or mistyped link).
pub fn retain_known(query: &mut Query, index: &SearchIndex) {
    for facet in Facet::ALL {
        let options = index.options(facet);
        query
            .selected_mut(facet)
            .retain(|v| options.iter().any(|o| &o.value == v));
    }
}

/// The parameters of a query, defaults left out, in a fixed order.
pub fn to_params(query: &Query) -> Vec<(&'static str, String)> {
    let mut params = Vec::new();
    let text = query.text.trim();
    if !text.is_empty() {
        params.push((TEXT, text.to_string()));
    }
    for facet in Facet::ALL {
        let values = query.selected(facet);
        if !values.is_empty() {
            params.push((facet.key(), values.join(",")));
        }
    }
    if query.sort == Sort::Newest {
        params.push((SORT, SORT_NEWEST.to_string()));
    }
    if query.show_inactive {
        params.push((SHOW_INACTIVE, "1".to_string()));
    }
    params
}

/// Splits a URL's query string (`?a=1&b=x%20y`, with or without the `?`) into decoded pairs.
/// `+` is a space; a malformed escape is kept as written.
pub fn parse_search(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            (decode(k), decode(v))
        })
        .collect()
}

fn decode(text: &str) -> String {
    crate::percent::decode(text, true)
}

/// The query string (`?q=data&famille=design`, or empty) for a query and an optional offer page.
pub fn to_search(query: &Query, offer: Option<&str>) -> String {
    let mut out = String::new();
    let offer = offer.map(|id| (OFFER, id.to_string()));
    for (k, v) in offer.into_iter().chain(to_params(query)) {
        out.push(if out.is_empty() { '?' } else { '&' });
        out.push_str(k);
        out.push('=');
        out.push_str(&crate::percent::encode(&v, b","));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_readable_links() {
        let q = from_params([
            ("q", "data"),
            ("famille", "design,donnees"),
            ("lieu", "paris"),
            ("tri", "recent"),
        ]);
        assert_eq!(q.text, "data");
        assert_eq!(q.selected(Facet::Family), ["design", "donnees"]);
        assert_eq!(q.selected(Facet::Location), ["paris"]);
        assert_eq!(q.sort, Sort::Newest);
        assert_eq!(
            to_params(&q),
            [
                ("q", "data".to_string()),
                ("famille", "design,donnees".into()),
                ("lieu", "paris".into()),
                ("tri", "recent".into())
            ]
        );
    }

    #[test]
    fn query_strings_round_trip() {
        let mut q = from_params([("q", "données & co + 100%"), ("lieu", "saint-denis,paris")]);
        q.sort = Sort::Newest;
        let s = to_search(&q, Some("charge-mission-design"));
        assert_eq!(s, "?offre=charge-mission-design&q=donn%C3%A9es%20%26%20co%20%2B%20100%25&lieu=saint-denis,paris&tri=recent");
        let pairs = parse_search(&s);
        let back = from_params(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        assert_eq!(back, q);
        assert_eq!(
            parse_search("?q=a+b&x=%zz&&=v&k"),
            [
                ("q".into(), "a b".into()),
                ("x".into(), "%zz".into()),
                ("".into(), "v".into()),
                ("k".into(), "".into())
            ]
        );
        assert_eq!(to_search(&Query::default(), None), "");
    }

    #[test]
    fn ignores_what_it_does_not_know() {
        let q = from_params([
            ("utm_source", "x"),
            ("famille", "<script>,DESIGN,,design,design"),
            ("tri", "n'importe"),
            ("inactives", "peut-être"),
            ("lieu", &"a".repeat(500)),
        ]);
        assert_eq!(q.selected(Facet::Family), ["design"]);
        assert!(q.selected(Facet::Location).is_empty());
        assert_eq!(q.sort, Sort::Family);
        assert!(!q.show_inactive);
        assert!(to_params(&from_params([])).is_empty());
    }
}
