//! `offers validate`: a bundle file, or what `offers build` would make of a content directory.

use std::path::{Path, PathBuf};

use offers_core::{check_bundle, parse_bundle, Bundle, Date, Finding, LoadedBundle, Severity};

use crate::io::{read, CliError};
use crate::report::{print_findings, print_located, Outcome};

pub fn run(path: &Path, today: Date) -> Result<Outcome, CliError> {
    if path.is_dir() {
        let (built, mut findings) = crate::content::build_checked(path, None, today)?;
        let unstated = unstated_pay(&built.bundle, today);
        findings.extend(crate::content::locate(path, &built, unstated));
        if print_located(path, &findings) == Outcome::Invalid {
            return Ok(Outcome::Invalid);
        }
        println!(
            "{} : {} offre(s) valides",
            path.display(),
            built.bundle.offers.len()
        );
        return Ok(Outcome::Ok);
    }
    match checked_file(path, today, |loaded| unstated_pay(&loaded.bundle, today))? {
        Some(loaded) => {
            let offers = loaded.bundle.offers.len();
            println!("{} : {offers} offre(s) valides", path.display());
            crate::io::let_go(loaded);
            Ok(Outcome::Ok)
        }
        None => Ok(Outcome::Invalid),
    }
}

/// A bundle file read and checked (`check_bundle`, then the findings of `more`), its findings
/// printed: the bundle (with its full texts, read back from their files when they are apart), or
/// `None` when it has errors. `offers validate` and `offers site` read a bundle file with it.
pub fn checked_file(
    path: &Path,
    today: Date,
    more: impl FnOnce(&LoadedBundle) -> Vec<Finding>,
) -> Result<Option<LoadedBundle>, CliError> {
    let text = read(path)?;
    let origin = path.display().to_string();
    match parse_bundle(&text) {
        Ok(mut loaded) => {
            // A large bundle's full texts, in files beside it, are checked with their offers.
            let mut findings = join_text_files(path, &mut loaded.bundle);
            findings.extend(check_bundle(&loaded, today));
            findings.extend(more(&loaded));
            Ok((print_findings(&origin, &findings) == Outcome::Ok).then_some(loaded))
        }
        Err(err) => {
            eprintln!("{origin} : erreur : {err}");
            Ok(None)
        }
    }
}

/// Reads the text files a bundle at `path` names (beside it) and puts their texts back into
/// `bundle`, which then holds every full text: what is wrong is an error, naming the file (and
/// its line, for JSON that does not parse). A file that cannot be read is reported once; its
/// offers lose their page.
fn join_text_files(path: &Path, bundle: &mut Bundle) -> Vec<Finding> {
    let beside = path.parent().unwrap_or(Path::new(""));
    let error = |offer_id: Option<String>, message: String| Finding {
        severity: Severity::Error,
        index: None,
        offer_id,
        message,
    };
    let mut findings = Vec::new();
    let mut files = Vec::new();
    let mut unread = std::collections::HashSet::new();
    // A refused path is already reported (and its offers have no text file any more).
    let named: Vec<(usize, PathBuf)> = (bundle.text_files.iter().enumerate())
        .filter(|(_, name)| !name.is_empty())
        .map(|(k, name)| (k, beside.join(name)))
        .collect();
    // Read and parsed on every core: half of `offers validate`'s time at 10 000 offers.
    let read = crate::io::on_every_core(&named, |(_, file)| {
        Ok(std::fs::read_to_string(file)
            .map_err(|e| e.to_string())
            .and_then(|t| serde_json::from_str(&t).map_err(|e| e.to_string())))
    })
    .expect("reading a text file reports its error as a finding");
    for ((k, file), read) in named.into_iter().zip(read) {
        match read {
            Ok(texts) => files.push((k, texts)),
            Err(e) => {
                findings.push(error(None, format!("{} : {e}", file.display())));
                unread.insert(k as u32);
            }
        }
    }
    for offer in &mut bundle.offers {
        if offer.text_file.is_some_and(|k| unread.contains(&k)) {
            offer.text_file = None;
        }
    }
    for (id, message) in offers_core::texts::join(bundle, files) {
        findings.push(error((!id.is_empty()).then_some(id), message));
    }
    findings
}

/// Since June 2026 the EU pay-transparency directive expects an offer to state its pay: each open
/// offer that does not is a warning (the bundle stays valid), listed by `validate` only (a build
/// publishes what it is given).
fn unstated_pay(bundle: &Bundle, today: Date) -> Vec<Finding> {
    bundle
        .offers
        .iter()
        .enumerate()
        .filter(|(_, o)| o.is_active(today) && o.salary.is_none())
        .map(|(i, o)| Finding {
            severity: Severity::Warning,
            index: Some(i),
            offer_id: Some(o.id.clone()),
            message: "offre ouverte sans rémunération indiquée (directive (UE) 2023/970) : ajoutez `salary`".into(),
        })
        .collect()
}
