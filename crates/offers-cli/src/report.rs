//! Printing what commands found: findings of a bundle, findings located in content files, errors
//! first, then warnings, and a count.

use std::path::{Path, PathBuf};

use offers_core::{Finding, Severity};

/// What a command found, when it could run at all.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Ok,
    Invalid,
}

/// A finding located in a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub error: bool,
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Located {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = if self.error {
            "erreur"
        } else {
            "avertissement"
        };
        write!(
            f,
            "{}:{} : {level} : {}",
            self.file.display(),
            self.line,
            self.message
        )
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
pub fn print_located(origin: &Path, findings: &[Located]) -> Outcome {
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
