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
//! post-build hook with `--app` and `-o` both its staging folder).

pub mod app;
pub mod app_files;
pub mod compress;
pub mod scripts;
pub mod shell;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use offers_core::{check_bundle, parse_bundle, Date, LoadedBundle};
use offres::ready::Ready;
use sha2::{Digest, Sha256, Sha384};

use crate::io::{create_dir, read, write, CliError};
use crate::report::{print_findings, print_located, Outcome};
use app::App;

/// The deploy configuration's headers, whose CSP must allow the start script.
const SECURITY_HEADERS: &str = include_str!("../../../../deploy/nginx/security-headers.conf");

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

/// The bundle's JSON and the bundle, from a content directory (built as `offers build` builds
/// it) or a bundle file (checked as `offers validate` checks it); `None` when it has errors,
/// which are printed.
fn bundle(options: &Options) -> Result<Option<(String, LoadedBundle)>, CliError> {
    let input = options.input;
    if input.is_dir() {
        let today = crate::io::today(None)?;
        let (built, json, findings) =
            crate::content::build_checked(input, options.generated_at.clone(), today, false)?;
        if print_located(input, &findings) == Outcome::Invalid {
            return Ok(None);
        }
        let loaded = LoadedBundle {
            bundle: built.bundle,
            skipped: Vec::new(),
            problems: Vec::new(),
        };
        return Ok(Some((json, loaded)));
    }
    let origin = input.display().to_string();
    let json = read(input)?;
    match parse_bundle(&json) {
        Ok(loaded) => {
            let today = crate::io::today(None)?;
            if print_findings(&origin, &check_bundle(&loaded, today)) == Outcome::Invalid {
                return Ok(None);
            }
            Ok(Some((json, loaded)))
        }
        Err(err) => {
            eprintln!("{origin} : erreur : {err}");
            Ok(None)
        }
    }
}

