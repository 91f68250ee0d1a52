//! `offers build`: content directory → checked bundle (and nothing when it has errors).

use std::path::Path;

use offers_core::{check_bundle, parse_bundle, Date, Severity};

use crate::content::{build_dir, Built, Located};
use crate::report::{write, CliError, Outcome};

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
            .map_or((dir.join(crate::content::BUNDLE_FILE), 1), |o| {
                (o.file.clone(), o.line)
            });
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

pub fn run(
    dir: &Path,
    output: &Path,
    generated_at: Option<String>,
    today: Date,
    pretty: bool,
) -> Result<Outcome, CliError> {
    let (built, json, findings) = build_checked(dir, generated_at, today, pretty)?;
    if crate::report::print_located(dir, &findings) == Outcome::Invalid {
        eprintln!("{} : rien n'a été écrit", output.display());
        return Ok(Outcome::Invalid);
    }
    write(output, &json)?;
    let site = built
        .base_url
        .as_ref()
        .map_or_else(|| "urn:offres:".to_string(), ToString::to_string);
    let beside = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    write(
        &beside.join("feed.atom"),
        crate::feeds::atom(&built.bundle, &site, today),
    )?;
    write(
        &beside.join("feed.json"),
        crate::feeds::json_feed(&built.bundle, &site, today),
    )?;
    let offers = built.bundle.offers.len();
    println!("{} : {offers} offre(s) écrites", output.display());
    Ok(Outcome::Ok)
}
