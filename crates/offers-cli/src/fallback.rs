//! `offers fallback`: the static list of open offers that the served index.html carries for
//! browsers without JavaScript or WebAssembly (and for search engines). The app replaces it when
//! it starts.

use offers_core::{is_safe_url, Bundle, Date};

use crate::feeds::escape as html;

pub const START: &str = "<!-- offres:fallback -->";
pub const END: &str = "<!-- /offres:fallback -->";

/// The fallback list: the page title, then each family with its open offers as links (to the
/// offer elsewhere, or to its page on the board), with grade and place.
pub fn fallback_html(bundle: &Bundle, today: Date) -> String {
    let open: Vec<u32> = bundle
        .offers
        .iter()
        .enumerate()
        .filter(|(_, o)| o.is_active(today))
        .map(|(i, _)| u32::try_from(i).unwrap_or(u32::MAX))
        .collect();
    let mut out = String::new();
    out.push_str(START);
    out.push_str("\n<div class=\"offres-static\">\n");
    out.push_str(&format!(
        "<h1 class=\"offres-title\">{}</h1>\n",
        html(&bundle.page.title)
    ));
    out.push_str(&format!(
        "<p>{} offre{} ouverte{}.</p>\n",
        open.len(),
        if open.len() > 1 { "s" } else { "" },
        if open.len() > 1 { "s" } else { "" }
    ));
    for group in bundle.group_indices(&open) {
        if let Some(text) = bundle
            .page
            .sections
            .iter()
            .find(|s| s.section == group.section)
        {
            out.push_str(&format!("<h2>{}</h2>\n", html(&text.heading)));
        }
        for (fi, offers) in group.families {
            out.push_str(&format!(
                "<h3>{}</h3>\n<ul>\n",
                html(&bundle.families[fi].label)
            ));
            for i in offers {
                let o = &bundle.offers[i as usize];
                // An offer with a full text has its static page (`offers pages`), readable
                // without JavaScript; `?offre=` would need the app.
                let href = if o.description.is_some() {
                    Some(crate::pages::page_path(o))
                } else {
                    o.url.clone().filter(|u| is_safe_url(u))
                };
                let title = match href {
                    Some(h) => format!("<a href=\"{}\">{}</a>", html(&h), html(&o.title)),
                    None => html(&o.title),
                };
                let mut meta = vec![html(&o.employer)];
                if let Some(g) = &o.grade {
                    meta.push(html(&g.label));
                }
                let place = o.location_line();
                if !place.is_empty() {
                    meta.push(html(&place));
                }
                out.push_str(&format!("<li>{title} – {}</li>\n", meta.join(" · ")));
            }
            out.push_str("</ul>\n");
        }
    }
    out.push_str("</div>\n");
    out.push_str(END);
    out
}

/// Puts the list inside `<main id="offres" …>` of `page`, replacing a previous one.
pub fn inject(page: &str, list: &str) -> Option<String> {
    if let (Some(a), Some(b)) = (page.find(START), page.find(END)) {
        return Some(format!("{}{list}{}", &page[..a], &page[b + END.len()..]));
    }
    let open = page.find("<main id=\"offres\"")?;
    let close = open + page[open..].find('>')? + 1;
    Some(format!("{}\n{list}\n{}", &page[..close], &page[close..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_injects_once() {
        assert_eq!(
            html("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &apos;y&apos;&lt;/b&gt;"
        );
        let page = "<body><main id=\"offres\" class=\"m\"></main></body>";
        let once = inject(page, &format!("{START}A{END}")).unwrap();
        let twice = inject(&once, &format!("{START}B{END}")).unwrap();
        assert!(twice.contains("B") && !twice.contains(">A<") && twice.matches(START).count() == 1);
        assert!(inject("<body></body>", "x").is_none());
    }
}
