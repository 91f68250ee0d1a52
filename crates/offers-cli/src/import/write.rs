//! Writing a content directory: `_bundle.yml` and one markdown file per offer, named
//! `NNNN-id.md` so that sorted file names keep the source's order.

use std::path::{Path, PathBuf};

use crate::content::{slugify, BundleFile, OfferFront, BUNDLE_FILE};
use crate::io::{create_dir, write, CliError};

/// Escapes text so that markdown reads it back as the same plain text.
pub fn markdown_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '<' | '[' | ']' | '`' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Writes `dir/_bundle.yml`.
pub fn bundle_file(dir: &Path, bundle: &BundleFile) -> Result<(), CliError> {
    create_dir(dir)?;
    let yaml = serde_norway::to_string(bundle).expect("YAML serializes");
    write(
        &dir.join(BUNDLE_FILE),
        format!("# Written by `offers import`; edit freely.\n{yaml}"),
    )
}

/// Makes `dir/offers`, the folder of [`offer_file`], and returns its path.
pub fn offers_folder(dir: &Path) -> Result<PathBuf, CliError> {
    let offers = dir.join("offers");
    create_dir(&offers)?;
    Ok(offers)
}

/// Writes one offer file `offers/NNNN-id.md` (`offers` from [`offers_folder`]) with its front
/// matter and markdown body.
pub fn offer_file(
    offers: &Path,
    position: usize,
    front: &OfferFront,
    body: &str,
) -> Result<(), CliError> {
    let yaml = serde_norway::to_string(front).expect("YAML serializes");
    let name = format!("{:04}-{}.md", position + 1, slugify(&front.id));
    write(&offers.join(name), format!("---\n{yaml}---\n{body}"))
}
