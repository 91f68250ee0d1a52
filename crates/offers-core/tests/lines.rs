//! A bundle in lines, read a slice at a time as its bytes arrive, gives what reading it whole
//! gives: on the real default bundle, in every layout, with broken offers and broken files.

mod common;
use common::{committed, default_bundle};

use offers_core::columns::BLOCK;
use offers_core::lines::{to_lines, BundleReader, COLUMNS_FROM};
use offers_core::{parse_bundle, Bundle, LoadedBundle, ParseError};

/// `text` given to a reader `chunk` bytes at a time, `lines` lines read after each chunk.
fn read_in_chunks(text: &str, chunk: usize, lines: usize) -> Result<LoadedBundle, ParseError> {
    let mut reader = BundleReader::new();
    for part in text.as_bytes().chunks(chunk) {
        reader.feed(part);
        let mut left = lines;
        reader.read(|| {
            left = left.saturating_sub(1);
            left > 0
        })?;
    }
    reader.finish()
}

#[test]
fn lines_are_the_same_bundle_one_offer_per_line() {
    let bundle = default_bundle();
    let text = to_lines(&bundle);
    assert_eq!(serde_json::from_str::<Bundle>(&text).unwrap(), bundle);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), bundle.offers.len() + 2);
    assert!(lines[0].ends_with("\"offers\":["));
    assert_eq!(*lines.last().unwrap(), "]}");
}

#[test]
fn read_a_slice_at_a_time_it_gives_what_the_whole_gives() {
    let bundle = default_bundle();
    let text = to_lines(&bundle);
    let whole = parse_bundle(&text).unwrap();
    for (chunk, lines) in [
        (1, 1),
        (7, 2),
        (300, 1),
        (4096, 3),
        (text.len(), usize::MAX),
    ] {
        assert_eq!(
            read_in_chunks(&text, chunk, lines).unwrap(),
            whole,
            "{chunk}"
        );
    }
}

#[test]
fn offers_are_read_as_their_lines_arrive() {
    let text = to_lines(&default_bundle());
    let second = text.match_indices('\n').nth(2).unwrap().0 + 1;
    let mut reader = BundleReader::new();
    reader.feed(&text.as_bytes()[..second]);
    reader.read(|| true).unwrap();
    assert_eq!(reader.offers_read(), 2);
    reader.feed(&text.as_bytes()[second..]);
    let mut once = true;
    reader.read(|| std::mem::take(&mut once)).unwrap();
    assert_eq!(reader.offers_read(), 3);
}

#[test]
fn a_broken_offer_is_skipped_as_in_the_whole() {
    let text = to_lines(&default_bundle());
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    lines[2] = r#"{"id":"offre-cassee","title":12},"#.into();
    lines[3] = lines[1].clone();
    // Half a character alone in a title: JSON, but no text.
    lines[4] = lines[4].replacen("\"title\":\"", "\"title\":\"\\udc00", 1);
    // A line that is not JSON: that offer's error alone, for the app and for `offers validate`
    // (found by fuzzing: validate refused the whole bundle, the app showed the others).
    lines[5] = lines[5].replacen("\"url\":", "\"ur\"l:", 1);
    let text = lines.join("\n");
    let whole = parse_bundle(&text).unwrap();
    assert_eq!(whole.skipped.len(), 4);
    assert_eq!(whole.skipped[0].id.as_deref(), Some("offre-cassee"));
    assert!(
        whole.skipped[2].reason.contains("moitié"),
        "{:?}",
        whole.skipped
    );
    let reason = &whole.skipped[3].reason;
    assert!(
        reason.contains("« : » attendu (ligne 6, colonne"),
        "{reason}"
    );
    assert_eq!(read_in_chunks(&text, 64, 1).unwrap(), whole);
}

#[test]
fn another_layout_is_read_whole() {
    let committed = committed();
    assert!(committed.starts_with("{\n"));
    let whole = parse_bundle(&committed).unwrap();
    assert_eq!(read_in_chunks(&committed, 100, 1).unwrap(), whole);
    let one_line = serde_json::to_string(&default_bundle()).unwrap();
    assert_eq!(read_in_chunks(&one_line, 1000, 1).unwrap(), whole);
}

#[test]
fn broken_files_fail_as_the_whole_fails() {
    let text = to_lines(&default_bundle());
    let mut half = text.len() / 2;
    while !text.is_char_boundary(half) {
        half -= 1;
    }
    let newer = text.replacen("\"format_version\":1", "\"format_version\":3", 1);
    assert_eq!(
        read_in_chunks(&newer, 512, 1).unwrap_err(),
        ParseError::UnsupportedVersion(3)
    );
    for broken in [
        "<!doctype html><title>Wi-Fi</title>",
        "",
        "[1, 2]",
        &text[..text.len() - 2],
        &text[..half],
        &format!("{text}\n{{}}"),
    ] {
        fails_as_the_whole_fails(broken, 256, 1);
    }
}

