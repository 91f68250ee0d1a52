//! `offers validate`: a bundle file, or what `offers build` would make of a content directory.

use std::path::Path;

use offers_core::{check_bundle, parse_bundle, Bundle, Date, Finding, Offer, Severity};

use crate::io::{read, CliError};
use crate::report::{print_findings, print_located, Located, Outcome};

pub fn run(path: &Path, today: Date) -> Result<Outcome, CliError> {
    if path.is_dir() {
        let (built, _, mut findings) = crate::content::build_checked(path, None, today, false)?;
        for (i, offer) in unstated_pay(&built.bundle, today) {
            if let Some(origin) = built.origins.get(i) {
                findings.push(Located {
                    error: false,
                    file: origin.file.clone(),
                    line: origin.line,
                    message: format!(
                        "offre « {} » : {UNSTATED_PAY} : ajoutez `salary:`",
                        offer.id
                    ),
                });
            }
        }
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
            let mut findings = check_bundle(&loaded, today);
            findings.extend(unstated_pay(&loaded.bundle, today).map(|(i, o)| Finding {
                severity: Severity::Warning,
                index: Some(i),
                offer_id: Some(o.id.clone()),
                message: UNSTATED_PAY.to_string(),
            }));
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

/// Since June 2026 the EU pay-transparency directive expects an offer to state its pay: each open
/// offer that does not is a warning (the bundle stays valid), listed by `validate` only (a build
/// publishes what it is given).
fn unstated_pay(bundle: &Bundle, today: Date) -> impl Iterator<Item = (usize, &Offer)> {
    bundle
        .offers
        .iter()
        .enumerate()
        .filter(move |(_, o)| o.is_active(today) && o.salary.is_none())
}

const UNSTATED_PAY: &str = "offre ouverte sans rémunération indiquée (directive (UE) 2023/970)";
