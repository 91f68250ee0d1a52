//! Any text: the app's reader of a bundle as its bytes arrive (`lines::BundleReader`, fed in
//! chunks that may cut a character, reading a few lines at a time) gives what reading it whole
//! (`parse_bundle`, what `offers validate` does) gives: the same bundle and skipped offers, or an
//! error of the same kind.
#![no_main]

use libfuzzer_sys::fuzz_target;
use offers_core::lines::BundleReader;
use offers_core::parse_bundle;

// The first two bytes are the chunks' size and the lines read at a time, the rest the text (up
// to its first byte that is not UTF-8).
fuzz_target!(|input: (u8, u8, &str)| {
    let (chunk, lines, text) = input;
    let (chunk, lines) = (usize::from(chunk).max(1), usize::from(lines % 4) + 1);
    let sliced = (|| {
        let mut reader = BundleReader::new();
        for part in text.as_bytes().chunks(chunk) {
            reader.feed(part);
            let mut left = lines;
            reader.read(|| {
                left -= 1;
                left > 0
            })?;
        }
        reader.finish()
    })();
    match (parse_bundle(text), sliced) {
        (Ok(whole), Ok(sliced)) => assert_eq!(whole, sliced, "{text:?}"),
        (Err(whole), Err(sliced)) => assert_eq!(
            std::mem::discriminant(&whole),
            std::mem::discriminant(&sliced),
            "{text:?}\nwhole: {whole:?}\nsliced: {sliced:?}"
        ),
        (whole, sliced) => panic!("{text:?}\nwhole: {whole:?}\nsliced: {sliced:?}"),
    }
});
