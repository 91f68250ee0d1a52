//! The app's page shell (index.html) made deployable as-is on a static host:
//! - the first paint needs only the page and its stylesheet: trunk's preloads of the module go,
//!   and the module is fetched once the page has painted (by the start script);
//! - strict CSP: trunk's inline start script, which names this build's files, gives way to
//!   `templates/start.js`, the same for every build, whose hash the CSP of
//!   deploy/nginx/security-headers.conf allows; the names go into a `<meta>` it reads.
//!
//! A shell already made so (the index.html of a site built before) is taken as it is.

use base64::Engine as _;
use sha2::{Digest, Sha256};

use crate::io::CliError;

/// The module and stylesheet of an app build, by their names at the site's root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Module {
    pub glue: String,
    pub wasm: String,
    pub style: String,
}

/// The meta element the start script reads the module's names from.
const META: &str = "<meta name=\"offres-module\" content=\"";

fn bad(what: impl std::fmt::Display) -> CliError {
    CliError::Usage(format!("index.html de l'application : {what}"))
}

/// The text between the first `before` and the next `after` in `text`, with where it starts.
fn between<'t>(text: &'t str, before: &str, after: &str) -> Option<(usize, &'t str)> {
    let start = text.find(before)? + before.len();
    let len = text[start..].find(after)?;
    Some((start, &text[start..start + len]))
}