/// Empties `out` before a site is written there: it must be missing, empty, or hold a site (or
/// an app build) already, whose index.html is the board's; anything else is left alone.
fn clear(out: &Path) -> Result<(), CliError> {
    let unreadable = |source| CliError::Read {
        path: out.to_owned(),
        source,
    };
    if !out.exists() {
        return create_dir(out);
    }
    let entries: Vec<PathBuf> = std::fs::read_dir(out)
        .map_err(unreadable)?
        .map(|e| e.map(|e| e.path()))
        .collect::<Result<_, _>>()
        .map_err(unreadable)?;
    let index = out.join("index.html");
    let ours = std::fs::read_to_string(&index).is_ok_and(|t| t.contains("<main id=\"offres\""));
    if !entries.is_empty() && !ours {
        return Err(CliError::Usage(format!(
            "{} n'est ni vide ni un site offres (pas de index.html avec <main id=\"offres\">) : choisissez un dossier vide",
            out.display()
        )));
    }
    for path in entries {
        let gone = if path.is_dir() {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
        gone.map_err(|source| CliError::Write { path, source })?;
    }
    Ok(())
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
fn precache(out: &Path) -> Result<(Vec<String>, String), CliError> {
    const NOT_CACHED: &[&str] = &[
        "sw.js",
        "offers.json",
        "widget.js",
        "iframe-resize.js",
        "sitemap.xml",
        "robots.txt",
    ];
    let mut names: Vec<String> = std::fs::read_dir(out)
        .map_err(|source| CliError::Read {
            path: out.to_owned(),
            source,
        })?
        .filter_map(|e| {
            let e = e.ok()?;
            e.path()
                .is_file()
                .then(|| e.file_name().into_string().ok())?
        })
        .filter(|n| !NOT_CACHED.contains(&n.as_str()) && !n.ends_with(".br") && !n.ends_with(".gz"))
        .collect();
    names.sort();
    let mut hasher = Sha256::new();
    for (i, name) in names.iter().enumerate() {
        let bytes = std::fs::read(out.join(name)).map_err(|source| CliError::Read {
            path: out.join(name),
            source,
        })?;
        if i > 0 {
            hasher.update(b"\n");
        }
        hasher.update(format!("{name}:{}", hex(&Sha256::digest(&bytes))));
    }
    let version = hex(&hasher.finalize())[..16].to_string();
    let mut list = vec!["./".to_string()];
    list.extend(names);
    Ok((list, version))
}

pub fn run(options: &Options) -> Result<Outcome, CliError> {
    let started = std::time::Instant::now();
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
    let Some((json, loaded)) = bundle(options)? else {
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
        SECURITY_HEADERS,
    )?;
    let offers = loaded.bundle.offers.len();
    let ready = Ready::new(Arc::new(loaded), today);
    let pages =
        offres::render::pages(&ready, &shell, &site, &module.style).map_err(CliError::Usage)?;
    let bundle = &ready.loaded.bundle;

    let out = options.output;
    clear(out)?;
    // The app's files; the statement gets the stylesheet.
    for (name, bytes) in &app.files {
        if name != "index.html" && name != "accessibilite.html" {
            write(&out.join(name), bytes)?;
        }
    }
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
        write(&out.join("accessibilite.html"), statement)?;
    }
    // The bundle, its feeds (for this site's address) and its schema.
    crate::build::write_with_feeds(&out.join("offers.json"), &json, bundle, &site, today)?;
    write(
        &out.join("offers.schema.json"),
        offers_core::schema::bundle_schema_json(),
    )?;
    // The pages, by the app's components.
    create_dir(&out.join(offres::render::PAGES_DIR))?;
    for (path, text) in &pages {
        write(&out.join(path), text)?;
    }
    let index = &pages[0].1;
    // The iframe embedding: embed.html is the board plus embed.js, which reports its height;
    // iframe-resize.js is for the host page.
    write(
        &out.join("embed.js"),
        scripts::fill("embed.js", scripts::EMBED, &[])?,
    )?;
    write(
        &out.join("iframe-resize.js"),
        scripts::fill("iframe-resize.js", scripts::IFRAME_RESIZE, &[])?,
    )?;
    write(
        &out.join("embed.html"),
        index.replacen(
            "</head>",
            "<script type=\"module\" src=\"./embed.js\"></script></head>",
            1,
        ),
    )?;
    // Offline: the service worker, with this site's files and their version.
    let (list, version) = precache(out)?;
    let list = serde_json::to_string(&list).expect("names serialize");
    let format = offers_core::FORMAT_VERSION.to_string();
    write(
        &out.join("sw.js"),
        scripts::fill(
            "sw.js",
            scripts::SERVICE_WORKER,
            &[
                ("VERSION", &version),
                ("FORMAT_VERSION", &format),
                ("PRECACHE", &list),
            ],
        )?,
    )?;
    // The widget: <offres-emploi> loads this build's module and stylesheet into a shadow root.
    let quoted = |name: &str| serde_json::to_string(&format!("./{name}")).expect("a string");
    write(
        &out.join("widget.js"),
        scripts::fill(
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
        )?,
    )?;
    // Compressed copies of what this build wrote; the app's module and stylesheet come with
    // theirs when the app has them (compressed once, by the first site built from it).
    let fresh: Vec<PathBuf> = crate::io::files_under(out)?
        .into_iter()
        .filter(|p| compress::is_text(p))
        .filter(|p| {
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("");
            let as_built = p.parent() == Some(out)
                && app.files.contains_key(name)
                && !matches!(name, "index.html" | "accessibilite.html");
            let packed = ["br", "gz"]
                .iter()
                .all(|ext| app.files.contains_key(&format!("{name}.{ext}")));
            !(as_built && packed)
        })
        .collect();
    compress::precompress(&fresh)?;
    println!(
        "{} : site écrit ({offers} offre(s), {} page(s) d'offre, application {}) en {} ms",
        out.display(),
        pages.len() - 3,
        module.glue.trim_end_matches(".js"),
        started.elapsed().as_millis()
    );
    // What an upload needs: every compressed copy is its source's, every named file is there.
    crate::site_check::run(out)
}
