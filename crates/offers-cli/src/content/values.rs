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

/// "3 500 € à 4 800 € par mois" → min, max, period. Amounts under 100 are not pay (a number of
/// years, a grade); "45k€" is 45 000. The period is a year when the text says so, or when the
/// amount could only be yearly (10 000 € or more).
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
        // "45k€", "60 K€": thousands.
        let mut k = i;
        while chars.get(k) == Some(&' ') {
            k += 1;
        }
        let thousands = matches!(chars.get(k), Some('k' | 'K'))
            && !chars.get(k + 1).is_some_and(|c| c.is_alphabetic());
        if let Ok(n) = digits.parse::<u32>() {
            let n = if thousands { n.saturating_mul(1000) } else { n };
            if n >= 100 {
                numbers.push(n);
            }
        }
    }
    let lower = text.to_lowercase();
    let min = numbers.first().copied();
    let yearly = lower.contains("/an")
        || lower.contains("par an")
        || lower.contains("annuel")
        || min.is_some_and(|n| n >= 10_000);
    Salary {
        min,
        max: numbers.get(1).or(numbers.first()).copied(),
        period: if yearly {
            SalaryPeriod::Year
        } else {
            SalaryPeriod::Month
        },
        text: Some(text.to_string()),
    }
}

/// The pay an offer's text states, if one of its lines does: a line that names pay ("salaire",
/// "rémunération", "fourchette", "brut"…) and an amount in euros, as real offers write it
/// ("Un salaire de 3 500 € à 4 800 € en fonction de l'expérience", "fourchette de rémunération
/// entre 23 600 et 40 000 € brut annuel"). Amounts of contracts ("marchés de 90 K€ HT") are not pay.
pub fn salary_in_text(text: &str) -> Option<String> {
    const PAY: [&str; 7] = [
        "salaire",
        "rémunération",
        "remuneration",
        "fourchette",
        "brut",
        "mensuel",
        "annuel",
    ];
    // An amount in euros first: most lines have none, and need no lowercase copy (that copy of
    // every line was 2 % of a 10 000-offer build).
    let euros = |line: &&str| {
        line.contains('€') || (line.as_bytes().windows(5)).any(|w| w.eq_ignore_ascii_case(b"euros"))
    };
    text.lines().filter(euros).find_map(|line| {
        let lower = line.to_lowercase();
        let named = PAY.iter().any(|w| lower.contains(w));
        let amount = salary(line).min.is_some();
        (named && amount && !lower.contains(" ht")).then(|| {
            let line = line
                .trim()
                .trim_start_matches(['*', '-', '•', '·', ' '])
                .trim();
            line.chars().take(200).collect()
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_pay_as_real_offers_write_it() {
        let cases: [(&str, Option<u32>, Option<u32>, SalaryPeriod); 6] = [
            (
                "3 500 € à 4 800 € par mois",
                Some(3500),
                Some(4800),
                SalaryPeriod::Month,
            ),
            (
                "fourchette de rémunération entre 23 600 et 40 000 €   brut annuel",
                Some(23_600),
                Some(40_000),
                SalaryPeriod::Year,
            ),
            (
                "entre 45k€ et 63k€ annuels brut",
                Some(45_000),
                Some(63_000),
                SalaryPeriod::Year,
            ),
            (
                "Rémunération selon profil et expérience (entre 35 et 60K€)",
                Some(60_000),
                Some(60_000),
                SalaryPeriod::Year,
            ),
            (
                "Entre 2 478 à 3 230€ mensuel net soit 37 000 à 47 000 € annuel",
                Some(2478),
                Some(3230),
                SalaryPeriod::Year,
            ),
            ("selon expérience", None, None, SalaryPeriod::Month),
        ];
        for (text, min, max, period) in cases {
            let s = salary(text);
            assert_eq!((s.min, s.max, s.period), (min, max, period), "{text}");
        }
    }

    #[test]
    fn finds_the_line_that_states_pay() {
        // Seed 004's sentence, among its other lines.
        let seed = "* Un CDD de 2 ans\n* Un salaire de 3 500 € à 4 800 € en fonction de l’expérience et du profil \n* L’accès";
        assert_eq!(
            salary_in_text(seed).as_deref(),
            Some("Un salaire de 3 500 € à 4 800 € en fonction de l’expérience et du profil")
        );
        // Amounts that are not pay.
        assert_eq!(
            salary_in_text("gestion des achats inférieurs à 40 000 € HT"),
            None
        );
        assert_eq!(
            salary_in_text("Le montant des marchés varie entre 500K€ et plus"),
            None
        );
        assert_eq!(salary_in_text("Rémunération selon profil"), None);
    }
}
