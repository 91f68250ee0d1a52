//! What makes an offer unusable: the checks run on every offer when a bundle is read.
//!
//! Messages are French: they reach ministry web teams (CLI) and the browser console.

use std::fmt;

use crate::document::{for_each_href, shape_problems};
use crate::{Document, Offer, Page};

/// One thing wrong with an offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The field at fault (`url`, `description`, …).
    pub field: &'static str,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} : {}", self.field, self.message)
    }
}

/// True for the only URL schemes a bundle may link to: `https:`, `http:` and `mailto:`
/// (case-insensitive, nothing before the scheme), with something after it.
pub fn is_safe_url(url: &str) -> bool {
    let Some((scheme, rest)) = url.split_once(':') else {
        return false;
    };
    let web = scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http");
    let ok_rest = if web {
        rest.starts_with("//") && rest.len() > 2
    } else {
        scheme.eq_ignore_ascii_case("mailto") && !rest.is_empty()
    };
    ok_rest && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// True for a link to a web page (https or http): what an offer's `url` and `apply.url` may be.
pub fn is_web_url(url: &str) -> bool {
    is_safe_url(url) && !url.to_ascii_lowercase().starts_with("mailto:")
}

/// True for a stable identifier: 1 to 120 lowercase ASCII letters, digits and inner hyphens.
pub fn is_valid_id(id: &str) -> bool {
    (1..=120).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// True for the path of a large bundle's text file (`texts`) as a bundle may name it: relative, below the bundle's folder,
/// ending in `.json`, in lowercase ASCII letters, digits, `-`, `_`, `.` and `/` (no `..`, no
/// scheme, no host: the app fetches it beside the bundle, never elsewhere).
pub fn is_text_file_path(path: &str) -> bool {
    (6..=200).contains(&path.len())
        && path.ends_with(".json")
        && !path.starts_with('/')
        && !path.split('/').any(|part| part.is_empty() || part == "..")
        && path.bytes().all(|b| {
            b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'_' | b'.' | b'/')
        })
}

/// One address: `local@domain.tld`, nothing that a `mailto:` link would read as another
/// recipient (`,` `;`), a fragment (`#`), headers (`?` `&`) or an escape (`%`).
fn is_plausible_email(email: &str) -> bool {
    match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(|c| {
                    c.is_whitespace() || c.is_control() || "?#,;&%<>\"()[]\\:/".contains(c)
                })
                && !domain.contains('@')
        }
        None => false,
    }
}

/// Every problem that makes `offer` unusable, given the ids of the bundle's families.
/// An empty list means the offer can be shown.
pub fn offer_problems(offer: &Offer, family_ids: &[String]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut fail = |field: &'static str, message: String| problems.push(Problem { field, message });

    if !is_valid_id(&offer.id) {
        fail(
            "id",
            format!(
                "identifiant « {} » invalide (lettres minuscules, chiffres et tirets)",
                offer.id
            ),
        );
    }
    if offer.title.trim().is_empty() {
        fail("title", "titre vide".into());
    }
    if offer.employer.trim().is_empty() {
        fail("employer", "employeur vide".into());
    }
    if !family_ids.contains(&offer.family) {
        fail(
            "family",
            format!(
                "famille « {} » absente de la liste des familles",
                offer.family
            ),
        );
    }
    let mut check_web_url = |field: &'static str, url: &str| {
        if !is_web_url(url) {
            fail(
                field,
                format!("adresse « {url} » refusée (seuls https: et http: sont permis)"),
            );
        }
    };
    if let Some(url) = &offer.url {
        check_web_url("url", url);
    }
    if let Some(apply) = &offer.apply {
        if let Some(url) = &apply.url {
            check_web_url("apply.url", url);
        }
        if let Some(email) = &apply.email {
            if !is_plausible_email(email) {
                fail(
                    "apply.email",
                    format!("adresse électronique « {email} » invalide"),
                );
            }
        }
    }
    if let Some(doc) = &offer.description {
        for message in document_problems(doc) {
            fail("description", message);
        }
    }
    problems
}

/// Unsafe links and a wrong shape in one document.
fn document_problems(doc: &Document) -> Vec<String> {
    let mut problems = Vec::new();
    for_each_href(doc, &mut |href| {
        if !is_safe_url(href) {
            problems.push(format!(
                "lien « {href} » refusé (seuls https:, http: et mailto: sont permis)"
            ));
        }
    });
    problems.extend(shape_problems(doc));
    problems
}

