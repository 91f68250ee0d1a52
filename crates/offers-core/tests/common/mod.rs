//! What the tests of offers-core share: the committed default bundle (the seed pages' offers).

use offers_core::{parse_bundle, Bundle};

/// The committed default bundle's text.
pub fn committed() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/offers.json"
    ))
    .unwrap()
}

/// The committed default bundle, read.
pub fn default_bundle() -> Bundle {
    parse_bundle(&committed()).unwrap().bundle
}
