//! The stylesheets and the markup agree: every class a rule styles is written somewhere in the
//! markup's sources, and every class of the pages written at build time (the board, the offer
//! pages, the accessibility statement) is styled by some rule.

#![cfg(feature = "ssr")]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

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
        files(&root().join("scripts"), &[".js"]),
        vec![root().join("index.html")],
    ];
    for path in sources.iter().flatten() {
        out.extend(names_after(&read(path), "offres-"));
    }
    out
}

/// The classes of the pages written at build time.
fn rendered() -> BTreeSet<String> {
    let dist = std::env::temp_dir().join(format!("offres-styles-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dist);
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::copy(root().join("public/offers.json"), dist.join("offers.json")).unwrap();
    std::fs::copy(root().join("index.html"), dist.join("index.html")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_offres-render"))
        .arg(&dist)
        .args([
            "--site-url",
            "https://example.gouv.fr/",
            "--style",
            "offres.css",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut pages = files(&dist, &[".html"]);
    pages.push(root().join("public/accessibilite.html"));
    let mut classes = BTreeSet::new();
    for page in pages {
        let html = read(&page);
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
