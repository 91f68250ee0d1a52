//! The stylesheets and the markup agree: every class a rule styles is written somewhere in the
//! markup's sources, and every class of the pages written at build time (the board, the offer
//! pages, the accessibility statement) is styled by some rule.

#![cfg(feature = "ssr")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every file under `dir` whose name ends with one of `exts`.
fn files(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_owned()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else if exts.iter().any(|e| path.to_string_lossy().ends_with(e)) {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// `offres-…` names in `text`, from where `start` matches.
fn names_after<'t>(text: &'t str, start: &'t str) -> impl Iterator<Item = String> + 't {
    text.match_indices(start).map(move |(at, m)| {
        text[at + m.len() - "offres-".len()..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
            .collect()
    })
}

/// The classes the stylesheets style, comments left out.
fn styled() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for path in files(&root().join("style"), &[".css"]) {
        let mut css = read(&path);
        while let Some(open) = css.find("/*") {
            let close = css[open..].find("*/").map_or(css.len(), |c| open + c + 2);
            css.replace_range(open..close, "");
        }
        out.extend(names_after(&css, ".offres-"));
    }
    out
}

/// Every `offres-…` word of the markup's sources: the components, the pages, the scripts.
fn written() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let sources = [
        files(&root().join("src"), &[".rs"]),
        files(&root().join("public"), &[".html"]),
        files(&root().join("crates/offers-cli/templates"), &[".js"]),
        vec![root().join("index.html")],
    ];
    for path in sources.iter().flatten() {
        out.extend(names_after(&read(path), "offres-"));
    }
    out
}

/// The classes of the pages written at build time (by `offers site`, through `render::pages`),
/// and of the accessibility statement.
fn rendered() -> BTreeSet<String> {
    let loaded = offers_core::parse_bundle(&read(&root().join("public/offers.json"))).unwrap();
    let ready = offres::ready::Ready::new(
        std::sync::Arc::new(loaded),
        offers_core::Date::new(2026, 11, 23).unwrap(),
    );
    let shell = read(&root().join("index.html"));
    let mut pages: Vec<String> =
        offres::render::pages(&ready, &shell, "https://example.gouv.fr/", "offres.css")
            .unwrap()
            .into_iter()
            .filter(|(path, _)| path.ends_with(".html"))
            .map(|(_, text)| text)
            .collect();
    pages.push(read(&root().join("public/accessibilite.html")));
    let mut classes = BTreeSet::new();
    for html in pages {
        for (at, _) in html.match_indices("class=\"") {
            let value = &html[at + 7..];
            let value = &value[..value.find('"').unwrap()];
            classes.extend(value.split_whitespace().map(str::to_string));
        }
    }
    classes
}

#[test]
fn every_rule_styles_markup_and_every_class_of_the_pages_has_a_rule() {
    let styled = styled();
    let written = written();
    assert!(styled.len() > 50, "{styled:?}");
    let unused: Vec<&String> = styled.iter().filter(|c| !written.contains(*c)).collect();
    assert!(
        unused.is_empty(),
        "rules for classes no markup uses: {unused:?}"
    );
    let rendered = rendered();
    assert!(rendered.contains("offres-panel"), "{rendered:?}");
    let bare: Vec<&String> = rendered
        .iter()
        .filter(|c| c.starts_with("offres-") && !styled.contains(*c))
        .collect();
    assert!(
        bare.is_empty(),
        "classes of the pages that no rule styles: {bare:?}"
    );
}
