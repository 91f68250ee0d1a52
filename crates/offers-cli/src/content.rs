//! A content directory → a bundle.
//!
//! Layout: `_bundle.yml` (page texts, families in order, defaults, link-only offers) and one
//! markdown file per offer with YAML front matter, anywhere below the directory (sorted by path).
//! The mapping of front-matter keys is documented in `docs/content-format.md`.

use std::path::{Path, PathBuf};

use offers_core::{
    Apply, Bundle, Callout, Contract, ContractKind, Date, Family, Grade, GradeLevel, Link,
    Location, Offer, Page, Remote, RemoteMode, Salary, SalaryPeriod, Section, SectionText, Start,
    Status, FORMAT_VERSION,
};
use serde_norway::{Mapping, Value};

use crate::dates::{parse_date, parse_start};
use crate::document::{read_markdown, too_deep_message};

/// A finding located in a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located {
    pub error: bool,
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for Located {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let level = if self.error {
            "erreur"
        } else {
            "avertissement"
        };
        write!(
            f,
            "{}:{} : {level} : {}",
            self.file.display(),
            self.line,
            self.message
        )
    }
}

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

/// Keys read from front matter (and from `offers:` entries of `_bundle.yml`).
pub const KNOWN: &[&str] = &[
    "id",
    "slug",
    "title",
    "titles",
    "roles",
    "role",
    "family",
    "famille",
    "domaines",
    "domaine",
    "employer",
    "employeur",
    "equipe",
    "friend",
    "startup",
    "section",
    "type",
    "status",
    "open",
    "poste_pourvu",
    "pourvu",
    "grade",
    "categorie",
    "catégorie",
    "location",
    "locations",
    "lieu",
    "localisation",
    "remote",
    "teletravail",
    "télétravail",
    "contract",
    "contrat",
    "duration",
    "length",
    "duree",
    "durée",
    "start",
    "start_date",
    "debut",
    "date",
    "published_date",
    "published_on",
    "post_ouvert",
    "poste_ouvert",
    "closes_on",
    "closing_date",
    "poste_ferme",
    "depublication_date",
    "url",
    "externalUrl",
    "externalURL",
    "reference",
    "référence",
    "contact",
    "contacts",
    "apply_email",
    "email",
    "subject",
    "apply_subject",
    "apply_url",
    "salary",
    "salaire",
    "positions",
    "postes",
    "tags",
    "techno",
    "junior",
    "description",
];

/// Keys of site generators that say nothing about the offer: ignored without a warning.
const IGNORED: &[&str] = &[
    "layout",
    "permalink",
    "image",
    "author",
    "twitter",
    "showBreadcrumb",
    "airtable_formulaire",
    "une-ou-diaporama",
    "date_de_modification",
    "style",
];

struct Ctx<'a> {
    file: &'a Path,
    text: &'a str,
    /// Line of the front matter's first key, minus one.
    first_line: usize,
    findings: &'a mut Vec<Located>,
}

impl Ctx<'_> {
    /// The line of `key:` in the front matter (or of the offer entry), 1-based.
    fn line_of(&self, key: &str) -> usize {
        self.text
            .lines()
            .enumerate()
            .skip(self.first_line)
            .find(|(_, l)| {
                let l = l.trim_start().trim_start_matches("- ");
                l.starts_with(key) && l[key.len()..].trim_start().starts_with(':')
            })
            .map_or(self.first_line + 1, |(i, _)| i + 1)
    }
    fn report(&mut self, error: bool, key: &str, message: String) {
        let line = self.line_of(key);
        self.findings.push(Located {
            error,
            file: self.file.to_owned(),
            line,
            message,
        });
    }
    fn warn(&mut self, key: &str, message: String) {
        self.report(false, key, message);
    }
    fn error(&mut self, key: &str, message: String) {
        self.report(true, key, message);
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Sequence(items) => {
            let parts: Vec<String> = items.iter().filter_map(text).collect();
            (!parts.is_empty()).then(|| parts.join(", "))
        }
        _ => None,
    }
}

fn list(v: &Value) -> Vec<String> {
    match v {
        Value::Sequence(items) => items.iter().filter_map(text).collect(),
        other => text(other)
            .map(|s| {
                s.split(',')
                    .map(|p| p.trim().to_string())
                    .filter(|p| !p.is_empty())
                    .collect()
            })
            .unwrap_or_default(),
    }
}

