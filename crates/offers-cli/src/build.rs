//! `offers build`: content directory → checked bundle (and nothing when it has errors).

use std::collections::HashSet;
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
    let (built, findings) = build_checked(dir, generated_at, today)?;
    if print_located(dir, &findings) == Outcome::Invalid {
        eprintln!("{} : rien n'a été écrit", output.display());
        return Ok(Outcome::Invalid);
    }
    let site = built
        .base_url
        .as_ref()
        .map_or_else(|| "urn:offres:".to_string(), ToString::to_string);
    write_with_feeds(output, &built.bundle, &site, today, pretty)?;
    let offers = built.bundle.offers.len();
    println!("{} : {offers} offre(s) écrites", output.display());
    crate::io::let_go(built);
    Ok(Outcome::Ok)
}

pub use offres::shared_names::TEXTS_FOLDER;

/// The bundle's files: the bundle (indented when `pretty`, otherwise in lines, one offer per line,
/// which the app reads a slice at a time: `offers_core::lines`), and, when its full texts are
/// large, the text files that hold them apart (`offers_core::texts`), each by its path from the
/// bundle's folder (`textes/texte-<hash>.json`: a new name for new content).
pub fn bundle_files(bundle: &Bundle, pretty: bool) -> Vec<(String, String)> {
    use sha2::{Digest, Sha256};
    let name = |_: usize, text: &str| {
        let hash = Sha256::digest(text.as_bytes());
        let hex: String = hash[..8].iter().map(|b| format!("{b:02x}")).collect();
        format!("{TEXTS_FOLDER}/texte-{hex}.json")
    };
    let json = |list: &Bundle| {
        let mut json = if pretty {
            serde_json::to_string_pretty(list).expect("a bundle serializes")
        } else {
            offers_core::lines::to_lines(list)
        };
        json.push('\n');
        ("offers.json".to_string(), json)
    };
    // The text files are moved into the list, not copied (8 MB at 10 000 offers).
    match offers_core::texts::split(bundle, name) {
        Some((list, texts)) => std::iter::once(json(&list)).chain(texts).collect(),
        None => vec![json(bundle)],
    }
}

/// Writes the bundle to `output` (its full texts beside it, in textes/, when they are large:
/// see [`bundle_files`]) and, beside it, its feeds for the site at `site`: feed.atom and feed.json
/// of its open offers, and feeds/ with one per family and per place. Feeds of families or places
/// gone, and text files no longer named, are removed.
pub fn write_with_feeds(
    output: &Path,
    bundle: &Bundle,
    site: &str,
    today: Date,
    pretty: bool,
) -> Result<(), CliError> {
    // The bundle's files and the feeds are made side by side, and each written as soon as made:
    // each is about 70 ms of a 10 000-offer build, and they were made one after the other.
    let (beside, name) = folder_of(output);
    let (files, feeds) = std::thread::scope(|scope| {
        let feeds = scope.spawn(|| {
            let feeds = feed_files(bundle, site, today);
            write_files(beside, &feeds).map(|()| feeds)
        });
        let files = bundle_files_named(name, bundle, pretty);
        write_files(beside, &files)?;
        Ok::<_, CliError>((
            files,
            feeds.join().expect("the feeds' thread does not panic")?,
        ))
    })?;
    let current: HashSet<&str> = (files.iter().chain(&feeds))
        .map(|(path, _)| path.as_str())
        .collect();
    for (folder, ext) in [("feeds", "atom"), (TEXTS_FOLDER, "json")] {
        if folder == TEXTS_FOLDER && files.len() == 1 && !beside.join(folder).exists() {
            continue;
        }
        remove_unlisted(beside, folder, ext, &current)?;
    }
    Ok(())
}

/// Writes the bundle to `output`, its full texts beside it when they are large, as `offers build`
/// does, without feeds (`offers synth -o`).
pub fn write_bundle(output: &Path, bundle: &Bundle, pretty: bool) -> Result<(), CliError> {
    let (beside, name) = folder_of(output);
    write_files(beside, &bundle_files_named(name, bundle, pretty))
}

/// The folder a bundle written at `output` is in, and its file's name.
fn folder_of(output: &Path) -> (&Path, Option<String>) {
    let beside = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = output.file_name().map(|n| n.to_string_lossy().into_owned());
    (beside, name)
}

/// [`bundle_files`] for a bundle written under `name` (its file's name, from [`folder_of`]):
/// every path from the bundle's folder.
fn bundle_files_named(
    name: Option<String>,
    bundle: &Bundle,
    pretty: bool,
) -> Vec<(String, String)> {
    let mut files = bundle_files(bundle, pretty);
    if let Some(name) = name {
        files[0].0 = name;
    }
    files
}

/// Writes `files` (paths from `beside`), their folders made once each.
fn write_files(beside: &Path, files: &[(String, String)]) -> Result<(), CliError> {
    let folders: std::collections::BTreeSet<&Path> = files
        .iter()
        .filter_map(|(path, _)| Path::new(path).parent())
        .collect();
    for folder in folders {
        crate::io::create_dir(&beside.join(folder))?;
    }
    crate::io::on_every_core(files, |(path, text)| write(&beside.join(path), text))?;
    Ok(())
}

/// Makes `folder` (under `beside`) and removes its files ending in `.ext` whose path from
/// `beside` is not in `current`.
fn remove_unlisted(
    beside: &Path,
    folder: &str,
    ext: &str,
    current: &HashSet<&str>,
) -> Result<(), CliError> {
    let folder = beside.join(folder);
    crate::io::create_dir(&folder)?;
    for old in crate::io::files_under(&folder)? {
        let name = old
            .strip_prefix(beside)
            .unwrap_or(&old)
            .to_string_lossy()
            .replace('\\', "/");
        if old.extension().is_some_and(|e| e == ext) && !current.contains(name.as_str()) {
            crate::io::remove(&old)?;
        }
    }
    Ok(())
}

/// The feeds of a bundle for the site at `site`, by their paths beside the bundle: feed.atom and
/// feed.json of its open offers, and one Atom feed per family and per place under feeds/.
pub fn feed_files(bundle: &Bundle, site: &str, today: Date) -> Vec<(String, String)> {
    use crate::feeds::{atom, json_feed, topic_feeds, Entries};
    let entries = Entries::new(bundle, site, today);
    let mut out = vec![
        ("feed.atom".to_string(), atom(bundle, site, &entries)),
        ("feed.json".to_string(), json_feed(bundle, site, &entries)),
    ];
    out.extend(topic_feeds(bundle, site, &entries));
    out
}