/// What is wrong with the texts around the offers (the page's introduction, the sections'
/// introductions and callouts): the same link and shape checks as an offer's description. The
/// app shows such a page with the bad links as plain text; publishing it is an error.
pub fn page_problems(page: &Page) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut document = |field: &'static str, doc: &Document| {
        for message in document_problems(doc) {
            problems.push(Problem { field, message });
        }
    };
    document("page.intro", &page.intro);
    for section in &page.sections {
        document("page.sections.intro", &section.intro);
        for callout in &section.callouts {
            document("page.sections.callouts.body", &callout.body);
        }
    }
    for callout in page.sections.iter().flat_map(|s| &s.callouts) {
        if let Some(link) = callout.link.as_ref().filter(|l| !is_safe_url(&l.url)) {
            problems.push(Problem {
                field: "page.sections.callouts.link",
                message: format!(
                    "lien « {} » refusé (seuls https:, http: et mailto: sont permis)",
                    link.url
                ),
            });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_mail_schemes_are_safe() {
        for ok in [
            "https://choisirleservicepublic.gouv.fr/offre-emploi/2023-1201312/",
            "HTTP://example.org",
            "mailto:candidatures-dinum@pm.gouv.fr?subject=CMD-01",
        ] {
            assert!(is_safe_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "/relative/path",
            "//evil.example",
            "https:",
            "https://",
            "https://a b",
            "https://a\nb",
            "mailto:",
            "",
        ] {
            assert!(!is_safe_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn an_application_address_is_one_address_and_its_link_keeps_the_subject() {
        for ok in ["candidatures-dinum@pm.gouv.fr", "prénom.nom+offre@x.fr"] {
            assert!(is_plausible_email(ok), "{ok}");
        }
        for bad in [
            "a@b.c#x",
            "a@b.c,evil@x.y",
            "a@b.c;evil@x.y",
            "a@b.c?cc=evil@x.y",
            "a@b.c&bcc=x@y.z",
            "a%40b@c.d",
            "a@b@c.d",
            "a@.b",
            "a@b.",
            "a b@c.d",
            "@b.c",
        ] {
            assert!(!is_plausible_email(bad), "{bad}");
        }
        let apply = |email: &str| crate::Apply {
            email: Some(email.into()),
            subject: Some("Réf. CMD-01 & co".into()),
            ..crate::Apply::default()
        };
        assert_eq!(
            apply("candidatures-dinum@pm.gouv.fr")
                .mailto_href()
                .unwrap(),
            "mailto:candidatures-dinum@pm.gouv.fr?subject=R%C3%A9f.%20CMD-01%20%26%20co"
        );
        // Even an address that validation refuses cannot lose the subject or add a recipient.
        assert_eq!(
            apply("a@b.c#x").mailto_href().unwrap(),
            "mailto:a@b.c%23x?subject=R%C3%A9f.%20CMD-01%20%26%20co"
        );
        assert!(apply("a@b.c,evil@x.y")
            .mailto_href()
            .unwrap()
            .starts_with("mailto:a@b.c%2Cevil@x.y?subject="));
    }

    #[test]
    fn ids_are_slugs() {
        assert!(is_valid_id("2023-1201312"));
        assert!(is_valid_id("charge-mission-design"));
        for bad in [
            "",
            "-a",
            "a-",
            "Majuscule",
            "avec espace",
            "é",
            &"a".repeat(121),
        ] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }
}

/// How bad a finding is: errors make a bundle unpublishable, warnings deserve a look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

/// One finding of [`check_bundle`], about one offer or the bundle as a whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub severity: Severity,
    /// Position of the offer in the bundle's `offers`, from 0.
    pub index: Option<usize>,
    pub offer_id: Option<String>,
    pub message: String,
}

/// Everything wrong with a bundle as read: each skipped offer is an error, then duplicate families,
/// references or URLs (errors), open offers whose closing day is before `today` and offers that
/// close before they are published (warnings).
pub fn check_bundle(loaded: &crate::LoadedBundle, today: crate::Date) -> Vec<Finding> {
    use std::collections::HashMap;
    let mut findings: Vec<Finding> = loaded
        .skipped
        .iter()
        .map(|s| Finding {
            severity: Severity::Error,
            index: Some(s.index),
            offer_id: s.id.clone(),
            message: s.reason.clone(),
        })
        .collect();
    findings.extend(loaded.problems.iter().map(|p| Finding {
        severity: Severity::Error,
        index: None,
        offer_id: None,
        message: p.to_string(),
    }));
    let bundle = &loaded.bundle;
    let mut family_seen = std::collections::HashSet::new();
    for family in &bundle.families {
        if !family_seen.insert(family.id.as_str()) {
            findings.push(Finding {
                severity: Severity::Error,
                index: None,
                offer_id: None,
                message: format!("famille « {} » déclarée deux fois", family.id),
            });
        }
    }
    let mut references: HashMap<&str, &str> = HashMap::new();
    let mut urls: HashMap<&str, &str> = HashMap::new();
    for offer in &bundle.offers {
        let mut finding = |severity, message| {
            findings.push(Finding {
                severity,
                index: None,
                offer_id: Some(offer.id.clone()),
                message,
            })
        };
        if let Some(reference) = offer.reference.as_deref() {
            if let Some(first) = references.insert(reference, &offer.id) {
                finding(
                    Severity::Error,
                    format!("référence « {reference} » déjà utilisée par l'offre « {first} »"),
                );
            }
        }
        if let Some(url) = offer.url.as_deref() {
            if let Some(first) = urls.insert(url, &offer.id) {
                finding(
                    Severity::Error,
                    format!("adresse « {url} » déjà utilisée par l'offre « {first} »"),
                );
            }
        }
        if let Some(closes) = offer.closes_on {
            if offer.status == crate::Status::Open && closes < today {
                finding(
                    Severity::Warning,
                    format!("offre ouverte dont la date de clôture ({closes}) est passée"),
                );
            }
            if offer.published_on.is_some_and(|p| p > closes) {
                finding(
                    Severity::Warning,
                    format!("date de clôture ({closes}) antérieure à la date de publication"),
                );
            }
        }
    }
    findings
}