fn flag(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::String(s) => match s.trim().to_lowercase().as_str() {
            "true" | "oui" | "yes" | "1" => Some(true),
            "false" | "non" | "no" | "0" => Some(false),
            _ => None,
        },
        _ => None,
    }
}

/// The first of `keys` present in `fm`, with its key.
fn first<'v>(fm: &'v Mapping, keys: &[&'static str]) -> Option<(&'static str, &'v Value)> {
    keys.iter()
        .find_map(|k| fm.get(*k).filter(|v| !v.is_null()).map(|v| (*k, v)))
}

/// "Cadre supérieur/Catégorie A+" → A+.
pub fn grade_level(label: &str) -> Option<GradeLevel> {
    let upper = label.to_uppercase();
    let after = upper
        .rsplit("CATÉGORIE")
        .next()
        .unwrap_or(&upper)
        .trim_start();
    let token: String = after
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != ',' && *c != '/')
        .collect();
    match token.as_str() {
        "A+" => Some(GradeLevel::APlus),
        "A" => Some(GradeLevel::A),
        "B" => Some(GradeLevel::B),
        "C" => Some(GradeLevel::C),
        _ => None,
    }
}

/// "Saint-Jacques-de-la-Lande (35)" → city and department.
pub fn location(text: &str) -> Location {
    let t = text.trim();
    if let Some(open) = t.rfind('(') {
        let inner = t[open + 1..].trim_end_matches(')').trim();
        let is_dept = (2..=3).contains(&inner.len())
            && inner
                .chars()
                .all(|c| c.is_ascii_digit() || c == 'A' || c == 'B');
        if is_dept && t.ends_with(')') {
            return Location {
                city: t[..open].trim().to_string(),
                department: Some(inner.to_string()),
            };
        }
    }
    Location {
        city: t.to_string(),
        department: None,
    }
}

pub fn contract_kind(text: &str) -> ContractKind {
    let t = text.to_lowercase();
    if t.contains("titulaire") && t.contains("contractuel") {
        ContractKind::TitulaireOuContractuel
    } else if t.contains("cdd") || t.contains("durée déterminée") {
        ContractKind::Cdd
    } else if t.contains("cdi") || t.contains("durée indéterminée") {
        ContractKind::Cdi
    } else if t.contains("apprenti") || t.contains("alternance") {
        ContractKind::Apprentissage
    } else if t.contains("stage") {
        ContractKind::Stage
    } else if t.contains("titulaire") || t.contains("fonctionnaire") {
        ContractKind::Titulaire
    } else if t.contains("contractuel") {
        ContractKind::Contractuel
    } else {
        ContractKind::Autre
    }
}

/// Lowercase ASCII slug: "Données / Datascience" → "donnees-datascience". Case and accents are
/// folded as search folds them (`offers_core::fold`); anything still not ASCII separates words.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in offers_core::fold::fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    trimmed
        .chars()
        .take(120)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

pub const FILLED_MARKER: &str = "[OFFRE POURVUE]";

/// Settings of `_bundle.yml` that offers use.
pub struct Defaults {
    pub employer: Option<String>,
    pub family: Option<String>,
    pub base_url: Option<url::Url>,
    /// Maps a family label, slug or beta.gouv domain to a family id.
    pub families: Vec<Family>,
}

impl Defaults {
    fn family_id(&self, raw: &str) -> Option<String> {
        let slug = slugify(raw);
        self.families
            .iter()
            .find(|f| f.id == raw || f.id == slug || slugify(&f.label) == slug)
            .map(|f| f.id.clone())
    }
}

