//! The committed `public/offers.schema.json` must be what the types generate.
//! Regenerate with `UPDATE_SCHEMA=1 cargo test -p offers-core --test schema`.

use std::path::PathBuf;

#[test]
fn committed_schema_is_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/offers.schema.json");
    let generated = offers_core::schema::bundle_schema_json();
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "public/offers.schema.json is stale: run UPDATE_SCHEMA=1 cargo test -p offers-core --test schema"
    );
}

#[test]
fn schema_describes_the_bundle_fields() {
    let schema: serde_json::Value =
        serde_json::from_str(&offers_core::schema::bundle_schema_json()).unwrap();
    let required = schema["required"].as_array().unwrap();
    for field in ["format_version", "generated_at", "page", "families"] {
        assert!(required.iter().any(|r| r == field), "{field} not required");
    }
    // The offers: in `offers` (format 1) or in `offer_columns` (format 2), not both.
    let formats = schema["oneOf"].as_array().unwrap();
    for (format, field) in [(1, "offers"), (2, "offer_columns")] {
        let of = formats
            .iter()
            .find(|f| f["properties"]["format_version"]["const"] == format)
            .unwrap();
        assert_eq!(of["required"], serde_json::json!([field]));
        assert!(schema["properties"].get(field).is_some());
    }
    let offer = &schema["$defs"]["Offer"]["properties"];
    for field in [
        "id",
        "title",
        "family",
        "grade",
        "locations",
        "remote",
        "contract",
        "duration",
        "start",
        "published_on",
        "closes_on",
        "status",
        "employer",
        "section",
        "url",
        "reference",
        "apply",
        "salary",
        "positions",
        "tags",
        "description",
    ] {
        assert!(
            offer.get(field).is_some(),
            "Offer.{field} missing from the schema"
        );
    }
}
