//! `offers import`: other sources → a content directory that `offers build` turns into the bundle.

pub mod legacy;
pub mod write;

use std::path::Path;

use crate::report::{read, CliError, Outcome};

pub fn run(
    source: &Path,
    output: &Path,
    employer: Option<&str>,
    base_url: Option<&str>,
) -> Result<Outcome, CliError> {
    let text = read(source)?;
    let page = legacy::read_page(&text);
    for (line, message) in &page.warnings {
        eprintln!("{}:{line} : avertissement : {message}", source.display());
    }
    if page.offers.is_empty() {
        eprintln!(
            "{} : erreur : aucune offre trouvée (ni panneau, ni liste de liens)",
            source.display()
        );
        return Ok(Outcome::Invalid);
    }
    let n = legacy::write_content(&page, output, employer, base_url)?;
    println!(
        "{} : {n} offre(s), {} famille(s) écrites dans {}",
        source.display(),
        page.families.len(),
        output.display()
    );
    Ok(Outcome::Ok)
}
