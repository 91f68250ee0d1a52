//! `offers serve DIR`: a built site previewed as the deploy configuration serves it (nginx with
//! `deploy/nginx/offres.conf`): the security headers of `security-headers.conf` (read from that
//! file, so that the two never disagree), a year of caching for hashed files and `no-cache` for the
//! rest, content types with their charset, and the precompressed `.br` or `.gz` beside a file when
//! the browser accepts it. For previews on this machine, not for production: it answers one
//! request at a time.

use std::path::{Component, Path, PathBuf};

use crate::io::CliError;
use crate::report::Outcome;

/// The deploy configuration's security headers, sent with every response (and read by
/// `offers site`: their CSP must allow the start script).
pub const SECURITY_HEADERS: &str = include_str!("../../../deploy/nginx/security-headers.conf");

/// `add_header Name "value" always;` lines.
fn security_headers() -> Vec<(String, String)> {
    SECURITY_HEADERS
        .lines()
        .filter_map(|l| {
            let rest = l.trim().strip_prefix("add_header ")?;
            let (name, value) = rest.split_once(' ')?;
            let value = value.trim_end_matches(';').trim_end_matches(" always");
            Some((name.to_string(), value.trim_matches('"').to_string()))
        })
        .collect()
}

/// The content type of a file, by its extension (with nginx's charset on text types).
fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "application/javascript; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "atom" => "application/atom+xml; charset=utf-8",
        "xml" => "text/xml; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// Hashed by trunk (`name-<8 to 16 hex digits>(_bg).js|wasm|css`): never changes.
fn is_hashed(name: &str) -> bool {
    let Some((stem, ext)) = name.rsplit_once('.') else {
        return false;
    };
    // The code and styles (trunk's hash), and a large bundle's full texts (`textes/`, named by
    // the hash of their content: new content, new name).
    let ext = ext.to_ascii_lowercase();
    if !(matches!(ext.as_str(), "js" | "wasm" | "css")
        || ext == "json" && stem.starts_with("texte-"))
    {
        return false;
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        (8..=16).contains(&hash.len()) && hash.bytes().all(|b| b.is_ascii_hexdigit())
    })
}

/// The file a request path names under `root`: `/` and folders are their `index.html`; a path
/// that climbs out (`..`), decoded or not, names nothing.
fn file_for(root: &Path, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("/");
    let decoded = offers_core::percent::decode(path, false);
    let relative = Path::new(decoded.trim_start_matches('/'));
    if relative
        .components()
        .any(|c| !matches!(c, Component::Normal(_)))
    {
        return None;
    }
    let mut file = root.join(relative);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

/// One response: the file, or its precompressed copy, and the headers of the deploy configuration.
fn respond(root: &Path, request: tiny_http::Request, security: &[(String, String)]) {
    let accepts = |coding: &str| {
        request
            .headers()
            .iter()
            .filter(|h| h.field.equiv("Accept-Encoding"))
            .any(|h| {
                h.value
                    .as_str()
                    .split(',')
                    .any(|c| c.trim().starts_with(coding))
            })
    };
    let header = |name: &str, value: &str| {
        tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
    };
    let Some(file) = file_for(root, request.url()) else {
        let mut response = tiny_http::Response::from_string("404 Not Found").with_status_code(404);
        for (name, value) in security {
            response.add_header(header(name, value));
        }
        let _ = request.respond(response);
        return;
    };
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let variants = [("br", "br"), ("gzip", "gz")];
    let compressed = variants.iter().find_map(|(coding, ext)| {
        let copy = file.with_file_name(format!("{name}.{ext}"));
        (accepts(coding) && copy.is_file()).then_some((*coding, copy))
    });
    let has_copies = variants
        .iter()
        .any(|(_, ext)| file.with_file_name(format!("{name}.{ext}")).is_file());
    let body = match &compressed {
        Some((_, copy)) => std::fs::read(copy),
        None => std::fs::read(&file),
    };
    let Ok(body) = body else {
        let _ = request.respond(tiny_http::Response::empty(500));
        return;
    };
    let mut response = tiny_http::Response::from_data(body);
    response.add_header(header("Content-Type", content_type(&file)));
    response.add_header(header(
        "Cache-Control",
        if is_hashed(name) {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        },
    ));
    if let Some((coding, _)) = compressed {
        response.add_header(header("Content-Encoding", coding));
    }
    if has_copies {
        // Caches between the host and the visitor keep one copy per encoding.
        response.add_header(header("Vary", "Accept-Encoding"));
    }
    for (name, value) in security {
        response.add_header(header(name, value));
    }
    let _ = request.respond(response);
}

/// Serves `root` on `address` (`127.0.0.1:8080`) until stopped.
pub fn run(root: &Path, address: &str) -> Result<Outcome, CliError> {
    if !root.join("index.html").is_file() {
        return Err(CliError::Invalid(format!(
            "{} : pas de index.html (un site construit, comme dist/, est attendu)",
            root.display()
        )));
    }
    let server = tiny_http::Server::http(address)
        .map_err(|e| CliError::Invalid(format!("{address} : écoute impossible : {e}")))?;
    println!(
        "offres : http://{address}/ ({} ; Ctrl+C pour arrêter)",
        root.display()
    );
    let security = security_headers();
    for request in server.incoming_requests() {
        respond(root, request, &security);
    }
    Ok(Outcome::Ok)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_and_names_as_the_deploy_configuration_has_them() {
        let headers = security_headers();
        let csp = headers
            .iter()
            .find(|(n, _)| n == "Content-Security-Policy")
            .map(|(_, v)| v.as_str())
            .unwrap();
        assert!(
            csp.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-")
        );
        assert!(headers
            .iter()
            .any(|(n, v)| n == "X-Content-Type-Options" && v == "nosniff"));
        assert!(is_hashed("offres-0123456789abcdef_bg.wasm"));
        assert!(is_hashed("offres-0123abcd.css"));
        assert!(!is_hashed("offers.json"));
        assert!(is_hashed("texte-0123456789abcdef.json"));
        assert!(!is_hashed("texte-de-l-offre.json"));
        assert!(!is_hashed("feed-0123456789abcdef.json"));
        assert!(!is_hashed("widget.js"));
        assert!(!is_hashed("offres-xyz.js"));
    }

    #[test]
    fn paths_never_leave_the_site() {
        let root = std::env::temp_dir().join(format!("offers-serve-{}", std::process::id()));
        std::fs::create_dir_all(root.join("feeds")).unwrap();
        std::fs::write(root.join("index.html"), "x").unwrap();
        std::fs::write(root.join("feeds/lieu-paris.atom"), "x").unwrap();
        std::fs::write(root.join("a+b.txt"), "x").unwrap();
        assert_eq!(file_for(&root, "/"), Some(root.join("index.html")));
        assert_eq!(file_for(&root, "/?offre=a"), Some(root.join("index.html")));
        assert_eq!(
            file_for(&root, "/feeds/lieu%2Dparis.atom"),
            Some(root.join("feeds/lieu-paris.atom"))
        );
        assert_eq!(file_for(&root, "/../etc/passwd"), None);
        assert_eq!(file_for(&root, "/%2e%2e/etc/passwd"), None);
        assert_eq!(file_for(&root, "/absent.js"), None);
        // In a path, `+` is itself, not a space.
        assert_eq!(file_for(&root, "/a+b.txt"), Some(root.join("a+b.txt")));
        let _ = std::fs::remove_dir_all(&root);
    }
}
