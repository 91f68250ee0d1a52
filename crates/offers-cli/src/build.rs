//! `offers build`: content directory → checked bundle (and nothing when it has errors).

use std::path::Path;

use offers_core::{Bundle, Date};

use crate::content::build_checked;
use crate::io::{write, CliError};
use crate::report::{print_located, Outcome};

pub fn run(
    dir: &Path,
    output: &Path,
    generated_at: Option<String>,
    today: Date,
    pretty: bool,
) -> Result<Outcome, CliError> {
    let (built, json, findings) = build_checked(dir, generated_at, today, pretty)?;
    if print_located(dir, &findings) == Outcome::Invalid {
        eprintln!("{} : rien n'a été écrit", output.display());
        return Ok(Outcome::Invalid);
    }
    let site = built
        .base_url
        .as_ref()
        .map_or_else(|| "urn:offres:".to_string(), ToString::to_string);
    write_with_feeds(output, &json, &built.bundle, &site, today)?;
    let offers = built.bundle.offers.len();
    println!("{} : {offers} offre(s) écrites", output.display());
    Ok(Outcome::Ok)
}

/// Writes the bundle's `json` to `output` and, beside it, its feeds for the site at `site`:
/// feed.atom and feed.json of its open offers, and feeds/ with one per family and per place
/// (feeds of families or places gone are removed).
pub fn write_with_feeds(
    output: &Path,
    json: &str,
    bundle: &Bundle,
    site: &str,
    today: Date,
) -> Result<(), CliError> {
    if let Some(folder) = output.parent().filter(|p| !p.as_os_str().is_empty()) {
        crate::io::create_dir(folder)?;
    }
    write(output, json)?;
    let beside = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Feeds of families or places gone are removed.
    let feeds = feed_files(bundle, site, today);
    let current: std::collections::HashSet<&str> = feeds.iter().map(|(p, _)| p.as_str()).collect();
    let folder = beside.join("feeds");
    crate::io::create_dir(&folder)?;
    for old in crate::io::files_under(&folder)? {
        let name = old
            .strip_prefix(beside)
            .unwrap_or(&old)
            .to_string_lossy()
            .replace('\\', "/");
        if old.extension().is_some_and(|e| e == "atom") && !current.contains(name.as_str()) {
            crate::io::remove(&old)?;
        }
    }
    for (path, text) in &feeds {
        write(&beside.join(path), text)?;
    }
    Ok(())
}

/// The feeds of a bundle for the site at `site`, by their paths beside the bundle: feed.atom and
/// feed.json of its open offers, and one Atom feed per family and per place under feeds/.
pub fn feed_files(bundle: &Bundle, site: &str, today: Date) -> Vec<(String, String)> {
    let mut out = vec![
        (
            "feed.atom".to_string(),
            crate::feeds::atom(bundle, site, today),
        ),
        (
            "feed.json".to_string(),
            crate::feeds::json_feed(bundle, site, today),
        ),
    ];
    out.extend(crate::feeds::topic_feeds(bundle, site, today));
    out
}