/// `broken` read `chunk` bytes and `lines` lines at a time fails, and as reading it whole does.
fn fails_as_the_whole_fails(broken: &str, chunk: usize, lines: usize) {
    let whole = parse_bundle(broken);
    let sliced = read_in_chunks(broken, chunk, lines);
    assert!(sliced.is_err(), "{broken:.60}");
    assert_eq!(
        std::mem::discriminant(&sliced.unwrap_err()),
        std::mem::discriminant(&whole.unwrap_err()),
        "{broken:.60}"
    );
}

/// The default bundle's offers again and again (new ids), `n` of them: a bundle large enough to
/// be written in columns.
fn large_bundle(n: usize) -> Bundle {
    let bundle = default_bundle();
    let offers = (0..n)
        .map(|i| {
            let mut offer = bundle.offers[i % bundle.offers.len()].clone();
            offer.id = format!("{}-{i}", offer.id);
            offer
        })
        .collect();
    bundle.with_offers(offers)
}

#[test]
fn a_large_bundle_is_written_in_columns_and_reads_as_its_offers_do() {
    let mut bundle = large_bundle(BLOCK * 2 + 7);
    // What could end a value early, inside strings.
    bundle.offers[BLOCK + 5].title = r#"Dév "full-stack", [H/F] {x} \ ] } , fin\"#.into();
    bundle.offers[BLOCK + 5].tags = vec!["]".into(), "\",".into()];
    let text = to_lines(&bundle);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("{\"format_version\":2,"));
    assert!(lines[0].ends_with("\"offer_columns\":["));
    assert!(lines[1].starts_with("{\"apply\":"), "{:.40}", lines[1]);
    // Unique values in a list; the default bundle's 22 titles, repeated, in a dictionary.
    assert!(lines.iter().any(|l| l.starts_with("\"id\":[\"")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("\"title\":{\"values\":[\"")));
    assert_eq!(*lines.last().unwrap(), "]}");
    // Three blocks, one column per line.
    assert_eq!(lines.iter().filter(|l| l.starts_with('{')).count(), 4);
    let whole = parse_bundle(&text).unwrap();
    assert!(whole.skipped.is_empty() && whole.problems.is_empty());
    assert_eq!(whole.bundle.offers, bundle.offers);
    for (chunk, lines) in [(1000, 1), (4096, 50), (text.len(), usize::MAX)] {
        assert_eq!(
            read_in_chunks(&text, chunk, lines).unwrap(),
            whole,
            "{chunk}"
        );
    }
    // Below COLUMNS_FROM, one offer per line (format 1).
    let small = to_lines(&large_bundle(COLUMNS_FROM - 1));
    assert!(small.starts_with("{\"format_version\":1,"));
}

#[test]
fn a_broken_offer_in_columns_is_skipped_alone() {
    let text = to_lines(&large_bundle(BLOCK + 100));
    // The second block's titles (a dictionary): its 4th offer's is a number, a value of its own.
    let mut lines: Vec<String> = text.lines().map(String::from).collect();
    let titles = lines
        .iter()
        .rposition(|l| l.starts_with("\"title\":{"))
        .unwrap();
    let mut column: serde_json::Value =
        serde_json::from_str(&lines[titles]["\"title\":".len()..lines[titles].len() - 1]).unwrap();
    let values = column["values"].as_array_mut().unwrap();
    values.push(42.into());
    let code = values.len() - 1;
    column["codes"][3] = code.into();
    lines[titles] = format!("\"title\":{},", serde_json::to_string(&column).unwrap());
    let text = lines.join("\n");
    let whole = parse_bundle(&text).unwrap();
    assert_eq!(whole.bundle.offers.len(), BLOCK + 99);
    assert_eq!(whole.skipped.len(), 1);
    assert_eq!(whole.skipped[0].index, BLOCK + 3);
    assert!(whole.skipped[0]
        .id
        .as_deref()
        .unwrap()
        .ends_with(&format!("-{}", BLOCK + 3)));
    assert_eq!(read_in_chunks(&text, 777, 3).unwrap(), whole);
}

#[test]
fn broken_columns_fail_as_the_whole_fails() {
    let text = to_lines(&large_bundle(BLOCK + 10));
    let lines: Vec<&str> = text.lines().collect();
    let without = |skip: &dyn Fn(&str) -> bool| {
        lines
            .iter()
            .copied()
            .filter(|l| !skip(l))
            .collect::<Vec<_>>()
            .join("\n")
    };
    // Cut off: the last block's end is missing.
    let cut = without(&|l: &str| l == "]}" || l.ends_with("]}") && !l.starts_with('{'));
    let broken_column = text.replacen("\"id\":[\"", "\"id\":[\"\"", 1);
    let rows_in_v2 = text.replacen("\"offer_columns\":[", "\"offers\":[", 1);
    // A code that names no value; a dictionary's codes twice.
    let title_codes = text.find("\"title\":{").unwrap();
    let codes = title_codes + text[title_codes..].find("\"codes\":[").unwrap();
    let no_value = format!("{}9999{}", &text[..codes + 9], &text[codes + 9..]);
    let codes_twice = text.replacen("{\"values\":", "{\"codes\":", 1);
    for broken in [
        &cut,
        &broken_column,
        &rows_in_v2,
        &no_value,
        &codes_twice,
        &text[..text.len() - 3],
    ] {
        fails_as_the_whole_fails(broken, 4096, 2);
    }
}
