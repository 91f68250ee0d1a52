//! Any text: the reader's skim (`Reader::skip`, then the end) takes it exactly when serde_json
//! takes it as some JSON value, apart from two documented differences: the skim has no nesting
//! limit (serde_json's is 128), and it checks a number's syntax, not whether it fits in an f64.
#![no_main]

use libfuzzer_sys::fuzz_target;
use offers_core::json::Reader;
use serde::de::IgnoredAny;

// Any text: libFuzzer's bytes up to their first one that is not UTF-8.
fuzz_target!(|text: &str| {
    let ours = {
        let mut r = Reader::new(text);
        r.skip().and_then(|()| r.end())
    };
    let serde = serde_json::from_str::<IgnoredAny>(text);
    match (&ours, &serde) {
        (Ok(()), Ok(_)) | (Err(_), Err(_)) => {}
        (Ok(()), Err(e))
            if e.to_string().starts_with("recursion limit exceeded")
                || e.to_string().starts_with("number out of range") => {}
        _ => panic!("{text:?}\nours: {ours:?}\nserde: {serde:?}"),
    }
});
