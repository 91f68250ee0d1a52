//! Dates as real sites write them: `2021-06-24`, `2022-05-25T14:13:56.593Z`, `22/05/2025`,
//! `12 avril 2021`, `1er mai 2021`, and for start dates `septembre 2025`.

use offers_core::date::MONTHS_FR as MONTHS;
use offers_core::Date;

fn month_number(word: &str) -> Option<u8> {
    let w = word
        .to_lowercase()
        .replace("fevrier", "février")
        .replace("aout", "août")
        .replace("decembre", "décembre");
    MONTHS
        .iter()
        .position(|m| *m == w.trim_end_matches('.'))
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// A full date, or `None`. Sentinels such as `31/12/9999` or years past 2090 count as no date.
pub fn parse_date(text: &str) -> Option<Date> {
    read_date(text).filter(|&date| !stands_for_none(date))
}

/// Whether `text` is a date that stands for "none": the job boards' "no end date", `31/12/9999`,
/// or any year from 2090.
pub fn is_sentinel(text: &str) -> bool {
    read_date(text).is_some_and(stands_for_none)
}

/// A year from 2090: no real closing date, the job boards' "none" (`31/12/9999`).
fn stands_for_none(date: Date) -> bool {
    date.year() >= 2090
}

/// A source's date as an offer file writes it: `YYYY-MM-DD` when it reads as a date, nothing for
/// a sentinel ([`is_sentinel`]), the text itself otherwise (`offers build` then reports it, with
/// its file and line).
pub fn content_date(text: &str) -> Option<String> {
    match read_date(text) {
        Some(date) if stands_for_none(date) => None,
        Some(date) => Some(date.to_string()),
        None => Some(text.trim().to_string()),
    }
}

fn read_date(text: &str) -> Option<Date> {
    let t = text.trim();
    // `get`: a character cut at byte 10 ("2021-06-0é") is no date, not an abort.
    if t.len() >= 10 && t.as_bytes()[4] == b'-' {
        Date::parse_iso(t.get(..10)?)
    } else if let Some((d, rest)) = t.split_once('/') {
        let (m, y) = rest.split_once('/')?;
        Date::new(
            y.trim().get(..4)?.parse().ok()?,
            m.parse().ok()?,
            d.parse().ok()?,
        )
    } else {
        let words: Vec<&str> = t.split_whitespace().collect();
        match words.as_slice() {
            [d, m, y] => Date::new(
                y.parse().ok()?,
                month_number(m)?,
                d.trim_end_matches("er").parse().ok()?,
            ),
            _ => None,
        }
    }
}

/// A date, or the first day of a month written "septembre 2025" (for start dates).
pub fn parse_start(text: &str) -> Option<Date> {
    parse_date(text).or_else(|| {
        let words: Vec<&str> = text.split_whitespace().collect();
        let n = words.len();
        (n >= 2)
            .then(|| Date::new(words[n - 1].parse().ok()?, month_number(words[n - 2])?, 1))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cut_inside_a_character_is_no_date() {
        assert_eq!(parse_date("2021-06-0é"), None);
        assert_eq!(parse_date("2021-06-0éé-x"), None);
        assert_eq!(parse_date("2021-06-05"), Date::new(2021, 6, 5));
    }

    #[test]
    fn reads_the_forms_found_in_real_files() {
        let d = |y, m, d| Date::new(y, m, d);
        assert_eq!(parse_date("2021-06-24"), d(2021, 6, 24));
        assert_eq!(parse_date("2022-05-25T14:13:56.593Z"), d(2022, 5, 25));
        assert_eq!(parse_date("22/05/2025"), d(2025, 5, 22));
        assert_eq!(parse_date("12 avril 2021"), d(2021, 4, 12));
        assert_eq!(parse_date("1er mai 2021"), d(2021, 5, 1));
        assert_eq!(parse_date("3 Août 2021"), d(2021, 8, 3));
        assert_eq!(parse_date("31/12/9999"), None);
        assert_eq!(parse_date("bientôt"), None);
        assert_eq!(parse_start("à partir de septembre 2025"), d(2025, 9, 1));
        assert_eq!(parse_start("dès mai 2020"), d(2020, 5, 1));
        // What an import writes in an offer file.
        assert_eq!(content_date("21/01/2026").as_deref(), Some("2026-01-21"));
        assert_eq!(
            content_date("2022-05-25T14:13:56.593Z").as_deref(),
            Some("2022-05-25")
        );
        assert_eq!(content_date("31/12/9999"), None);
        assert_eq!(content_date("01/01/2095"), None);
        assert_eq!(content_date(" bientôt ").as_deref(), Some("bientôt"));
        assert!(is_sentinel("31/12/9999") && !is_sentinel("31/12/2089") && !is_sentinel("x"));
    }
}
