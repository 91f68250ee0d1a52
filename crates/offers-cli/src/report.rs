//! Printing what commands found: findings of a bundle, findings located in content files, errors
//! first, then warnings, and a count.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

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

/// Warnings of one kind printed before the others of that kind are only counted: a 50 000-row
/// export built a few weeks after its import had 37 000 "closing date passed" warnings, one
/// line each. `--all-warnings` prints every one. Errors are always all printed.
const WARNINGS_OF_A_KIND: usize = 20;

static ALL_WARNINGS: AtomicBool = AtomicBool::new(false);

/// Every warning printed from now on (`--all-warnings`).
pub fn print_all_warnings() {
    ALL_WARNINGS.store(true, Ordering::Relaxed);
}

/// Prints warnings, the first [`WARNINGS_OF_A_KIND`] of each kind (its message with what is
/// between « » and the words with digits left out), then [`finish`](Self::finish) says how
/// many of each kind were left out.
#[derive(Default)]
pub struct Warnings {
    /// Per kind, in order of first appearance: the kind, how many, the first message.
    kinds: Vec<(String, usize, String)>,
}

impl Warnings {
    /// Prints `line` (the warning `message` with where it is), unless enough of its kind were.
    pub fn print(&mut self, line: &str, message: &str) {
        if ALL_WARNINGS.load(Ordering::Relaxed) {
            eprintln!("{line}");
            return;
        }
        let kind = kind_of(message);
        let at = match self.kinds.iter().position(|(k, ..)| *k == kind) {
            Some(at) => at,
            None => {
                self.kinds.push((kind, 0, message.to_string()));
                self.kinds.len() - 1
            }
        };
        self.kinds[at].1 += 1;
        if self.kinds[at].1 <= WARNINGS_OF_A_KIND {
            eprintln!("{line}");
        }
    }

    /// Says how many warnings of each kind were not printed.
    pub fn finish(self) {
        for (_, count, first) in self.kinds {
            if count > WARNINGS_OF_A_KIND {
                eprintln!(
                    "… et {} autre(s) avertissement(s) comme « {first} » (tous : --all-warnings)",
                    count - WARNINGS_OF_A_KIND
                );
            }
        }
    }
}

/// A warning's kind: its message with what is between « » and each word holding a digit left
/// out ("date de clôture (2026-10-08) passée" and "(2026-11-03)" are one kind).
fn kind_of(message: &str) -> String {
    let mut kind = String::new();
    let mut quoted = false;
    for word in message.split_whitespace() {
        if word.starts_with('«') {
            quoted = true;
        }
        if !quoted && !word.chars().any(|c| c.is_ascii_digit()) {
            kind.push_str(word);
            kind.push(' ');
        }
        if word.ends_with('»') {
            quoted = false;
        }
    }
    kind
}

/// Prints errors then warnings, and a count; returns whether there was any error.
pub fn print_findings(origin: &str, findings: &[Finding]) -> Outcome {
    let (errors, warnings): (Vec<&Finding>, Vec<&Finding>) =
        findings.iter().partition(|f| f.severity == Severity::Error);
    for f in &errors {
        eprintln!("{}", format_finding(origin, f));
    }
    let mut printed = Warnings::default();
    for f in &warnings {
        printed.print(&format_finding(origin, f), &f.message);
    }
    printed.finish();
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
    for f in findings.iter().filter(|f| f.error) {
        eprintln!("{f}");
    }
    let mut printed = Warnings::default();
    for f in findings.iter().filter(|f| !f.error) {
        printed.print(&f.to_string(), &f.message);
    }
    printed.finish();
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
