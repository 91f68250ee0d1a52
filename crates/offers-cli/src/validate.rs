//! `offers validate`: a bundle file, or what `offers build` would make of a content directory.

use std::path::Path;

use offers_core::{check_bundle, parse_bundle, Date};

use crate::io::{read, CliError};
use crate::report::{print_findings, print_located, Outcome};

pub fn run(path: &Path, today: Date) -> Result<Outcome, CliError> {
    if path.is_dir() {
        let (built, _, findings) = crate::content::build_checked(path, None, today, false)?;
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
