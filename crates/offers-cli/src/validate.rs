//! `offers validate`: a bundle file, or what `offers build` would make of a content directory.

use std::path::Path;

use offers_core::{check_bundle, parse_bundle, Bundle, Date};

use crate::io::{read, CliError};
use crate::report::{print_findings, print_located, Outcome};

pub fn run(path: &Path, today: Date) -> Result<Outcome, CliError> {
    if path.is_dir() {
        let (built, _, findings) = crate::content::build_checked(path, None, today, false)?;
        warn_unstated_pay(&path.display().to_string(), &built.bundle, today);
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
    let text = read(path)?;
    let origin = path.display().to_string();
    match parse_bundle(&text) {
        Ok(loaded) => {
            let findings = check_bundle(&loaded, today);
            warn_unstated_pay(&origin, &loaded.bundle, today);
            let outcome = print_findings(&origin, &findings);
            if outcome == Outcome::Ok {
                println!("{origin} : {} offre(s) valides", loaded.bundle.offers.len());
            }
            Ok(outcome)
        }
        Err(err) => {
            eprintln!("{origin} : erreur : {err}");
            Ok(Outcome::Invalid)
        }
    }
}

/// Since June 2026 the EU pay-transparency directive expects an offer to state its pay: one
/// warning lists the open offers that do not (a warning: the bundle stays valid).
fn warn_unstated_pay(origin: &str, bundle: &Bundle, today: Date) {
    let unstated: Vec<_> = bundle
        .offers
        .iter()
        .filter(|o| o.is_active(today) && o.salary.is_none())
        .collect();
    if unstated.is_empty() {
        return;
    }
    eprintln!(
        "{origin} : avertissement : {} offre(s) ouverte(s) sans rémunération indiquée (directive (UE) 2023/970 ; front matter `salary:`) :",
        unstated.len()
    );
    for o in unstated {
        eprintln!("  - {} ({})", o.id, o.title);
    }
}
