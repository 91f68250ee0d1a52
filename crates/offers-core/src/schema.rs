//! The JSON Schema of bundle format v1, generated from the serde types
//! (committed as `public/offers.schema.json`).

use crate::Bundle;

/// The schema as pretty-printed JSON, ending with a newline.
pub fn bundle_schema_json() -> String {
    let mut schema = schemars::schema_for!(Bundle);
    schema.insert(
        "$id".into(),
        "https://offres.numerique.gouv.fr/offers.schema.json".into(),
    );
    schema.insert("title".into(), "Lot d'offres d'emploi (format 1)".into());
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}
