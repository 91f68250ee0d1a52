//! Reading bundles from disk and printing findings, errors and warnings apart.

use std::path::{Path, PathBuf};

use offers_core::{check_bundle, parse_bundle, Date, Finding, Severity};
use thiserror::Error;

/// What a command found, when it could run at all.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Invalid,
}

/// Usage and I/O errors (exit code 2).
#[derive(Debug, Error)]
pub enum CliError {
    #[error("{path} : lecture impossible : {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path} : écriture impossible : {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}")]
    Usage(String),
    /// An input that stops the whole command (an unreadable `_bundle.yml`).
    #[error("{0}")]
    Invalid(String),
}

pub fn read(path: &Path) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.to_owned(),
        source,
    })
}

pub fn write(path: &Path, text: impl AsRef<[u8]>) -> Result<(), CliError> {
    std::fs::write(path, text).map_err(|source| CliError::Write {
        path: path.to_owned(),
        source,
    })
}

pub fn create_dir(dir: &Path) -> Result<(), CliError> {
    std::fs::create_dir_all(dir).map_err(|source| CliError::Write {
        path: dir.to_owned(),
        source,
    })
}

/// `--today`, or today's date from the system clock (UTC).
pub fn today(arg: Option<&str>) -> Result<Date, CliError> {
    match arg {
        Some(text) => Date::parse_iso(text).ok_or_else(|| {
            CliError::Usage(format!("--today « {text} » : date AAAA-MM-JJ attendue"))
        }),
        None => {
            let secs = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs());
            Date::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0))
                .ok_or_else(|| CliError::Usage("horloge système hors limites".into()))
        }
    }
}

/// A finding as one line: "erreur : offre n° 2 (« id ») : message".
pub fn format_finding(origin: &str, f: &Finding) -> String {
    let level = match f.severity {
        Severity::Error => "erreur",
        Severity::Warning => "avertissement",
    };
    let mut who = String::new();
    if let Some(i) = f.index {
        who.push_str(&format!("offre n° {}", i + 1));
    }
    if let Some(id) = &f.offer_id {
        if who.is_empty() {
            who.push_str("offre");
        }
        who.push_str(&format!(" « {id} »"));
    }
    if who.is_empty() {
        format!("{origin} : {level} : {}", f.message)
    } else {
        format!("{origin} : {level} : {who} : {}", f.message)
    }
}

/// Prints errors then warnings, and a count; returns whether there was any error.
pub fn print_findings(origin: &str, findings: &[Finding]) -> Outcome {
    let (errors, warnings): (Vec<&Finding>, Vec<&Finding>) =
        findings.iter().partition(|f| f.severity == Severity::Error);
    for f in errors.iter().chain(&warnings) {
        eprintln!("{}", format_finding(origin, f));
    }
    eprintln!(
        "{origin} : {} erreur(s), {} avertissement(s)",
        errors.len(),
        warnings.len()
    );
    if errors.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Invalid
    }
}

/// Prints located findings, errors first, and a count; returns whether there was any error.
pub fn print_located(origin: &Path, findings: &[crate::content::Located]) -> Outcome {
    let errors = findings.iter().filter(|f| f.error).count();
    for f in findings
        .iter()
        .filter(|f| f.error)
        .chain(findings.iter().filter(|f| !f.error))
    {
        eprintln!("{f}");
    }
    eprintln!(
        "{} : {errors} erreur(s), {} avertissement(s)",
        origin.display(),
        findings.len() - errors
    );
    if errors > 0 {
        Outcome::Invalid
    } else {
        Outcome::Ok
    }
}

pub fn validate_file(path: &Path, today: Date) -> Result<Outcome, CliError> {
    if path.is_dir() {
        let (built, _, findings) = crate::build::build_checked(path, None, today, false)?;
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
