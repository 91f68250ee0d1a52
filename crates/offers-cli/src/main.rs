//! `offers`: turns what ministries already write into a validated bundle.
//!
//! Exit codes: 0 all good (warnings allowed), 1 validation errors, 2 usage or I/O errors.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use offers_cli::report::Outcome;
use offers_cli::{build, import, io, serve, site, site_check, synth, validate};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "offers",
    version = env!("OFFERS_VERSION"),
    about = "Construit, importe et valide les lots d'offres d'emploi (offers.json)."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Prints every warning: by default, after 20 of one kind the others are counted.
    #[arg(long, global = true)]
    all_warnings: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Builds a bundle from a content directory (_bundle.yml + one markdown file per offer),
    /// with an Atom feed (feed.atom) and a JSON Feed (feed.json) of its open offers beside it.
    /// Nothing is written when there are errors.
    Build {
        /// The content directory.
        content_dir: PathBuf,
        /// Where to write the bundle.
        #[arg(short, long)]
        output: PathBuf,
        /// Generation time written in the bundle (RFC 3339). Default: _bundle.yml's
        /// generated_at, else SOURCE_DATE_EPOCH, else now.
        #[arg(long)]
        generated_at: Option<String>,
        /// The day "past" closing dates are measured against (YYYY-MM-DD; default: today).
        #[arg(long)]
        today: Option<String>,
        /// Indented JSON (readable diffs for a committed bundle); compact by default.
        #[arg(long)]
        pretty: bool,
    },
    /// Turns a legacy "Rejoignez-nous" page, a job-board CSV export (.csv, pipe or semicolon
    /// separated) or a TalentSoft JSON export (.json) into a content directory (one file per offer
    /// and _bundle.yml), then checks it as `build` will. Reports panels whose title and button
    /// links differ, URLs used twice, duplicate references, truncated rows, missing places.
    Import {
        /// The page (markdown with HTML, as the Jekyll sites keep it) or the CSV export.
        source: PathBuf,
        /// The content directory to write.
        #[arg(short, long)]
        output: PathBuf,
        /// The publishing employer (default: read from the page's "Nos offres … à la X" heading;
        /// for CSV exports, used where a row names none).
        #[arg(long)]
        employer: Option<String>,
        /// Base URL for the page's relative links.
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Checks a bundle: format version and shape, then meaning (duplicates, unsafe links, dates…).
    /// Given a content directory, checks what `build` would make of it, naming file and line.
    Validate {
        /// The bundle (offers.json), or a content directory.
        bundle: PathBuf,
        /// The day "past" closing dates are measured against (YYYY-MM-DD; default: today).
        #[arg(long)]
        today: Option<String>,
    },
    /// Writes a realistic synthetic bundle of N offers (to FILE or standard output), or with
    /// --content a content directory that `offers build` reads.
    Synth {
        /// How many offers.
        n: usize,
        /// The same seed always gives the same offers.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The bundle file to write, with its full texts in textes/ beside it when they are large, as
        /// `offers build` writes it (default: standard output, one file).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Write a content directory here instead of a bundle.
        #[arg(long, conflicts_with = "output")]
        content: Option<PathBuf>,
        /// Offers are published in the 90 days before this day (YYYY-MM-DD; default: today).
        #[arg(long)]
        today: Option<String>,
    },
    /// Checks a built site before it is uploaded: every .br and .gz is exactly its source
    /// compressed (a host serves them in its place), and every file index.html or sw.js names is
    /// there.
    CheckSite {
        /// The site's folder (dist/).
        dir: PathBuf,
    },
    /// Serves a built site (dist/) on this machine as the deploy configuration serves it: its
    /// security headers (deploy/nginx/security-headers.conf), caching, content types, and the
    /// precompressed .br and .gz. For previews.
    Serve {
        /// The site's folder (dist/).
        dir: PathBuf,
        /// The port to listen on, on 127.0.0.1.
        #[arg(long, default_value_t = 8080)]
        port: u16,
    },
    /// Publishes: content (or a bundle) plus the app → a site to upload as it is: the bundle and
    /// its feeds, index.html with the board rendered, a page per offer with a full text, the
    /// sitemap, the service worker, the widget and the iframe embedding, a .br and a .gz beside
    /// every text file; then checks it as check-site does. OUT is emptied first (it must be
    /// empty, or hold a site).
    Site {
        /// The content directory (or a bundle, offers.json).
        input: PathBuf,
        /// The site's folder to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Where the site is published (sitemap, Open Graph, feeds): an absolute http(s) address.
        #[arg(long, env = "OFFRES_SITE_URL")]
        site_url: String,
        /// The app's files (the output of `trunk build --release`); by default, the app inside
        /// this binary (see `offers --version`).
        #[arg(long)]
        app: Option<PathBuf>,
        /// Generation time written in the bundle (RFC 3339), as for `build`.
        #[arg(long)]
        generated_at: Option<String>,
        /// The day closing dates are measured against (YYYY-MM-DD; default: the bundle's
        /// generation day).
        #[arg(long)]
        today: Option<String>,
    },
    /// Prints the JSON Schema of the bundle format.
    Schema,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if cli.all_warnings {
        offers_cli::report::print_all_warnings();
    }
    let result = match cli.command {
        Command::Build {
            content_dir,
            output,
            generated_at,
            today,
            pretty,
        } => io::today(today.as_deref())
            .and_then(|today| build::run(&content_dir, &output, generated_at, today, pretty)),
        Command::Validate { bundle, today } => {
            io::today(today.as_deref()).and_then(|today| validate::run(&bundle, today))
        }
        Command::Import {
            source,
            output,
            employer,
            base_url,
        } => import::run(&source, &output, employer.as_deref(), base_url.as_deref()),
        Command::Synth {
            n,
            seed,
            output,
            content,
            today,
        } => io::today(today.as_deref())
            .and_then(|today| synth::run(n, seed, today, output.as_deref(), content.as_deref())),
        Command::Site {
            input,
            output,
            site_url,
            app,
            generated_at,
            today,
        } => today
            .as_deref()
            .map(|t| io::today(Some(t)))
            .transpose()
            .and_then(|today| {
                site::run(&site::Options {
                    input: &input,
                    output: &output,
                    site_url: &site_url,
                    app: app.as_deref(),
                    generated_at,
                    today,
                })
            }),
        Command::CheckSite { dir } => site_check::run(&dir),
        Command::Serve { dir, port } => serve::run(&dir, &format!("127.0.0.1:{port}")),
        Command::Schema => {
            print!("{}", offers_core::schema::bundle_schema_json());
            Ok(Outcome::Ok)
        }
    };
    match result {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::Invalid) => ExitCode::from(1),
        Err(err) => {
            eprintln!("offers : {err}");
            ExitCode::from(2)
        }
    }
}
