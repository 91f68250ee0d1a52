//! `offers import`: other sources → a content directory that `offers build` turns into the bundle.

pub mod csv_export;
pub mod families;
pub mod json_export;
pub mod legacy;
pub mod write;

use std::path::Path;

use crate::io::{read, CliError};
use crate::report::{print_located, Outcome, Warnings};

/// Runs on what import wrote the checks `offers build` will make: an import never reports
/// success on content that will not build.
fn check_written(output: &Path) -> Result<Outcome, CliError> {
    let today = crate::io::today(None)?;
    let (built, findings) = crate::content::build_checked(output, None, today)?;
    crate::io::let_go(built);
    if findings.iter().any(|f| f.error) {
        print_located(output, &findings);
        let no_employer = findings
            .iter()
            .any(|f| f.message.contains("employeur absent"));
        eprintln!(
            "{} : erreur : contenu écrit, mais il ne passera pas `offers build` ; corrigez-le comme indiqué ci-dessus{}",
            output.display(),
            if no_employer { " (ou relancez l'import avec --employer)" } else { "" }
        );
        return Ok(Outcome::Invalid);
    }
    Ok(Outcome::Ok)
}

pub fn run(
    source: &Path,
    output: &Path,
    employer: Option<&str>,
    base_url: Option<&str>,
) -> Result<Outcome, CliError> {
    let text = read(source)?;
    let extension = |ext: &str| {
        source
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case(ext))
    };
    if extension("csv") || extension("json") {
        let export = if extension("csv") {
            csv_export::read_export(&text)
        } else {
            match json_export::read_export(&text) {
                Ok(export) => export,
                Err(e) => {
                    eprintln!("{} : erreur : {e}", source.display());
                    return Ok(Outcome::Invalid);
                }
            }
        };
        print_warnings(source, &export.warnings);
        if export.rows.is_empty() {
            eprintln!("{} : erreur : aucune offre lue", source.display());
            return Ok(Outcome::Invalid);
        }
        let name = source
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let n = csv_export::write_content(
            &export,
            output,
            employer.unwrap_or(export.publisher),
            &name,
        )?;
        let outcome = check_written(output)?;
        if outcome == Outcome::Ok {
            println!(
                "{} : {n} offre(s) écrites dans {} ({} avertissement(s))",
                source.display(),
                output.display(),
                export.warnings.len()
            );
        }
        return Ok(outcome);
    }
    let page = legacy::read_page(&text);
    if let Some(line) = page.too_deep {
        eprintln!(
            "{}:{line} : erreur : éléments imbriqués sur plus de {} niveaux : la page n'est pas lue ; corrigez ses balises (ou ses `>`)",
            source.display(),
            legacy::MAX_PAGE_DEPTH
        );
        return Ok(Outcome::Invalid);
    }
    print_warnings(source, &page.warnings);
    if page.offers.is_empty() {
        eprintln!(
            "{} : erreur : aucune offre trouvée (ni panneau, ni liste de liens)",
            source.display()
        );
        return Ok(Outcome::Invalid);
    }
    let n = legacy::write_content(&page, output, employer, base_url)?;
    let outcome = check_written(output)?;
    if outcome == Outcome::Ok {
        println!(
            "{} : {n} offre(s), {} famille(s) écrites dans {}",
            source.display(),
            page.families.len(),
            output.display()
        );
    }
    Ok(outcome)
}

/// Prints what reading `source` found (line, message), as `file:line : avertissement : …`, 20 of
/// a kind (`Warnings`).
fn print_warnings(source: &Path, warnings: &[(usize, String)]) {
    let mut printed = Warnings::default();
    for (line, message) in warnings {
        let at = format!("{}:{line} : avertissement : {message}", source.display());
        printed.print(&at, message);
    }
    printed.finish();
}
