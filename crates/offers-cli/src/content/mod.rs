//! A content directory → a bundle.
//!
//! Layout: `_bundle.yml` (page texts, families in order, defaults, link-only offers) and one
//! markdown file per offer with YAML front matter, anywhere below the directory (sorted by path).
//! The mapping of front-matter keys is documented in `docs/content-format.md`.
//!
//! - `front_matter`: a markdown file → its front matter and body;
//! - `fields`: front matter → an offer (the keys of each field, and their messages);
//! - `values`: one value as pages write it (grade, place, contract, salary…), shared with the
//!   importers;
//! - here: the directory walk, `_bundle.yml`, and [`build_checked`], what `build`, `validate` and
//!   `import` run.

mod fields;
mod front_matter;
mod values;

use std::path::{Path, PathBuf};

use offers_core::{
    check_bundle, parse_bundle, Bundle, Callout, Date, Family, Link, Page, Section, SectionText,
    Severity, FORMAT_VERSION,
};
use serde_norway::Mapping;

pub use fields::{known_keys, Defaults, FILLED_MARKER};
pub use front_matter::split_front_matter;
pub use values::{contract_kind, grade_level, location, reference_in_url, salary, slugify};

use crate::dates::parse_date;
use crate::io::{read, CliError};
use crate::markdown::{read_markdown, too_deep_message};
use crate::report::Located;
use fields::{map_offer, text, Ctx};

/// Where each offer of a built bundle came from (for validation messages).
#[derive(Debug, Clone)]
pub struct Origin {
    pub file: PathBuf,
    pub line: usize,
}

pub struct Built {
    pub bundle: Bundle,
    /// The content's `base_url`: the board's address, for the feeds.
    pub base_url: Option<url::Url>,
    pub origins: Vec<Origin>,
    pub findings: Vec<Located>,
}

pub const BUNDLE_FILE: &str = "_bundle.yml";

/// A file name's id: Jekyll posts drop their date ("2021-06-15-transverse-dev" → "transverse-dev").
/// Byte offsets are checked (`get`): a name cut inside a character ("2021-06-0é-x") is kept whole.
fn post_slug(stem: &str) -> &str {
    match (stem.get(..10), stem.get(11..)) {
        (Some(date), Some(rest)) if stem[10..].starts_with('-') && parse_date(date).is_some() => {
            rest
        }
        _ => stem,
    }
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct BundleFile {
    #[serde(default)]
    base_url: Option<String>,
    #[serde(default)]
    generated_at: Option<String>,
    page: PageFile,
    families: Vec<Family>,
    #[serde(default)]
    defaults: DefaultsFile,
    #[serde(default)]
    offers: Vec<Mapping>,
}

#[derive(serde::Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct DefaultsFile {
    employer: Option<String>,
    family: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct PageFile {
    title: String,
    #[serde(default)]
    intro: String,
    #[serde(default)]
    sections: Vec<SectionFile>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SectionFile {
    section: Section,
    heading: String,
    #[serde(default)]
    intro: String,
    #[serde(default)]
    callouts: Vec<CalloutFile>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct CalloutFile {
    title: String,
    #[serde(default)]
    body: String,
    link: Option<Link>,
}

/// Reads a content directory. `Err` only for what stops the build (unreadable directory or
/// `_bundle.yml`); every problem with an offer is a finding, and that offer is left out.
pub fn build_dir(dir: &Path, generated_at: &str) -> Result<Built, CliError> {
    let bundle_path = dir.join(BUNDLE_FILE);
    let bundle_text = read(&bundle_path)?;
    let file: BundleFile = serde_norway::from_str(&bundle_text).map_err(|e| {
        let line = e.location().map_or(1, |l| l.line());
        CliError::Invalid(format!("{}:{line} : {e}", bundle_path.display()))
    })?;
    let base_url = match &file.base_url {
        Some(u) => Some(url::Url::parse(u).map_err(|e| {
            CliError::Invalid(format!(
                "{} : base_url « {u} » : {e}",
                bundle_path.display()
            ))
        })?),
        None => None,
    };
    // Keys of `_bundle.yml` whose text is nested too deep.
    let too_deep = std::cell::RefCell::new(Vec::new());
    let md = |key: &'static str, text: &str| {
        let (doc, deep) = read_markdown(text, base_url.as_ref());
        if deep {
            too_deep.borrow_mut().push(key);
        }
        doc
    };
    let page = Page {
        title: file.page.title.clone(),
        intro: md("intro", &file.page.intro),
        sections: file
            .page
            .sections
            .iter()
            .map(|s| SectionText {
                section: s.section,
                heading: s.heading.clone(),
                intro: md("intro", &s.intro),
                callouts: s
                    .callouts
                    .iter()
                    .map(|c| Callout {
                        title: c.title.clone(),
                        body: md("body", &c.body),
                        link: c.link.clone(),
                    })
                    .collect(),
            })
            .collect(),
    };
    let defaults = Defaults {
        employer: file.defaults.employer.clone(),
        family: file.defaults.family.clone(),
        base_url: base_url.clone(),
        families: file.families.clone(),
    };
    let mut findings = Vec::new();
    for key in too_deep.into_inner() {
        Ctx {
            file: &bundle_path,
            text: &bundle_text,
            first_line: 0,
            findings: &mut findings,
        }
        .error(key, too_deep_message());
    }
    let mut offers = Vec::new();
    let mut origins = Vec::new();
    for (n, entry) in file.offers.iter().enumerate() {
        let fallback = format!("offre-{}", n + 1);
        let id_key = entry.get("id").and_then(text).unwrap_or_default();
        let first_line = bundle_text
            .lines()
            .position(|l| {
                l.trim_start().trim_start_matches("- ").starts_with("id:") && l.contains(&id_key)
            })
            .unwrap_or(0);
        let mut ctx = Ctx {
            file: &bundle_path,
            text: &bundle_text,
            first_line,
            findings: &mut findings,
        };
        if let Some(offer) = map_offer(entry, None, &fallback, &defaults, &mut ctx) {
            offers.push(offer);
            origins.push(Origin {
                file: bundle_path.clone(),
                line: first_line + 1,
            });
        }
    }
    let mut files = Vec::new();
    collect_markdown(dir, &mut files).map_err(|source| CliError::Read {
        path: dir.to_owned(),
        source,
    })?;
    files.sort();
    for path in files {
        let text = read(&path)?;
        let Some((fm, first_key_line, body, stray)) = split_front_matter(&text) else {
            findings.push(Located {
                error: true,
                file: path.clone(),
                line: 1,
                message: "pas d'en-tête YAML (--- … ---)".into(),
            });
            continue;
        };
        if let Some(line) = stray {
            findings.push(Located {
                error: false,
                file: path.clone(),
                line,
                message: "texte avant l'en-tête YAML, ignoré".into(),
            });
        }
        let mapping: Mapping = match serde_norway::from_str::<Option<Mapping>>(fm) {
            Ok(m) => m.unwrap_or_default(),
            Err(e) => {
                let line = first_key_line + e.location().map_or(0, |l| l.line().saturating_sub(1));
                findings.push(Located {
                    error: true,
                    file: path.clone(),
                    line,
                    message: format!("en-tête YAML illisible : {e}"),
                });
                continue;
            }
        };
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("offre");
        let fallback = post_slug(stem);
        let mut ctx = Ctx {
            file: &path,
            text: &text,
            first_line: first_key_line - 1,
            findings: &mut findings,
        };
        if let Some(offer) = map_offer(&mapping, Some(body), fallback, &defaults, &mut ctx) {
            offers.push(offer);
            origins.push(Origin {
                file: path.clone(),
                line: first_key_line,
            });
        }
    }
    let bundle = Bundle {
        format_version: FORMAT_VERSION,
        generated_at: file
            .generated_at
            .unwrap_or_else(|| generated_at.to_string()),
        page,
        families: file.families,
        offers,
    };
    Ok(Built {
        bundle,
        base_url,
        origins,
        findings,
    })
}

fn collect_markdown(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_markdown(&path, out)?;
        } else if path
            .extension()
            .is_some_and(|e| e == "md" || e == "markdown")
        {
            out.push(path);
        }
    }
    Ok(())
}

