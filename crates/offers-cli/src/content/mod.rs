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
    check_bundle, Bundle, Callout, Date, Family, Finding, Link, Page, Section, SectionText,
    Severity, FORMAT_VERSION,
};
use serde_norway::Mapping;

pub use fields::{known_keys, Defaults, FILLED_MARKER};

pub use front_matter::split_front_matter;
pub use values::{
    contract_kind, grade_level, location, reference_in_url, salary, salary_in_text, slugify,
};

use crate::dates::parse_date;
use crate::io::{files_under, read, CliError};
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

/// `_bundle.yml`, as `build` reads it and the importers write it.
#[derive(serde::Deserialize, serde::Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct BundleFile {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<String>,
    pub page: PageFile,
    pub families: Vec<Family>,
    #[serde(default, skip_serializing_if = "DefaultsFile::is_empty")]
    pub defaults: DefaultsFile,
    /// Offers written in `_bundle.yml` itself (a link and a few facts), front matter keys.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offers: Vec<Mapping>,
}

#[derive(serde::Deserialize, serde::Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DefaultsFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
}

impl DefaultsFile {
    fn is_empty(&self) -> bool {
        self.employer.is_none() && self.family.is_none()
    }
}

#[derive(serde::Deserialize, serde::Serialize, Default)]
#[serde(deny_unknown_fields)]
pub struct PageFile {
    pub title: String,
    /// Markdown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub intro: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionFile>,
}

#[derive(serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct SectionFile {
    pub section: Section,
    pub heading: String,
    /// Markdown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub intro: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub callouts: Vec<CalloutFile>,
}

#[derive(serde::Deserialize, serde::Serialize)]
#[serde(deny_unknown_fields)]
pub struct CalloutFile {
    pub title: String,
    /// Markdown.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub body: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
}

/// An offer file's front matter as the importers write it: the content format's own key for each
/// field (the first of its keys in `fields`).
#[derive(serde::Serialize, Debug, Clone, PartialEq, Default)]
pub struct OfferFront {
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub family: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub employer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub section: Option<Section>,
    /// `open`, `filled`, `closed`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// "Saint-Jacques-de-la-Lande (35)": a list, so that a comma in a name splits nothing.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remote: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contract: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closes_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub apply_email: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub salary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub positions: Option<u32>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
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
    let markdown: Vec<PathBuf> = files_under(dir)?
        .into_iter()
        .filter(|path| {
            path.extension()
                .is_some_and(|e| e == "md" || e == "markdown")
        })
        .collect();
    // The files are read and mapped on every core: a content folder of 50 000 offers is mostly
    // YAML and markdown to parse.
    let results = crate::io::on_every_core(&markdown, |p| offer_of_file(p, &defaults))?;
    for (offer, file_findings) in results {
        findings.extend(file_findings);
        if let Some((offer, origin)) = offer {
            offers.push(offer);
            origins.push(origin);
        }
    }
    let bundle = Bundle {
        format_version: FORMAT_VERSION,
        generated_at: file
            .generated_at
            .unwrap_or_else(|| generated_at.to_string()),
        page,
        families: file.families,
        text_files: Vec::new(),
        offers,
    };
    Ok(Built {
        bundle,
        base_url,
        origins,
        findings,
    })
}

/// One offer file read: the offer and where it starts, if it could be made, and what was found.
type FileOffer = (Option<(offers_core::Offer, Origin)>, Vec<Located>);

