//! Any text: `read::offer` gives the offer that serde's definition gives, or refuses what serde
//! refuses (tests/read.rs says the one difference: serde also takes a struct written as a list).
#![no_main]

use libfuzzer_sys::fuzz_target;
use offers_core::json::Reader;
use offers_core::{read, Offer};

// Any text: libFuzzer's bytes up to their first one that is not UTF-8.
fuzz_target!(|text: &str| {
    let ours = {
        let mut r = Reader::new(text);
        read::offer(&mut r).and_then(|offer| r.end().map(|()| offer))
    };
    let serde = serde_json::from_str::<Offer>(text);
    match (&ours, &serde) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{text:?}"),
        (Err(_), Err(_)) => {}
        (Err(e), Ok(_)) if e.to_string().starts_with("objet attendu") => {}
        _ => panic!("{text:?}\nours: {ours:?}\nserde: {serde:?}"),
    }
});