/// Maps one offer's front matter (and markdown body) to an [`Offer`]. Problems are reported in
/// `ctx`; `None` when a required field cannot be found.
fn map_offer(
    fm: &Mapping,
    body: Option<&str>,
    fallback_id: &str,
    defaults: &Defaults,
    ctx: &mut Ctx,
) -> Option<Offer> {
    for key in fm.keys() {
        let Some(k) = key.as_str() else { continue };
        if !KNOWN.contains(&k) && !IGNORED.contains(&k) {
            ctx.warn(k, format!("clé « {k} » inconnue, ignorée"));
        }
    }
    let mut status = Status::Open;
    let mut title = first(fm, &["title", "titles", "roles", "role"]).and_then(|(_, v)| text(v));
    if let Some(t) = &title {
        if let Some(rest) = t.strip_prefix(FILLED_MARKER) {
            title = Some(rest.trim().to_string());
            status = Status::Filled;
        }
    }
    let Some(title) = title else {
        ctx.error(
            "title",
            "titre absent (clés lues : title, titles, roles, role)".into(),
        );
        return None;
    };
    // open / status / poste_pourvu may disagree: the most final one wins, and the disagreement is reported.
    let mut said: Vec<(&str, Status)> = Vec::new();
    if status == Status::Filled {
        said.push(("title", Status::Filled));
    }
    if let Some(v) = fm.get("status").and_then(text) {
        let s = match v.to_lowercase().as_str() {
            "open" | "ouvert" | "ouverte" => Some(Status::Open),
            "filled" | "pourvu" | "pourvue" => Some(Status::Filled),
            "closed" | "ferme" | "fermé" | "fermée" | "clos" | "close" | "clôturée" => {
                Some(Status::Closed)
            }
            _ => None,
        };
        match s {
            Some(s) => said.push(("status", s)),
            None => ctx.warn("status", format!("statut « {v} » inconnu, ignoré")),
        }
    }
    if let Some(open) = fm.get("open").and_then(flag) {
        said.push(("open", if open { Status::Open } else { Status::Closed }));
    }
    for key in ["poste_pourvu", "pourvu"] {
        if let Some(filled) = fm.get(key).and_then(flag) {
            if filled {
                said.push((key, Status::Filled));
            }
        }
    }
    let rank = |s: Status| match s {
        Status::Open => 0,
        Status::Closed => 1,
        Status::Filled => 2,
    };
    if let Some(&(_, winner)) = said.iter().max_by_key(|(_, s)| rank(*s)) {
        if said.iter().any(|(_, s)| *s != winner) {
            let list: Vec<String> = said.iter().map(|(k, s)| format!("{k}={s:?}")).collect();
            ctx.warn(
                said[0].0,
                format!(
                    "statuts contradictoires ({}) : {winner:?} retenu",
                    list.join(", ")
                ),
            );
        }
        status = winner;
    }

    let id_source = first(fm, &["id", "slug"]).and_then(|(_, v)| text(v));
    let id = slugify(id_source.as_deref().unwrap_or(fallback_id));
    if id.is_empty() {
        ctx.error("id", "identifiant vide".into());
        return None;
    }

    let family = match first(fm, &["family", "famille", "domaines", "domaine"]) {
        Some((key, v)) => {
            let raw = list(v).into_iter().next().unwrap_or_default();
            match defaults.family_id(&raw) {
                Some(id) => Some(id),
                None => {
                    ctx.error(
                        key,
                        format!("famille « {raw} » absente des familles de {BUNDLE_FILE}"),
                    );
                    return None;
                }
            }
        }
        None => defaults.family.clone(),
    };
    let Some(family) = family else {
        ctx.error(
            "title",
            format!("famille absente (clé family) et pas de famille par défaut : ajoutez `family:` à l'offre, ou `defaults.family` dans {BUNDLE_FILE}"),
        );
        return None;
    };

    let employer = first(
        fm,
        &["employer", "employeur", "equipe", "friend", "startup"],
    )
    .and_then(|(_, v)| text(v))
    .or_else(|| defaults.employer.clone());
    let Some(employer) = employer else {
        ctx.error(
            "title",
            format!("employeur absent (clés lues : employer, equipe, friend, startup) : ajoutez `employer:` à l'offre, ou `defaults.employer` dans {BUNDLE_FILE}"),
        );
        return None;
    };

    let section = match fm.get("section").and_then(text).as_deref() {
        Some("elsewhere" | "ailleurs" | "autres") => Section::Elsewhere,
        Some("own" | "propres") | None => {
            if fm.get("type").and_then(text).as_deref() == Some("friend") {
                Section::Elsewhere
            } else {
                Section::Own
            }
        }
        Some(other) => {
            ctx.warn(
                "section",
                format!("section « {other} » inconnue : own retenu"),
            );
            Section::Own
        }
    };

    let grade = first(fm, &["grade", "categorie", "catégorie"]).and_then(|(key, v)| {
        let label = text(v)?;
        match grade_level(&label) {
            Some(level) => Some(Grade { level, label }),
            None => {
                ctx.warn(key, format!("catégorie introuvable dans « {label} »"));
                None
            }
        }
    });

    let mut locations: Vec<Location> =
        first(fm, &["locations", "location", "lieu", "localisation"])
            .map(|(_, v)| list(v).iter().map(|l| location(l)).collect())
            .unwrap_or_default();
    let mut remote =
        first(fm, &["remote", "teletravail", "télétravail"]).and_then(|(_, v)| match v {
            Value::Bool(true) => Some(Remote {
                mode: RemoteMode::Partial,
                text: Some("télétravail possible".into()),
            }),
            Value::Bool(false) => Some(Remote {
                mode: RemoteMode::None,
                text: None,
            }),
            other => text(other).map(|t| {
                let lower = t.to_lowercase();
                let mode = if lower.contains("100")
                    || lower.contains("total")
                    || lower.contains("complet")
                {
                    RemoteMode::Full
                } else if lower.starts_with("non") || lower.contains("pas de") {
                    RemoteMode::None
                } else {
                    RemoteMode::Partial
                };
                Remote {
                    mode,
                    text: Some(t),
                }
            }),
        });
    // "Paris (télétravail possible)" written as the location.
    for loc in &mut locations {
        if let Some(idx) = loc.city.find("(télétravail") {
            let remote_text = loc.city[idx + 1..].trim_end_matches(')').to_string();
            loc.city = loc.city[..idx].trim().to_string();
            *loc = location(&loc.city);
            remote.get_or_insert(Remote {
                mode: RemoteMode::Partial,
                text: Some(remote_text),
            });
        }
    }

    let contract = first(fm, &["contract", "contrat", "type"])
        .and_then(|(_, v)| text(v))
        .filter(|t| t != "friend")
        .map(|t| {
            let kind = contract_kind(&t);
            let text = (kind == ContractKind::Autre || t.len() > 12).then_some(t);
            Contract { kind, text }
        });
    let duration = first(fm, &["duration", "length", "duree", "durée"]).and_then(|(_, v)| text(v));
    let start = first(fm, &["start_date", "start", "debut"])
        .and_then(|(_, v)| text(v))
        .map(|t| Start {
            date: parse_start(&t),
            text: Some(t),
        });
    let mut date_of = |keys: &[&'static str], what: &str| -> Option<Date> {
        let (key, v) = first(fm, keys)?;
        let t = text(v)?;
        let parsed = parse_date(&t);
        if parsed.is_none() {
            ctx.warn(key, format!("{what} « {t} » illisible, ignorée"));
        }
        parsed
    };
    let published_on = date_of(
        &[
            "published_on",
            "published_date",
            "date",
            "post_ouvert",
            "poste_ouvert",
        ],
        "date de publication",
    );
    let closes_on = date_of(
        &[
            "closes_on",
            "closing_date",
            "poste_ferme",
            "depublication_date",
        ],
        "date de clôture",
    );

    let url = first(fm, &["url", "externalUrl", "externalURL"]).and_then(|(key, v)| {
        let u = text(v)?;
        if offers_core::is_web_url(&u) {
            Some(u)
        } else {
            ctx.error(
                key,
                format!("adresse « {u} » refusée (seuls https: et http: sont permis)"),
            );
            None
        }
    });
    let reference = first(fm, &["reference", "référence"])
        .and_then(|(_, v)| text(v))
        .or_else(|| url.as_deref().and_then(reference_in_url));

    let mut apply = Apply::default();
    if let Some((key, v)) = first(fm, &["apply_email", "email", "contact", "contacts"]) {
        for c in list(v) {
            if c.contains('@') {
                if apply.email.is_none() {
                    apply.email = Some(c.trim_start_matches("mailto:").to_string());
                }
            } else {
                ctx.warn(
                    key,
                    format!("contact « {c} » sans adresse électronique, ignoré"),
                );
            }
        }
    }
    apply.subject = first(fm, &["apply_subject", "subject"]).and_then(|(_, v)| text(v));
    apply.url = fm.get("apply_url").and_then(text);
    let apply = (apply != Apply::default()).then_some(apply);

    let salary = first(fm, &["salary", "salaire"])
        .and_then(|(_, v)| text(v))
        .map(|t| salary(&t));
    let positions = first(fm, &["positions", "postes"]).and_then(|(key, v)| {
        let t = text(v)?;
        let n = t.split_whitespace().next()?.parse().ok();
        if n.is_none() {
            ctx.warn(key, format!("nombre de postes « {t} » illisible"));
        }
        n
    });
    let mut tags: Vec<String> = Vec::new();
    for key in ["tags", "domaines", "domaine", "techno"] {
        if let Some(v) = fm.get(key) {
            tags.extend(list(v));
        }
    }
    if fm.get("junior").and_then(flag) == Some(true) {
        tags.push("junior".into());
    }
    tags.dedup();
    let description = body
        .map(|b| {
            let (doc, too_deep) = read_markdown(b, defaults.base_url.as_ref());
            if too_deep {
                ctx.error("description", too_deep_message());
            }
            doc
        })
        .filter(|d| !d.is_empty());

    Some(Offer {
        id,
        title,
        family,
        employer,
        section,
        status,
        grade,
        locations,
        remote,
        contract,
        duration,
        start,
        published_on,
        closes_on,
        url,
        reference,
        apply,
        salary,
        positions,
        tags,
        description,
    })
}

