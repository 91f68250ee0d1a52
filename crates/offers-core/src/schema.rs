//! The JSON Schema of the bundle, formats 1 and 2, generated from the serde types (committed as
//! `public/offers.schema.json`). Format 2 (`crate::columns`) holds the same offers in columns:
//! its columns are described as lists of values (or dictionaries of them), each value an offer's
//! field as format 1 has it.

use serde_json::json;

use crate::Bundle;

/// The schema as pretty-printed JSON, ending with a newline.
pub fn bundle_schema_json() -> String {
    let mut schema = schemars::schema_for!(Bundle);
    schema.insert(
        "$id".into(),
        "https://offres.numerique.gouv.fr/offers.schema.json".into(),
    );
    schema.insert(
        "title".into(),
        "Lot d'offres d'emploi (formats 1 et 2)".into(),
    );
    let object = schema
        .as_object_mut()
        .expect("a bundle's schema is an object");
    let properties = object["properties"]
        .as_object_mut()
        .expect("a bundle has properties");
    properties["format_version"]["enum"] = json!([1, 2]);
    properties.insert(
        "offer_columns".into(),
        json!({
            "description": "Format 2 only: the offers in columns, in blocks. Each block is an \
                object whose members are the offers' fields, each a list of values, the block's \
                n-th offer's n-th, or a dictionary: each value once (`values`), then each offer's \
                value as its position in `values` (`codes`); `null`, or a list too short, leaves \
                that offer without the field.",
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": {
                    "oneOf": [
                        { "type": "array" },
                        {
                            "type": "object",
                            "properties": {
                                "values": { "type": "array" },
                                "codes": {
                                    "type": "array",
                                    "items": { "type": "integer", "minimum": 0 }
                                }
                            },
                            "required": ["values", "codes"],
                            "additionalProperties": false
                        }
                    ]
                }
            }
        }),
    );
    let required = object["required"]
        .as_array_mut()
        .expect("a bundle has required fields");
    required.retain(|field| field != "offers");
    object.insert(
        "oneOf".into(),
        json!([
            { "properties": { "format_version": { "const": 1 } }, "required": ["offers"] },
            {
                "properties": { "format_version": { "const": 2 } },
                "required": ["offer_columns"],
                "not": { "required": ["offers"] }
            }
        ]),
    );
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}
