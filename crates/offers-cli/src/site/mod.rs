//! `offers site INPUT -o OUT --site-url URL [--app DIR]`: content (or a bundle) plus the app's
//! files → a site to upload as it is to static storage:
//! - the bundle, its feeds and its schema;
//! - index.html with the board rendered at build time, a page per open offer with a full text
//!   (JSON-LD JobPosting), sitemap.xml and robots.txt, by the app's own components
//!   (`offres::render`, the `ssr` build of the app's crate);
//! - the accessibility statement with the stylesheet;
//! - sw.js with this site's files and a version derived from them, widget.js, the iframe
//!   embedding (embed.html, embed.js, iframe-resize.js);
//! - a `.br` and a `.gz` beside every text file;
//!
//! then checks what it wrote (`offers check-site`). The app comes from inside the binary (`app`
//! feature) or from `--app DIR` (the output of `trunk build`, which runs this command as its
//! post-build hook with `--app` and `-o` both its staging folder). `OFFERS_TIMINGS=1` prints the
//! time of each step (scripts/bench-cli.sh measures the whole).

pub mod app;
pub mod app_files;
pub mod compress;
pub mod scripts;
pub mod shell;

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use offers_core::{Date, LoadedBundle};
use offres::ready::Ready;
use sha2::{Digest, Sha256, Sha384};

use crate::io::{create_dir, CliError};
use crate::report::{print_located, Outcome};
use app::App;

pub struct Options<'a> {
    /// A content directory, or a bundle (offers.json).
    pub input: &'a Path,
    pub output: &'a Path,
    pub site_url: &'a str,
    /// The app build's folder; `None`: the app inside the binary.
    pub app: Option<&'a Path>,
    pub generated_at: Option<String>,
    /// The day closing dates are measured against (default: the bundle's generation day, so
    /// that the same input gives the same site).
    pub today: Option<Date>,
}

/// The bundle, from a content directory (built as `offers build` builds it) or a bundle file
/// (checked as `offers validate` checks it, its full texts read back when they are apart);
/// `None` when it has errors, which are printed.
fn bundle(options: &Options) -> Result<Option<LoadedBundle>, CliError> {
    let input = options.input;
    let today = crate::io::today(None)?;
    if input.is_dir() {
        let (built, findings) =
            crate::content::build_checked(input, options.generated_at.clone(), today)?;
        if print_located(input, &findings) == Outcome::Invalid {
            return Ok(None);
        }
        let loaded = LoadedBundle {
            bundle: built.bundle,
            skipped: Vec::new(),
            problems: Vec::new(),
        };
        return Ok(Some(loaded));
    }
    crate::validate::checked_file(input, today, |_| Vec::new())
}

/// Makes `out` ready for the site's `files`: it must be missing, empty, or hold a site (or an app
/// build) already, whose index.html is the board's (anything else is left alone, and refused).
/// What is there and not in `files` goes (an offer's page once it is gone, an earlier build's
/// module); compressed copies stay beside their source, to be written again. The rest is
/// overwritten in place: deleting a site of thousands of files to write it again costs seconds
/// on ext4, which scans recently freed inodes at each creation. Whether `out` held anything.
fn remove_stale(out: &Path, files: &BTreeMap<String, Vec<u8>>) -> Result<bool, CliError> {
    if !out.exists() {
        create_dir(out)?;
        return Ok(false);
    }
    let index = out.join("index.html");
    let ours = std::fs::read_to_string(&index).is_ok_and(|t| t.contains("<main id=\"offres\""));
    let empty = std::fs::read_dir(out)
        .map_err(|source| CliError::Read {
            path: out.to_owned(),
            source,
        })?
        .next()
        .is_none();
    if !empty && !ours {
        return Err(CliError::Usage(format!(
            "{} n'est ni vide ni un site offres (pas de index.html avec <main id=\"offres\">) : choisissez un dossier vide",
            out.display()
        )));
    }
    for path in crate::io::files_under(out)? {
        let name = path
            .strip_prefix(out)
            .unwrap_or(&path)
            .to_string_lossy()
            .replace('\\', "/");
        let source = name
            .strip_suffix(".br")
            .or_else(|| name.strip_suffix(".gz"))
            .unwrap_or(&name);
        if !files.contains_key(source) {
            crate::io::remove(&path)?;
        }
    }
    Ok(!empty)
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `sha384-…`, the integrity of a subresource.
fn integrity(bytes: &[u8]) -> String {
    use base64::Engine as _;
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(Sha384::digest(bytes))
    )
}