/// RFC 3339 time of `SOURCE_DATE_EPOCH` (reproducible builds) or of now.
pub fn now_rfc3339() -> String {
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    let date = Date::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0))
        .unwrap_or(Date::new(1970, 1, 1).expect("a date"));
    let s = secs % 86_400;
    format!("{date}T{:02}:{:02}:{:02}Z", s / 3600, s / 60 % 60, s % 60)
}

/// Builds and checks; returns what was built, the bundle's JSON and every finding, located.
pub fn build_checked(
    dir: &Path,
    generated_at: Option<String>,
    today: Date,
    pretty: bool,
) -> Result<(Built, String, Vec<Located>), CliError> {
    let mut built = build_dir(dir, &generated_at.unwrap_or_else(now_rfc3339))?;
    let mut json = if pretty {
        serde_json::to_string_pretty(&built.bundle)
    } else {
        serde_json::to_string(&built.bundle)
    }
    .expect("a bundle serializes");
    json.push('\n');
    let mut findings = std::mem::take(&mut built.findings);
    // The same checks as `offers validate`, on what was built, located in the sources.
    let loaded = parse_bundle(&json)
        .map_err(|e| CliError::Invalid(format!("lot produit illisible : {e}")))?;
    for f in check_bundle(&loaded, today) {
        let index = f.index.or_else(|| {
            f.offer_id
                .as_ref()
                .and_then(|id| built.bundle.offers.iter().position(|o| &o.id == id))
        });
        let (file, line) = index
            .and_then(|i| built.origins.get(i))
            .map_or((dir.join(BUNDLE_FILE), 1), |o| (o.file.clone(), o.line));
        let who = f
            .offer_id
            .map(|id| format!("offre « {id} » : "))
            .unwrap_or_default();
        findings.push(Located {
            error: f.severity == Severity::Error,
            file,
            line,
            message: format!("{who}{}", f.message),
        });
    }
    Ok((built, json, findings))
}

#[cfg(test)]
mod tests {
    use super::post_slug;

    #[test]
    fn post_dates_leave_the_id_and_a_cut_character_aborts_nothing() {
        assert_eq!(post_slug("2021-06-15-transverse-dev"), "transverse-dev");
        assert_eq!(post_slug("transverse-dev"), "transverse-dev");
        assert_eq!(post_slug("2021-06-0é-x"), "2021-06-0é-x");
        assert_eq!(post_slug("2021-06-15é"), "2021-06-15é");
        assert_eq!(post_slug("2021-06-1"), "2021-06-1");
    }
}
