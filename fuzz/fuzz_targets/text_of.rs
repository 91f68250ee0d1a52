//! Any text: where serde reads a text file (`texts::TextFile`), `texts::text_of` finds each
//! offer's full text as serde reads it (the first entry of an id); on any other text, it answers
//! without failing the process.
#![no_main]

use libfuzzer_sys::fuzz_target;
use offers_core::texts::{text_of, TextFile};

// Any text: libFuzzer's bytes up to their first one that is not UTF-8.
fuzz_target!(|text: &str| {
    let _ = text_of(text, "absente");
    let Ok(file) = serde_json::from_str::<TextFile>(text) else {
        return;
    };
    for (i, entry) in file.texts.iter().enumerate() {
        if file.texts[..i].iter().any(|e| e.id == entry.id) {
            continue;
        }
        let found = text_of(text, &entry.id);
        assert_eq!(found.as_ref().ok(), Some(&Some(entry.description.clone())), "{text:?}\n{found:?}");
    }
});
