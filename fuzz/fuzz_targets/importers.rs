//! Any text, given to what reads content ministries already have (`offers import` and `offers
//! build`): markdown with its front matter, a legacy "Rejoignez-nous" page, a CSV export, the
//! TalentSoft JSON export. None may abort (a panic, a stack overflow): a bad input gets an error
//! or a partial reading. The first byte chooses the reader.
#![no_main]

use libfuzzer_sys::fuzz_target;
use offers_cli::content::split_front_matter;
use offers_cli::import::{csv_export, json_export, legacy};
use offers_cli::markdown::markdown_to_document;

fuzz_target!(|input: (u8, &str)| {
    let (which, text) = input;
    match which % 4 {
        0 => {
            let _ = split_front_matter(text);
            let _ = markdown_to_document(text, None);
        }
        1 => drop(legacy::read_page(text)),
        2 => drop(csv_export::read_export(text)),
        _ => drop(json_export::read_export(text)),
    }
});
