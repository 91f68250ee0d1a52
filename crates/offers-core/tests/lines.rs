//! A bundle in lines, read a slice at a time as its bytes arrive, gives what reading it whole
//! gives: on the real default bundle, in every layout, with broken offers and broken files.

mod common;
use common::{committed, default_bundle};

use offers_core::lines::{to_lines, BundleReader};
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
    let text = lines.join("\n");
    let whole = parse_bundle(&text).unwrap();
    assert_eq!(whole.skipped.len(), 2);
    assert_eq!(whole.skipped[0].id.as_deref(), Some("offre-cassee"));
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
    let newer = text.replacen("\"format_version\":1", "\"format_version\":2", 1);
    assert_eq!(
        read_in_chunks(&newer, 512, 1).unwrap_err(),
        ParseError::UnsupportedVersion(2)
    );
    for broken in [
        "<!doctype html><title>Wi-Fi</title>",
        "",
        "[1, 2]",
        &text[..text.len() - 2],
        &text[..half],
        &format!("{text}\n{{}}"),
    ] {
        let whole = parse_bundle(broken);
        let sliced = read_in_chunks(broken, 256, 1);
        assert!(sliced.is_err(), "{broken:.60}");
        assert_eq!(
            std::mem::discriminant(&sliced.unwrap_err()),
            std::mem::discriminant(&whole.unwrap_err()),
            "{broken:.60}"
        );
    }
}