/// The job-board reference in an offer URL: `…-reference-2023-1201312/`,
/// `…-reference-MINT_BA008ATA-19297`, or `…/2023-1201312/`.
pub fn reference_in_url(url: &str) -> Option<String> {
    let last = url.trim_end_matches('/').rsplit('/').next()?;
    if let Some((_, after)) = last.split_once("-reference-") {
        return Some(after.to_string()).filter(|r| !r.is_empty());
    }
    let candidate = last;
    let b = candidate.as_bytes();
    let ok = candidate.len() >= 8
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..].iter().all(u8::is_ascii_digit);
    ok.then(|| candidate.to_string())
}

/// "3 500 € à 4 800 € par mois" → min, max, period (month unless it says per year).
pub fn salary(text: &str) -> Salary {
    let chars: Vec<char> = text.chars().collect();
    let mut numbers: Vec<u32> = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let mut digits = String::new();
        loop {
            while i < chars.len() && chars[i].is_ascii_digit() {
                digits.push(chars[i]);
                i += 1;
            }
            // A thousands separator is followed by exactly three digits.
            let sep = i < chars.len() && matches!(chars[i], ' ' | '\u{a0}' | '\u{202f}' | '.');
            let three = chars
                .get(i + 1..i + 4)
                .is_some_and(|d| d.iter().all(char::is_ascii_digit))
                && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
            if sep && three {
                i += 1;
            } else {
                break;
            }
        }
        if let Ok(n) = digits.parse::<u32>() {
            if n >= 100 {
                numbers.push(n);
            }
        }
    }
    let lower = text.to_lowercase();
    let yearly = lower.contains("/an") || lower.contains("par an") || lower.contains("annuel");
    Salary {
        min: numbers.first().copied(),
        max: numbers.get(1).or(numbers.first()).copied(),
        period: if yearly {
            SalaryPeriod::Year
        } else {
            SalaryPeriod::Month
        },
        text: Some(text.to_string()),
    }
}

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

/// Splits a markdown file into front matter and body. Lines before the opening `---` (a heading
/// left above it, blank lines) are allowed and returned as a warning. Returns the front matter,
/// the line of its first key (1-based), and the body.
pub fn split_front_matter(text: &str) -> Option<(&str, usize, &str, Option<usize>)> {
    let mut offset = 0;
    let mut stray = None;
    for (i, line) in text.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let fm_start = offset + line.len();
            let rest = &text[fm_start..];
            let mut end = 0;
            for l in rest.split_inclusive('\n') {
                if l.trim_end() == "---" {
                    let body = &rest[end + l.len()..];
                    return Some((&rest[..end], i + 2, body, stray));
                }
                end += l.len();
            }
            return None;
        }
        if !line.trim().is_empty() && stray.is_none() {
            stray = Some(i + 1);
        }
        offset += line.len();
    }
    None
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
pub fn build_dir(dir: &Path, generated_at: &str) -> Result<Built, crate::report::CliError> {
    use crate::report::{read, CliError};
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
