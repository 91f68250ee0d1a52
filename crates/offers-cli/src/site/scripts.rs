//! The scripts a site gets beside the app (templates/): the start script, the service worker, the
//! widget and the iframe embedding, with their `__NAME__` placeholders filled from the names the
//! app shares with them (src/shared_names.rs) and the values of the build.

use crate::io::CliError;

pub const START: &str = include_str!("../../templates/start.js");
pub const SERVICE_WORKER: &str = include_str!("../../templates/sw.js");
pub const WIDGET: &str = include_str!("../../templates/widget.js");
pub const EMBED: &str = include_str!("../../templates/embed.js");
pub const IFRAME_RESIZE: &str = include_str!("../../templates/iframe-resize.js");

/// `template` with every `__NAME__` replaced by the shared name NAME, or by `values`' NAME; an
/// unknown placeholder is an error (a name renamed on one side only).
pub fn fill(file: &str, template: &str, values: &[(&str, &str)]) -> Result<String, CliError> {
    let shared = offres::shared_names::placeholders();
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(at) = rest.find("__") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        // The longest run of [A-Z_] that ends with "__" (as /__([A-Z_]+)__/ reads it).
        let run = after
            .find(|c: char| !(c.is_ascii_uppercase() || c == '_'))
            .unwrap_or(after.len());
        let name = after[..run].strip_suffix("__").filter(|n| !n.is_empty());
        let Some(name) = name.filter(|n| n.chars().any(|c| c.is_ascii_uppercase())) else {
            out.push_str("__");
            rest = after;
            continue;
        };
        let value = values
            .iter()
            .chain(shared.iter())
            .find(|(n, _)| *n == name)
            .ok_or_else(|| {
                CliError::Usage(format!("templates/{file} : marque inconnue __{name}__"))
            })?;
        out.push_str(value.1);
        rest = &after[run..];
    }
    out.push_str(rest);
    Ok(out)
}

/// The start script, as index.html carries it inline: its comments (whole lines, which is how the
/// template writes them), indentation and blank lines left out. Every visitor downloads it with
/// the page, before the first paint; its comments were 0.5 KB brotli of them.
pub fn start() -> Result<String, CliError> {
    let filled = fill("start.js", START, &[])?;
    let lines: Vec<&str> = filled
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("//"))
        .collect();
    Ok(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_and_an_unknown_one_is_refused() {
        assert_eq!(
            fill("t.js", "a __X__ b '__THEME_KEY__' c__", &[("X", "1")]).unwrap(),
            "a 1 b 'offres-theme' c__"
        );
        assert_eq!(fill("t.js", "__init__ __", &[]).unwrap(), "__init__ __");
        let err = fill("t.js", "__NOPE__", &[]).unwrap_err();
        assert!(err.to_string().contains("__NOPE__"), "{err}");
    }

    #[test]
    fn the_inline_start_keeps_its_code_and_no_comment() {
        let start = start().unwrap();
        assert!(start.starts_with("(function () {"), "{start}");
        assert!(start.ends_with("})();"), "{start}");
        assert!(start.contains("localStorage.getItem('offres-theme')"));
        // The template's comments are whole lines: none is left, nor any other line starting so.
        assert!(!start.lines().any(|l| l.starts_with("//")), "{start}");
        assert!(
            start.len() * 3 < START.len() * 2,
            "{} of {}",
            start.len(),
            START.len()
        );
    }

    #[test]
    fn every_template_fills_with_the_shared_names() {
        let values = [
            ("VERSION", "v"),
            ("FORMAT_VERSION", "1"),
            ("PRECACHE", "[]"),
            ("STYLES", "[]"),
            ("CODE", "\"\""),
            ("WASM", "\"\""),
        ];
        for (file, text) in [
            ("start.js", START),
            ("sw.js", SERVICE_WORKER),
            ("widget.js", WIDGET),
            ("embed.js", EMBED),
            ("iframe-resize.js", IFRAME_RESIZE),
        ] {
            let filled = fill(file, text, &values).unwrap();
            assert!(!filled.contains("__"), "{file}: {filled}");
        }
    }
}