/// `'sha256-…'`, the CSP source of an inline script.
pub fn csp_hash(script: &str) -> String {
    let digest = Sha256::digest(script.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The deployable shell and the names it loads, from trunk's index.html (or a built site's).
/// `start` is the start script; `headers` the deploy configuration that must allow it.
pub fn prepare(html: &str, start: &str, headers: &str) -> Result<(String, Module), CliError> {
    let hash = csp_hash(start);
    if !headers.contains(&hash) {
        return Err(bad(format!(
            "la CSP de deploy/nginx/security-headers.conf (et docs/deploy.md) doit permettre le script de démarrage : script-src … {hash}"
        )));
    }
    let mut html = html.to_string();
    // trunk's start: `import init, * as bindings from './offres-….js'; … module_or_path: '…' …`.
    if let Some(at) = html.find("<script type=\"module\">") {
        let end = at
            + html[at..]
                .find("</script>")
                .ok_or_else(|| bad("<script> sans fin"))?
            + "</script>".len();
        let script = &html[at..end];
        let glue = between(script, "from '", "'").map(|(_, n)| n);
        let wasm = between(script, "module_or_path: '", "'").map(|(_, n)| n);
        let (Some(glue), Some(wasm)) = (glue, wasm) else {
            return Err(bad(format!(
                "le script de démarrage de trunk a changé : {script}"
            )));
        };
        let meta = format!("{META}{glue} {wasm}\">\n<script>{start}</script>");
        html.replace_range(at..end, &meta);
    } else {
        // A built site's shell: its start script is replaced by this binary's.
        let (at, _) = between(&html, META, "\">").ok_or_else(|| {
            bad("ni le script de démarrage de trunk, ni <meta name=\"offres-module\">")
        })?;
        let (from, old) = between(&html[at..], "<script>", "</script>")
            .ok_or_else(|| bad("pas de script de démarrage après <meta name=\"offres-module\">"))?;
        let from = at + from;
        let old_len = old.len();
        html.replace_range(from..from + old_len, start);
    }
    // trunk's preloads of the module (before the stylesheet, at high priority) go.
    while let Some(at) = html
        .find("<link rel=\"modulepreload\"")
        .or_else(|| html.find("<link rel=\"preload\""))
    {
        let end = at + html[at..].find('>').ok_or_else(|| bad("<link> sans fin"))? + 1;
        let end = if html[end..].starts_with('\n') {
            end + 1
        } else {
            end
        };
        html.replace_range(at..end, "");
    }
    // The template's comments in <head> (for whoever reads index.html), its indentation and the
    // blank lines trunk leaves where its links were are not for visitors.
    while let Some(at) = html[..html.find("</head>").unwrap_or(0)].find("<!--") {
        let end = at + html[at..].find("-->").ok_or_else(|| bad("<!-- sans fin"))? + 3;
        html.replace_range(at..end, "");
    }
    if let Some((start, head)) = between(&html, "<head>", "</head>") {
        let end = start + head.len();
        let lines: Vec<&str> = head
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let head = format!("\n{}\n", lines.join("\n"));
        html.replace_range(start..end, &head);
    }
    let inline =
        html.matches("<script>").count() + html.matches("<script type=\"module\">").count();
    if inline != 1 {
        return Err(bad(
            "un script en ligne autre que celui de démarrage (la CSP le refuserait)",
        ));
    }
    let (_, names) = between(&html, META, "\"").expect("written above");
    let (glue, wasm) = names
        .split_once(' ')
        .ok_or_else(|| bad(format!("<meta name=\"offres-module\"> illisible : {names}")))?;
    let styles: Vec<&str> = html
        .match_indices("<link rel=\"stylesheet\" href=\"./")
        .filter_map(|(at, key)| between(&html[at..], key, "\"").map(|(_, n)| n))
        .collect();
    let [style] = styles[..] else {
        return Err(bad(format!(
            "une feuille de style attendue (fusionnées par scripts/minify.mjs), {} trouvée(s)",
            styles.len()
        )));
    };
    let module = Module {
        glue: glue.trim_start_matches("./").to_string(),
        wasm: wasm.trim_start_matches("./").to_string(),
        style: style.to_string(),
    };
    Ok((html, module))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TRUNK: &str = "<head>\n    <!-- For whoever reads it,\n         on two lines. -->\n<link rel=\"modulepreload\" href=\"./offres-ab.js\" crossorigin=\"anonymous\" integrity=\"x\">\n\
        <link rel=\"preload\" href=\"./offres-ab_bg.wasm\" crossorigin=\"anonymous\" integrity=\"y\" as=\"fetch\" type=\"application/wasm\">\n\
        <link rel=\"stylesheet\" href=\"./offres-cd.css\" integrity=\"z\">\n\
        <script type=\"module\">\nimport init, * as bindings from './offres-ab.js';\nconst wasm = await init({ module_or_path: './offres-ab_bg.wasm' });\n\nwindow.wasmBindings = bindings;\n</script></head>";

    #[test]
    fn trunks_start_gives_way_to_the_start_script_and_its_names() {
        let start = "(function(){})()";
        let headers = format!("script-src 'self' {}", csp_hash(start));
        let (html, module) = prepare(TRUNK, start, &headers).unwrap();
        assert_eq!(
            module,
            Module {
                glue: "offres-ab.js".into(),
                wasm: "offres-ab_bg.wasm".into(),
                style: "offres-cd.css".into()
            }
        );
        assert_eq!(
            html,
            "<head>\n<link rel=\"stylesheet\" href=\"./offres-cd.css\" integrity=\"z\">\n\
             <meta name=\"offres-module\" content=\"./offres-ab.js ./offres-ab_bg.wasm\">\n\
             <script>(function(){})()</script>\n</head>"
        );
        // A built site's shell is a shell too: the same again, with this binary's start.
        let (again, same) = prepare(&html, start, &headers).unwrap();
        assert_eq!((again, same), (html.clone(), module));
        let newer = "(function(){ 2 })()";
        let headers = format!("script-src 'self' {}", csp_hash(newer));
        let (html, _) = prepare(&html, newer, &headers).unwrap();
        assert!(
            html.contains("<script>(function(){ 2 })()</script>"),
            "{html}"
        );
    }

    #[test]
    fn a_start_script_the_csp_does_not_allow_or_a_second_script_is_refused() {
        let err = prepare(TRUNK, "x()", "script-src 'self'").unwrap_err();
        assert!(err.to_string().contains("script-src … 'sha256-"), "{err}");
        let headers = csp_hash("x()");
        let two = TRUNK.replace("</head>", "<script>alert(1)</script></head>");
        let err = prepare(&two, "x()", &headers).unwrap_err();
        assert!(
            err.to_string().contains("autre que celui de démarrage"),
            "{err}"
        );
        let err = prepare("<head></head>", "x()", &headers).unwrap_err();
        assert!(
            err.to_string().contains("ni le script de démarrage"),
            "{err}"
        );
    }
}
