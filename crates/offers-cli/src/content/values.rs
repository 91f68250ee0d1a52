//! Reading one value as real pages write it: grades, places, contracts, salaries, references in
//! addresses, slugs. The content builder and the importers share these.

use offers_core::{ContractKind, GradeLevel, Location, Salary, SalaryPeriod};

/// "Cadre supérieur/Catégorie A+" → A+.
pub fn grade_level(label: &str) -> Option<GradeLevel> {
    let upper = label.to_uppercase();
    let after = upper
        .rsplit("CATÉGORIE")
        .next()
        .unwrap_or(&upper)
        .trim_start();
    let token: String = after
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != ',' && *c != '/')
        .collect();
    match token.as_str() {
        "A+" => Some(GradeLevel::APlus),
        "A" => Some(GradeLevel::A),
        "B" => Some(GradeLevel::B),
        "C" => Some(GradeLevel::C),
        _ => None,
    }
}

/// "Saint-Jacques-de-la-Lande (35)" → city and department.
pub fn location(text: &str) -> Location {
    let t = text.trim();
    if let Some(open) = t.rfind('(') {
        let inner = t[open + 1..].trim_end_matches(')').trim();
        let is_dept = (2..=3).contains(&inner.len())
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || c == 'A' || c == 'B');
        if is_dept && t.ends_with(')') {
            return Location {
                city: t[..open].trim().to_string(),
                department: Some(inner.to_string()),
            };
        }
    }
    Location {
        city: t.to_string(),
        department: None,
    }
}

pub fn contract_kind(text: &str) -> ContractKind {
    let t = text.to_lowercase();
    if t.contains("titulaire") && t.contains("contractuel") {
        ContractKind::TitulaireOuContractuel
    } else if t.contains("cdd") || t.contains("durée déterminée") {
        ContractKind::Cdd
    } else if t.contains("cdi") || t.contains("durée indéterminée") {
        ContractKind::Cdi
    } else if t.contains("apprenti") || t.contains("alternance") {
        ContractKind::Apprentissage
    } else if t.contains("stage") {
        ContractKind::Stage
    } else if t.contains("titulaire") || t.contains("fonctionnaire") {
        ContractKind::Titulaire
    } else if t.contains("contractuel") {
        ContractKind::Contractuel
    } else {
        ContractKind::Autre
    }
}

/// Lowercase ASCII slug: "Données / Datascience" → "donnees-datascience". Case and accents are
/// folded as search folds them (`offers_core::fold`); anything still not ASCII separates words.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in offers_core::fold::fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    trimmed
        .chars()
        .take(120)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

/// The job-board reference in an offer URL: `…-reference-2023-1201312/`,
/// `…-reference-MINT_BA008ATA-19297`, or `…/2023-1201312/`.
pub fn reference_in_url(url: &str) -> Option<String> {
    let last = url.trim_end_matches('/').rsplit('/').next()?;
    if let Some((_, after)) = last.split_once("-reference-") {
        return Some(after.to_string()).filter(|r| !r.is_empty());
    }
    let candidate = last;
    let b = candidate.as_bytes();
    let ok = candidate.len() >= 8
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..].iter().all(u8::is_ascii_digit);
    ok.then(|| candidate.to_string())
}

/// "3 500 € à 4 800 € par mois" → min, max, period (month unless it says per year).
pub fn salary(text: &str) -> Salary {
    let chars: Vec<char> = text.chars().collect();
    let mut numbers: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        loop {
            while i < chars.len() && chars[i].is_ascii_digit() {
                digits.push(chars[i]);
                i += 1;
            }
            // A thousands separator is followed by exactly three digits.
            let sep = i < chars.len() && matches!(chars[i], ' ' | '\u{a0}' | '\u{202f}' | '.');
            let three = chars
                .get(i + 1..i + 4)
                .is_some_and(|d| d.iter().all(char::is_ascii_digit))
                && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
            if sep && three {
                i += 1;
            } else {
                break;
            }
        }
        if let Ok(n) = digits.parse::<u32>() {
            if n >= 100 {
                numbers.push(n);
            }
        }
    }
    let lower = text.to_lowercase();
    let yearly = lower.contains("/an") || lower.contains("par an") || lower.contains("annuel");
    Salary {
        min: numbers.first().copied(),
        max: numbers.get(1).or(numbers.first()).copied(),
        period: if yearly {
            SalaryPeriod::Year
        } else {
            SalaryPeriod::Month
        },
        text: Some(text.to_string()),
    }
}