/// The files the service worker keeps for offline use (`./` and the site's top-level files but
/// those it fetches otherwise or never needs), and the cache version they give: a hash of their
/// names and contents, so that any change makes a new cache.
fn precache(files: &BTreeMap<String, Vec<u8>>) -> (Vec<String>, String) {
    const NOT_CACHED: &[&str] = &[
        "sw.js",
        "offers.json",
        "widget.js",
        "iframe-resize.js",
        "sitemap.xml",
        "robots.txt",
    ];
    let names: Vec<&String> = files
        .keys()
        .filter(|n| !n.contains('/') && !NOT_CACHED.contains(&n.as_str()))
        .filter(|n| !n.ends_with(".br") && !n.ends_with(".gz"))
        .collect();
    let listed: Vec<String> = names
        .iter()
        .map(|name| format!("{name}:{}", hex(&Sha256::digest(&files[*name]))))
        .collect();
    let version = hex(&Sha256::digest(listed.join("\n")))[..16].to_string();
    let mut list = vec!["./".to_string()];
    list.extend(names.into_iter().cloned());
    (list, version)
}

pub fn run(options: &Options) -> Result<Outcome, CliError> {
    let started = std::time::Instant::now();
    let lap = |what: &str| {
        if std::env::var_os("OFFERS_TIMINGS").is_some() {
            eprintln!(
                "offers site : {what} : {} ms",
                started.elapsed().as_millis()
            );
        }
    };
    let site = offres::render::site_url(options.site_url)
        .map_err(|e| CliError::Usage(format!("--site-url : {e}")))?;
    let app = match options.app {
        Some(dir) => App::from_dir(dir)?,
        None => App::embedded().ok_or_else(|| {
            CliError::Usage(
                "ce binaire offers n'a pas d'application intégrée : --app DOSSIER (la sortie de `trunk build --release`), ou un binaire construit avec scripts/release.sh"
                    .into(),
            )
        })?,
    };
    let Some(loaded) = bundle(options)? else {
        eprintln!("{} : rien n'a été écrit", options.output.display());
        return Ok(Outcome::Invalid);
    };
    let day: String = loaded.bundle.generated_at.chars().take(10).collect();
    let today = match options.today {
        Some(today) => today,
        None => Date::parse_iso(&day)
            .ok_or_else(|| CliError::Usage(format!("generated_at « {day} » : date illisible")))?,
    };
    let (shell, module) = shell::prepare(
        app.text("index.html")?,
        &scripts::start()?,
        crate::serve::SECURITY_HEADERS,
    )?;
    let offers = loaded.bundle.offers.len();
    let ready = Ready::new(Arc::new(loaded), today);
    lap("bundle");
    let pages =
        offres::render::pages(&ready, &shell, &site, &module.style).map_err(CliError::Usage)?;
    lap("pages rendered");

    // Every file of the site, by its path from the site's root: the app's files (the statement
    // gets the stylesheet), the bundle with its feeds (for this site's address) and schema, the
    // pages, the embedding; then the service worker and the widget, which name the others.
    let mut files: BTreeMap<String, Vec<u8>> = app
        .files
        .iter()
        .filter(|(name, _)| !matches!(name.as_str(), "index.html" | "accessibilite.html"))
        .map(|(name, bytes)| (name.clone(), bytes.clone()))
        .collect();
    let style = app
        .files
        .get(&module.style)
        .ok_or_else(|| CliError::Usage(format!("application : {} manque", module.style)))?;
    let link = format!(
        "<link rel=\"stylesheet\" href=\"./{}\" integrity=\"{}\">",
        module.style,
        integrity(style)
    );
    if app.files.contains_key("accessibilite.html") {
        let statement = app
            .text("accessibilite.html")?
            .replace("<!-- offres:styles -->", &link);
        files.insert("accessibilite.html".into(), statement.into_bytes());
    }
    // The bundle, its full texts apart when they are large (fetched as offers' pages open).
    let bundle_files = crate::build::bundle_files(&ready.loaded.bundle, false);
    files.extend(
        bundle_files
            .into_iter()
            .map(|(path, text)| (path, text.into_bytes())),
    );
    let feeds = crate::build::feed_files(&ready.loaded.bundle, &site, today);
    files.extend(
        feeds
            .into_iter()
            .map(|(path, text)| (path, text.into_bytes())),
    );
    let schema = offers_core::schema::bundle_schema_json();
    files.insert("offers.schema.json".into(), schema.into_bytes());
    // The iframe embedding: embed.html is the board plus embed.js, which reports its height;
    // iframe-resize.js is for the host page.
    let embed = pages[0].1.replacen(
        "</head>",
        "<script type=\"module\" src=\"./embed.js\"></script></head>",
        1,
    );
    files.insert("embed.html".into(), embed.into_bytes());
    let embed_js = scripts::fill("embed.js", scripts::EMBED, &[])?;
    files.insert("embed.js".into(), embed_js.into_bytes());
    let resize = scripts::fill("iframe-resize.js", scripts::IFRAME_RESIZE, &[])?;
    files.insert("iframe-resize.js".into(), resize.into_bytes());
    let page_count = pages.len() - 3;
    files.extend(
        pages
            .into_iter()
            .map(|(path, text)| (path, text.into_bytes())),
    );
    // Offline: the service worker, with this site's files and their version.
    let (list, version) = precache(&files);
    // The newest format the app reads: the worker keeps bundles of any format up to it.
    let format = offers_core::COLUMNS_FORMAT_VERSION.to_string();
    let sw = scripts::fill(
        "sw.js",
        scripts::SERVICE_WORKER,
        &[
            ("VERSION", &version),
            ("FORMAT_VERSION", &format),
            ("PRECACHE", &serde_json::to_string(&list).expect("names")),
        ],
    )?;
    files.insert("sw.js".into(), sw.into_bytes());
    // The widget: <offres-emploi> loads this build's module and stylesheet into a shadow root.
    let quoted = |name: &str| serde_json::to_string(&format!("./{name}")).expect("a string");
    let widget = scripts::fill(
        "widget.js",
        scripts::WIDGET,
        &[
            (
                "STYLES",
                &serde_json::to_string(&[&module.style]).expect("names"),
            ),
            ("CODE", &quoted(&module.glue)),
            ("WASM", &quoted(&module.wasm)),
        ],
    )?;
    files.insert("widget.js".into(), widget.into_bytes());
    lap("scripts, feeds");

    let out = options.output;
    let before = remove_stale(out, &files)?;
    // Its folders, once each (not a look-up per file).
    let folders: std::collections::BTreeSet<&str> = files
        .keys()
        .filter_map(|n| n.rsplit_once('/').map(|(f, _)| f))
        .collect();
    for folder in folders {
        create_dir(&out.join(folder))?;
    }
    lap("stale removed");
    // Every file, with compressed copies of the text files but those of the app's module and
    // stylesheet when the app has them (compressed once, by the first site built from it).
    let writes: Vec<(&str, &[u8], bool)> = files
        .iter()
        .map(|(name, bytes)| {
            let packed = ["br", "gz"]
                .iter()
                .all(|ext| files.contains_key(&format!("{name}.{ext}")));
            (
                name.as_str(),
                bytes.as_slice(),
                compress::is_text(Path::new(name)) && !packed,
            )
        })
        .collect();
    let fresh = compress::write_all(out, &writes, before)?;
    lap("compressed + written");
    println!(
        "{} : site écrit ({offers} offre(s), {} page(s) d'offre, application {}) en {} ms",
        out.display(),
        page_count,
        module.glue.trim_end_matches(".js"),
        started.elapsed().as_millis()
    );
    // What an upload needs: every compressed copy is its source's (those just made from their
    // sources are not decompressed again), every named file is there.
    crate::site_check::run_knowing(out, &fresh)
}
