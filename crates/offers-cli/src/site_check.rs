//! `offers check-site DIR`: what to run on a built site before every upload.
//!
//! Static hosts serve `X.br` or `X.gz` in place of `X` to clients that accept them (nginx's
//! `brotli_static`, `gzip_static`; buckets with `Content-Encoding` metadata) without looking at
//! `X`: replacing `offers.json` alone leaves its old compressed copies in service. This check
//! fails when a compressed copy is not exactly its source compressed, when a file sw.js names is
//! missing, or when a link or file a page names (the board rendered in index.html, the offer
//! pages, the statement) does not resolve to a file inside the site.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use crate::io::{files_under, read, CliError};
use crate::report::Outcome;

fn decompressed(path: &Path, bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    if path.extension().is_some_and(|e| e == "br") {
        brotli_decompressor::Decompressor::new(bytes, 4096).read_to_end(&mut out)?;
    } else {
        flate2::read::GzDecoder::new(bytes).read_to_end(&mut out)?;
    }
    Ok(out)
}

/// The local files a page names in `href`, `src` and the start script's
/// `<meta name="offres-module" content="…">`: relative addresses, without query or fragment.
pub fn named_by_page(html: &str) -> Vec<String> {
    let mut names = Vec::new();
    for attribute in ["href=\"", "src=\""] {
        for piece in html.split(attribute).skip(1) {
            names.extend(piece.split('"').next().map(str::to_string));
        }
    }
    if let Some(meta) = html.split("name=\"offres-module\" content=\"").nth(1) {
        names.extend(
            meta.split('"')
                .next()
                .unwrap_or("")
                .split_whitespace()
                .map(str::to_string),
        );
    }
    names
        .into_iter()
        .filter(|n| {
            !n.is_empty()
                && !n.starts_with('#')
                && !n.starts_with("//")
                && !n.starts_with('/')
                && !n.contains(':')
        })
        .map(|n| {
            let n = n.split(['?', '#']).next().unwrap_or("");
            n.trim_start_matches("./").to_string()
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// The file `name` (as [`named_by_page`] gives it) names from a page in `folder` (relative to the
/// site): a folder is its index.html; `None` when it climbs out of the site.
fn resolve(folder: &Path, name: &str) -> Option<PathBuf> {
    let mut path = PathBuf::new();
    for c in folder.join(name).components() {
        match c {
            Component::Normal(part) => path.push(part),
            Component::ParentDir => {
                if !path.pop() {
                    return None;
                }
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    if name.ends_with('/') || name == ".." || path.as_os_str().is_empty() {
        path.push("index.html");
    }
    Some(path)
}

/// The files of the worker's `const PRECACHE = [...]` list (`./` is index.html).
pub fn named_by_worker(sw: &str) -> Option<Vec<String>> {
    let list = sw.split("const PRECACHE = ").nth(1)?.split(";\n").next()?;
    let names: Vec<String> = serde_json::from_str(list).ok()?;
    Some(
        names
            .into_iter()
            .map(|n| match n.trim_start_matches("./") {
                "" => "index.html".to_string(),
                other => other.to_string(),
            })
            .collect(),
    )
}

pub fn run(dir: &Path) -> Result<Outcome, CliError> {
    run_knowing(dir, &std::collections::HashSet::new())
}

/// The check, but for the compressed copies in `fresh`, which the caller (`offers site`) has
/// just made from their sources' bytes and written beside them: those are not decompressed
/// again; every other copy is (those that came with the app, or that nothing wrote).
pub fn run_knowing(
    dir: &Path,
    fresh: &std::collections::HashSet<PathBuf>,
) -> Result<Outcome, CliError> {
    let all = files_under(dir)?;
    // Every compressed copy against its source, on every core (a site of 10 000 offers has
    // 18 000 of them).
    let copies: Vec<&PathBuf> = all
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "br" || e == "gz"))
        .collect();
    let compressed = copies.len();
    let copies: Vec<&PathBuf> = copies.into_iter().filter(|p| !fresh.contains(*p)).collect();
    let checked = crate::io::on_every_core(&copies, |path| {
        let source = path.with_extension("");
        let Ok(original) = std::fs::read(&source) else {
            return Ok(Some(format!(
                "{} : sans son fichier source {} ; supprimez-le",
                path.display(),
                source.display()
            )));
        };
        let bytes = std::fs::read(path).map_err(|source| CliError::Read {
            path: (*path).clone(),
            source,
        })?;
        Ok(match decompressed(path, &bytes) {
            Ok(plain) if plain == original => None,
            Ok(_) => Some(format!(
                "{} n'est pas {} compressé (une copie ancienne ?) : recompressez-le, ou supprimez-le",
                path.display(),
                source.display()
            )),
            Err(e) => Some(format!("{} : illisible ({e})", path.display())),
        })
    })?;
    let mut problems: Vec<String> = checked.into_iter().flatten().collect();
    let mut named = 0;
    // Every page's links and files: the board rendered in index.html, the offer pages, the
    // statement, the embed page.
    let pages: Vec<&PathBuf> = all
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "html"))
        .collect();
    let mut lists = crate::io::on_every_core(&pages, |page| {
        let folder = page
            .parent()
            .and_then(|f| f.strip_prefix(dir).ok())
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let names: Vec<Result<String, String>> = named_by_page(&read(page)?)
            .into_iter()
            .map(|n| {
                resolve(&folder, &n).map_or_else(
                    || Err(n.clone()),
                    |p| Ok(p.to_string_lossy().replace('\\', "/")),
                )
            })
            .collect();
        Ok(((*page).clone(), names))
    })?;
    let sw = dir.join("sw.js");
    if sw.exists() {
        match named_by_worker(&read(&sw)?) {
            Some(list) => lists.push((sw.clone(), list.into_iter().map(Ok).collect())),
            None => problems.push(format!("{} : liste PRECACHE illisible", sw.display())),
        }
    }
    // What is there, by path from the site's root (one look-up per name, not one stat).
    let present: std::collections::HashSet<String> = all
        .iter()
        .filter_map(|p| p.strip_prefix(dir).ok())
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .collect();
    for (by, list) in lists {
        for name in list {
            named += 1;
            match name {
                Ok(name) if present.contains(&name) => {}
                Ok(name) => {
                    problems.push(format!("{name} : nommé par {} mais absent", by.display()))
                }
                Err(name) => problems.push(format!(
                    "{name} : nommé par {} mais hors du site",
                    by.display()
                )),
            }
        }
    }
    for p in &problems {
        eprintln!("{} : erreur : {p}", dir.display());
    }
    if problems.is_empty() {
        println!(
            "{} : {compressed} copie(s) compressée(s) identiques à leur source, {named} fichier(s) nommé(s) présents",
            dir.display()
        );
        Ok(Outcome::Ok)
    } else {
        eprintln!(
            "{} : {} erreur(s) ; rien à téléverser tant qu'il en reste",
            dir.display(),
            problems.len()
        );
        Ok(Outcome::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_local_files_only() {
        let html = r##"<link href="./offres-0123456789abcdef.css"><a href="offres/x.html#top">
            <a href="https://a.fr/">a</a><a href="mailto:a@b.fr">m</a><a href="#offres">s</a>
            <link rel="icon" href="data:,"><script src="./embed.js?v=2"></script>
            <meta name="offres-module" content="./offres-1.js ./offres-1_bg.wasm">"##;
        assert_eq!(
            named_by_page(html),
            [
                "offres-0123456789abcdef.css",
                "offres/x.html",
                "embed.js",
                "offres-1.js",
                "offres-1_bg.wasm"
            ]
        );
        let sw =
            "const VERSION = 'x';\nconst PRECACHE = [\"./\",\"index.html\",\"a.css\"];\nself.x();";
        assert_eq!(
            named_by_worker(sw).unwrap(),
            ["index.html", "index.html", "a.css"]
        );
    }

    #[test]
    fn names_resolve_from_the_page_that_names_them() {
        let offres = Path::new("offres");
        let at = |folder: &Path, name: &str| {
            resolve(folder, name).map(|p| p.to_string_lossy().replace('\\', "/"))
        };
        assert_eq!(at(offres, "../").as_deref(), Some("index.html"));
        assert_eq!(
            at(offres, "../feeds/famille-design.atom").as_deref(),
            Some("feeds/famille-design.atom")
        );
        assert_eq!(
            at(offres, "autre.html").as_deref(),
            Some("offres/autre.html")
        );
        assert_eq!(
            at(Path::new(""), "offres/x.html").as_deref(),
            Some("offres/x.html")
        );
        assert_eq!(at(Path::new(""), "..").as_deref(), None);
        assert_eq!(at(offres, "../../etc/passwd"), None);
    }
}