/// Reads one offer file (front matter and markdown body).
fn offer_of_file(path: &Path, defaults: &Defaults) -> Result<FileOffer, CliError> {
    let mut findings = Vec::new();
    let text = read(path)?;
    let Some((fm, first_key_line, body, stray)) = split_front_matter(&text) else {
        findings.push(Located {
            error: true,
            file: path.to_owned(),
            line: 1,
            message: "pas d'en-tête YAML (--- … ---)".into(),
        });
        return Ok((None, findings));
    };
    if let Some(line) = stray {
        findings.push(Located {
            error: false,
            file: path.to_owned(),
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
                file: path.to_owned(),
                line,
                message: format!("en-tête YAML illisible : {e}"),
            });
            return Ok((None, findings));
        }
    };
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("offre");
    let fallback = post_slug(stem);
    let mut ctx = Ctx {
        file: path,
        text: &text,
        first_line: first_key_line - 1,
        findings: &mut findings,
    };
    let offer = map_offer(&mapping, Some(body), fallback, defaults, &mut ctx).map(|offer| {
        (
            offer,
            Origin {
                file: path.to_owned(),
                line: first_key_line,
            },
        )
    });
    Ok((offer, findings))
}

/// Findings on what was built from `dir`, located in its sources: the offer's file and first line
/// (or `_bundle.yml`), the offer named before the message.
pub fn locate(dir: &Path, built: &Built, findings: Vec<Finding>) -> Vec<Located> {
    // Offers by id, once: a finding per offer (every closing date past, in a large export) must
    // not look for its offer among all of them (50 000 findings × 50 000 offers took 9 s).
    let position: std::collections::HashMap<&str, usize> = built
        .bundle
        .offers
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id.as_str(), i))
        .collect();
    findings
        .into_iter()
        .map(|f| {
            let index = f.index.or_else(|| {
                f.offer_id
                    .as_deref()
                    .and_then(|id| position.get(id).copied())
            });
            let (file, line) = index
                .and_then(|i| built.origins.get(i))
                .map_or((dir.join(BUNDLE_FILE), 1), |o| (o.file.clone(), o.line));
            let who = f
                .offer_id
                .map(|id| format!("offre « {id} » : "))
                .unwrap_or_default();
            Located {
                error: f.severity == Severity::Error,
                file,
                line,
                message: format!("{who}{}", f.message),
            }
        })
        .collect()
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

/// Builds and checks; returns what was built and every finding, located.
pub fn build_checked(
    dir: &Path,
    generated_at: Option<String>,
    today: Date,
) -> Result<(Built, Vec<Located>), CliError> {
    let generated_at = generated_at.unwrap_or_else(now_rfc3339);
    let mut built = build_dir(dir, &generated_at)?;
    let mut findings = std::mem::take(&mut built.findings);
    // The same checks as `offers validate`, on what was built, located in the sources. The
    // bundle goes through them and comes back the same (no copy of 100 000 offers), unless an
    // offer was skipped: an error, so nothing is written, and the bundle is built again, whole,
    // to locate every finding in its file.
    let loaded = offers_core::parse::load_bundle(std::mem::take(&mut built.bundle));
    let checked = check_bundle(&loaded, today);
    built.bundle = if loaded.skipped.is_empty() {
        loaded.bundle
    } else {
        build_dir(dir, &generated_at)?.bundle
    };
    findings.extend(locate(dir, &built, checked));
    Ok((built, findings))
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

    #[test]
    fn importers_write_each_field_under_its_own_key() {
        let front = super::OfferFront {
            family: Some(String::new()),
            employer: Some(String::new()),
            section: Some(offers_core::Section::Own),
            status: Some(String::new()),
            grade: Some(String::new()),
            locations: vec![String::new()],
            remote: Some(String::new()),
            contract: Some(String::new()),
            duration: Some(String::new()),
            published_on: Some(String::new()),
            closes_on: Some(String::new()),
            url: Some(String::new()),
            reference: Some(String::new()),
            apply_email: Some(String::new()),
            salary: Some(String::new()),
            positions: Some(1),
            tags: vec![String::new()],
            ..super::OfferFront::default()
        };
        let yaml: serde_norway::Mapping =
            serde_norway::from_str(&serde_norway::to_string(&front).unwrap()).unwrap();
        assert_eq!(yaml.len(), 19);
        for key in yaml.keys() {
            let key = key.as_str().unwrap();
            assert!(super::fields::own_keys().any(|own| own == key), "{key}");
        }
    }
}
