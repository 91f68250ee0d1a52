//! `offres-render DIST --site-url URL --style FILE [--today YYYY-MM-DD]`: the build-time render
//! of a built site (run by scripts/postbuild.mjs, natively, with `--features ssr`). Reads
//! `DIST/offers.json` and writes, with the app's own components:
//! - the board for its default address inside `<main id="offres">` of `DIST/index.html`;
//! - `DIST/offres/<id>.html` for every open offer with a full text;
//! - `DIST/sitemap.xml` and `DIST/robots.txt`.
//!
//! "Today" is the bundle's `generated_at` day unless `--today` says otherwise: the same build
//! gives the same pages.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use offers_core::{parse_bundle, Date};
use offres::ready::Ready;
use offres::render;

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path)
        .map_err(|e| format!("{} : lecture impossible : {e}", path.display()))
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text)
        .map_err(|e| format!("{} : écriture impossible : {e}", path.display()))
}

fn run(args: &[String]) -> Result<String, String> {
    let mut dist = None;
    let (mut site, mut style, mut today) = (None, None, None);
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = || it.next().cloned().ok_or(format!("{arg} : valeur attendue"));
        match arg.as_str() {
            "--site-url" => site = Some(value()?),
            "--style" => style = Some(value()?),
            "--today" => today = Some(value()?),
            other if dist.is_none() && !other.starts_with('-') => dist = Some(PathBuf::from(other)),
            other => return Err(format!("argument inconnu : {other}")),
        }
    }
    let usage = "usage : offres-render DIST --site-url URL --style FICHIER [--today AAAA-MM-JJ]";
    let (Some(dist), Some(site), Some(style)) = (dist, site, style) else {
        return Err(usage.into());
    };
    let site =
        render::site_url(&site).map_err(|e| format!("--site-url (OFFRES_SITE_URL) : {e}"))?;
    let loaded = parse_bundle(&read(&dist.join("offers.json"))?)
        .map_err(|e| format!("{} : {e}", dist.join("offers.json").display()))?;
    let day = today.unwrap_or_else(|| loaded.bundle.generated_at.chars().take(10).collect());
    let today = Date::parse_iso(&day).ok_or(format!("date illisible : {day}"))?;
    let ready = Ready::new(Arc::new(loaded), today);

    let index = dist.join("index.html");
    let title = render::board_title(&ready);
    let page = render::inject(&read(&index)?, &render::board(ready.clone()), &title, &site)
        .ok_or(format!("{} : pas de <main id=\"offres\">", index.display()))?;
    write(&index, &page)?;

    let pages = dist.join(render::PAGES_DIR);
    std::fs::create_dir_all(&pages).map_err(|e| format!("{} : {e}", pages.display()))?;
    let web = render::Site {
        url: &site,
        style: &style,
    };
    let mut urls = vec![site.clone(), format!("{site}accessibilite.html")];
    for offer in render::with_pages(&ready) {
        write(
            &dist.join(render::page_path(offer)),
            &render::offer_page(offer, &ready, &web),
        )?;
        urls.push(render::page_url(&site, offer));
    }
    write(&dist.join("sitemap.xml"), &render::sitemap(&urls))?;
    write(&dist.join("robots.txt"), &render::robots(&site))?;
    Ok(format!(
        "offres-render : le tableau et {} pages d'offre écrits dans {}",
        urls.len() - 2,
        dist.display()
    ))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(done) => {
            eprintln!("{done}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("offres-render : {e}");
            ExitCode::from(2)
        }
    }
}
