//! The `offers` command's library. Its floors, each using only those below it:
//! - `io` (errors, files, today, work on every core) and `report` (printing findings);
//! - `dates`, `markdown` (markdown and HTML → a document);
//! - `content` (a content directory → a checked bundle);
//! - the commands: `build` (with `feeds`), `validate`, `import`, `synth`, `site` (with the app's
//!   components, `offres::render`), `site_check`, `serve`;
//! - the binary (`main.rs`), which only parses arguments and maps outcomes to exit codes.

pub mod build;
pub mod content;
pub mod dates;
pub mod feeds;
pub mod import;
pub mod io;
pub mod markdown;
pub mod report;
pub mod serve;
pub mod site;
pub mod site_check;
pub mod synth;
pub mod validate;
