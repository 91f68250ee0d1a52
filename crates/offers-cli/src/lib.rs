//! The `offers` command's library: content directories, imports, feeds, synthetic data.
//! The binary (`main.rs`) only parses arguments and maps outcomes to exit codes.

pub mod build;
pub mod content;
pub mod dates;
pub mod document;
pub mod feeds;
pub mod import;
pub mod report;
pub mod site_check;
pub mod synth;
