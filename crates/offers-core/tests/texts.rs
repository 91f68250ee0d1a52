//! Full texts apart: a large bundle split into its list and its text files, read back and joined,
//! on the real default bundle's offers (copied until their texts are large).

mod common;
use common::default_bundle;

use offers_core::texts::{
    beside, is_text_file_path, join, split, text_of, TextFile, FILE_BYTES, SPLIT_ABOVE,
};
use offers_core::{parse_bundle, Bundle};

/// The default bundle with its offers copied `times` times (new ids), texts included.
fn large(times: usize) -> Bundle {
    let mut bundle = default_bundle();
    let originals = bundle.offers.clone();
    assert!(originals.iter().any(|o| o.description.is_some()));
    bundle.offers = (0..times)
        .flat_map(|n| {
            originals.iter().map(move |o| {
                let mut o = o.clone();
                o.id = format!("{}-{n}", o.id);
                o
            })
        })
        .collect();
    bundle
}

fn name(k: usize, json: &str) -> String {
    format!("textes/{k}-{}.json", json.len())
}

fn read_files(files: &[(String, String)]) -> Vec<(usize, TextFile)> {
    files
        .iter()
        .enumerate()
        .map(|(k, (_, json))| (k, serde_json::from_str(json).unwrap()))
        .collect()
}

#[test]
fn a_small_bundle_stays_one_file() {
    assert!(split(&default_bundle(), name).is_none());
}

#[test]
fn a_large_bundle_is_split_and_joins_back_to_itself() {
    let full = large(400);
    let (list, files) = split(&full, name).expect("split");
    // The list has no full text, and says where each one is.
    assert!(list.offers.iter().all(|o| o.description.is_none()));
    let with_text = full
        .offers
        .iter()
        .filter(|o| o.description.is_some())
        .count();
    assert_eq!(
        list.offers.iter().filter(|o| o.text_file.is_some()).count(),
        with_text
    );
    assert_eq!(
        list.text_files,
        files.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>()
    );
    // About FILE_BYTES each: what opening a page fetches.
    let total: usize = files.iter().map(|(_, j)| j.len()).sum();
    assert!(total > SPLIT_ABOVE);
    assert!(files.len() >= total / FILE_BYTES);
    assert!(
        files.iter().all(|(_, j)| j.len() < 2 * FILE_BYTES),
        "{:?}",
        files.iter().map(|(_, j)| j.len()).collect::<Vec<_>>()
    );
    // The list is a bundle like any other: read back with nothing skipped.
    let read = parse_bundle(&serde_json::to_string(&list).unwrap()).unwrap();
    assert!(read.skipped.is_empty() && read.problems.is_empty());
    assert_eq!(read.bundle, list);
    // What the app reads of a file: one offer's text.
    let i = list
        .offers
        .iter()
        .position(|o| o.text_file.is_some())
        .unwrap();
    let offer = &list.offers[i];
    let (path, json) = &files[offer.text_file.unwrap() as usize];
    assert!(path.starts_with("textes/"));
    assert_eq!(
        text_of(json, &offer.id).unwrap(),
        full.offers[i].description
    );
    assert_eq!(text_of(json, "absent").unwrap(), None);
    assert!(text_of("{\"texts\": [", &offer.id).is_err());
    let mut joined = read.bundle;
    assert_eq!(join(&mut joined, read_files(&files)), vec![]);
    assert_eq!(joined, full);
}

#[test]
fn changing_one_text_changes_one_file() {
    let mut full = large(400);
    let (_, before) = split(&full, name).unwrap();
    let changed = full
        .offers
        .iter_mut()
        .find(|o| o.description.is_some())
        .unwrap();
    changed.description.as_mut().unwrap().truncate(1);
    let (_, after) = split(&full, name).unwrap();
    assert_eq!(before.len(), after.len());
    let differ = before.iter().zip(&after).filter(|(a, b)| a != b).count();
    assert_eq!(differ, 1);
}

#[test]
fn a_text_file_path_never_leads_away_from_the_bundle() {
    for good in [
        "textes/texte-0123456789abcdef.json",
        "t.json",
        "a/b_c.d.json",
    ] {
        assert!(is_text_file_path(good), "{good}");
    }
    for bad in [
        "../offers.json",
        "textes/../../x.json",
        "/textes/a.json",
        "//evil.example/a.json",
        "https://evil.example/a.json",
        "textes/a.js",
        "textes//a.json",
        "Textes/A.json",
        "textes/a b.json",
        "textes\\a.json",
    ] {
        assert!(!is_text_file_path(bad), "{bad}");
    }
}

#[test]
fn a_bad_path_costs_the_pages_not_the_cards_and_a_missing_file_skips_the_offer() {
    let (mut list, _) = split(&large(400), name).unwrap();
    list.text_files[0] = "https://evil.example/a.json".into();
    let to_first = list
        .offers
        .iter()
        .filter(|o| o.text_file == Some(0))
        .count();
    assert!(to_first > 0);
    let last = list.text_files.len() as u32;
    let broken = list
        .offers
        .iter_mut()
        .find(|o| o.text_file.is_some_and(|k| k > 0))
        .unwrap();
    broken.text_file = Some(last);
    let broken = broken.id.clone();
    let read = parse_bundle(&serde_json::to_string(&list).unwrap()).unwrap();
    assert_eq!(read.problems.len(), 1);
    assert!(read.problems[0].message.contains("evil.example"));
    assert_eq!(read.bundle.offers.len(), list.offers.len() - 1);
    assert_eq!(read.skipped.len(), 1);
    assert_eq!(read.skipped[0].id.as_deref(), Some(broken.as_str()));
    assert!(read.skipped[0].reason.contains("text_files"));
    // The offers of the refused file keep their card, without a page.
    assert!(read.bundle.offers.iter().all(|o| o.text_file != Some(0)));
}

#[test]
fn joining_reports_texts_in_the_wrong_file_and_texts_missing() {
    let full = large(400);
    let (list, files) = split(&full, name).unwrap();
    let mut read = read_files(&files);
    // One text moved from its file to another, one file lost.
    let moved = read[0].1.texts.remove(0);
    read[1].1.texts.push(moved.clone());
    let lost = read.pop().unwrap();
    let mut joined = list.clone();
    let problems = join(&mut joined, read);
    let ids: Vec<&str> = problems.iter().map(|(id, _)| id.as_str()).collect();
    assert!(ids.contains(&moved.id.as_str()), "{problems:?}");
    assert!(problems.iter().any(|(_, m)| m.contains(&files[1].0)));
    for text in &lost.1.texts {
        assert!(ids.contains(&text.id.as_str()), "{}", text.id);
    }
    assert!(joined.text_files.is_empty());
    assert!(joined.offers.iter().all(|o| o.text_file.is_none()));
}

#[test]
fn a_text_file_is_fetched_beside_its_bundle() {
    let t = "textes/texte-0123456789abcdef.json";
    assert_eq!(beside("offers.json", t), t);
    assert_eq!(beside("./offers.json", t), format!("./{t}"));
    assert_eq!(
        beside("https://a.gouv.fr/x/offers.json?v=2#f", t),
        format!("https://a.gouv.fr/x/{t}")
    );
    assert_eq!(
        beside("https://a.gouv.fr/api?url=/y/offers.json", t),
        format!("https://a.gouv.fr/{t}")
    );
    assert_eq!(beside("/data/offers.json", t), format!("/data/{t}"));
}
