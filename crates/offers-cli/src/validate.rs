//! `offers validate`: a bundle file, or what `offers build` would make of a content directory.

use std::path::Path;

use offers_core::{check_bundle, parse_bundle, Bundle, Date, Finding, LoadedBundle, Severity};

use crate::io::{read, CliError};
use crate::report::{print_findings, print_located, Outcome};

pub fn run(path: &Path, today: Date) -> Result<Outcome, CliError> {
    if path.is_dir() {
        let (built, _, mut findings) = crate::content::build_checked(path, None, today, false)?;
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
        Some((_, loaded)) => {
            let offers = loaded.bundle.offers.len();
            println!("{} : {offers} offre(s) valides", path.display());
            Ok(Outcome::Ok)
        }
        None => Ok(Outcome::Invalid),
    }
}

/// A bundle file read and checked (`check_bundle`, then the findings of `more`), its findings
/// printed: its text and the bundle, or `None` when it has errors. `offers validate` and
/// `offers site` read a bundle file with it.
pub fn checked_file(
    path: &Path,
    today: Date,
    more: impl FnOnce(&LoadedBundle) -> Vec<Finding>,
) -> Result<Option<(String, LoadedBundle)>, CliError> {
    let text = read(path)?;
    let origin = path.display().to_string();
    match parse_bundle(&text) {
        Ok(loaded) => {
            let mut findings = check_bundle(&loaded, today);
            findings.extend(more(&loaded));
            Ok((print_findings(&origin, &findings) == Outcome::Ok).then_some((text, loaded)))
        }
        Err(err) => {
            eprintln!("{origin} : erreur : {err}");
            Ok(None)
        }
    }
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
