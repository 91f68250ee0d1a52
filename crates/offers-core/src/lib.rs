//! The offer board's domain, shared by the app (wasm) and the CLI (native).
//!
//! Knows nothing of the browser or the file system: it turns bundle text into typed offers
//! ([`parse_bundle`]), says what is wrong with them ([`validate`]) and formats what the views show.

pub mod columns;
pub mod date;
pub mod document;
pub mod fold;
pub mod group;
pub mod json;
pub mod lines;
pub mod model;
pub mod parse;
pub mod percent;
pub mod query;
pub mod read;
pub mod saved;
pub mod search;
pub mod texts;
pub mod validate;

#[cfg(feature = "schema")]
pub mod schema;

pub use date::Date;
pub use document::{Block, Document, Inline};
pub use group::IndexGroup;
pub use lines::parse_bundle;
pub use model::*;
pub use parse::{LoadedBundle, ParseError, SkippedOffer};
pub use search::{is_new, Facet, FacetOption, Query, Results, SearchIndex, Sort, PAY_STATED};
pub use validate::{check_bundle, is_safe_url, is_web_url, Finding, Problem, Severity};
