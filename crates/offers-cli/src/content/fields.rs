//! An offer's front matter (or an `offers:` entry of `_bundle.yml`) → an [`Offer`], with every
//! key real sites use for each field (docs/content-format.md), and each problem located.

use std::path::Path;

use offers_core::{
    Apply, Contract, ContractKind, Date, Family, Grade, Location, Offer, Remote, RemoteMode,
    Section, Start, Status,
};
use serde_norway::{Mapping, Value};

use super::values::{
    contract_kind, grade_level, location, reference_in_url, salary, salary_in_text, slugify,
};
use super::BUNDLE_FILE;
use crate::dates::{is_sentinel, parse_date, parse_start};
use crate::markdown::{read_markdown, too_deep_message};
use crate::report::Located;

/// One field of an offer, and every key real sites write it under: the first is the content
/// format's own. The known keys, the lookups and the messages all come from these, so that they
/// cannot drift apart.
pub struct Field {
    pub keys: &'static [&'static str],
}

impl Field {
    /// "employer, employeur, equipe, friend, startup", for messages.
    fn keys_read(&self) -> String {
        self.keys.join(", ")
    }
}

const fn field(keys: &'static [&'static str]) -> Field {
    Field { keys }
}

pub const ID: Field = field(&["id", "slug"]);
pub const TITLE: Field = field(&["title", "titles", "roles", "role"]);
pub const FAMILY: Field = field(&["family", "famille", "domaines", "domaine"]);
pub const EMPLOYER: Field = field(&["employer", "employeur", "equipe", "friend", "startup"]);
pub const SECTION: Field = field(&["section"]);
pub const STATUS: Field = field(&["status"]);
pub const OPEN: Field = field(&["open"]);
pub const FILLED: Field = field(&["poste_pourvu", "pourvu"]);
pub const GRADE: Field = field(&["grade", "categorie", "catégorie"]);
pub const LOCATIONS: Field = field(&["locations", "location", "lieu", "localisation"]);
pub const REMOTE: Field = field(&["remote", "teletravail", "télétravail"]);
/// `type: friend` (beta.gouv.fr) also says the offer is another employer's.
pub const CONTRACT: Field = field(&["contract", "contrat", "type"]);
pub const DURATION: Field = field(&["duration", "length", "duree", "durée"]);
pub const START: Field = field(&["start_date", "start", "debut"]);
pub const PUBLISHED: Field = field(&[
    "published_on",
    "published_date",
    "date",
    "post_ouvert",
    "poste_ouvert",
]);
pub const CLOSES: Field = field(&[
    "closes_on",
    "closing_date",
    "poste_ferme",
    "depublication_date",
]);
pub const URL: Field = field(&["url", "externalUrl", "externalURL"]);
pub const REFERENCE: Field = field(&["reference", "référence"]);
pub const APPLY_EMAIL: Field = field(&["apply_email", "email", "contact", "contacts"]);
pub const APPLY_SUBJECT: Field = field(&["apply_subject", "subject"]);
pub const APPLY_URL: Field = field(&["apply_url"]);
pub const SALARY: Field = field(&["salary", "salaire"]);
pub const POSITIONS: Field = field(&["positions", "postes"]);
/// Every one is read (not the first found): all of them are tags.
pub const TAGS: Field = field(&["tags", "domaines", "domaine", "techno"]);
pub const JUNIOR: Field = field(&["junior"]);
/// The body, when an `offers:` entry of `_bundle.yml` has no file.
pub const DESCRIPTION: Field = field(&["description"]);

const FIELDS: &[&Field] = &[
    &ID,
    &TITLE,
    &FAMILY,
    &EMPLOYER,
    &SECTION,
    &STATUS,
    &OPEN,
    &FILLED,
    &GRADE,
    &LOCATIONS,
    &REMOTE,
    &CONTRACT,
    &DURATION,
    &START,
    &PUBLISHED,
    &CLOSES,
    &URL,
    &REFERENCE,
    &APPLY_EMAIL,
    &APPLY_SUBJECT,
    &APPLY_URL,
    &SALARY,
    &POSITIONS,
    &TAGS,
    &JUNIOR,
    &DESCRIPTION,
];

/// Every key read from front matter (and from `offers:` entries of `_bundle.yml`).
pub fn known_keys() -> impl Iterator<Item = &'static str> {
    FIELDS.iter().flat_map(|f| f.keys.iter().copied())
}

/// The content format's own key of each field (what the importers write).
#[cfg(test)]
pub fn own_keys() -> impl Iterator<Item = &'static str> {
    FIELDS.iter().map(|f| f.keys[0])
}

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

pub(super) struct Ctx<'a> {
    pub(super) file: &'a Path,
    pub(super) text: &'a str,
    /// Line of the front matter's first key, minus one.
    pub(super) first_line: usize,
    pub(super) findings: &'a mut Vec<Located>,
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
    pub(super) fn warn(&mut self, key: &str, message: String) {
        self.report(false, key, message);
    }
    pub(super) fn error(&mut self, key: &str, message: String) {
        self.report(true, key, message);
    }
}

pub(super) fn text(v: &Value) -> Option<String> {
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
fn first<'v>(fm: &'v Mapping, field: &Field) -> Option<(&'static str, &'v Value)> {
    let keys = field.keys;
    keys.iter()
        .find_map(|k| fm.get(*k).filter(|v| !v.is_null()).map(|v| (*k, v)))
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
pub(super) fn map_offer(
    fm: &Mapping,
    body: Option<&str>,
    fallback_id: &str,
    defaults: &Defaults,
    ctx: &mut Ctx,
) -> Option<Offer> {
    for key in fm.keys() {
        let Some(k) = key.as_str() else { continue };
        if !known_keys().any(|known| known == k) && !IGNORED.contains(&k) {
            ctx.warn(k, format!("clé « {k} » inconnue, ignorée"));
        }
    }
    let mut status = Status::Open;
    let mut title = first(fm, &TITLE).and_then(|(_, v)| text(v));
    if let Some(t) = &title {
        if let Some(rest) = t.strip_prefix(FILLED_MARKER) {
            title = Some(rest.trim().to_string());
            status = Status::Filled;
        }
    }
    let Some(title) = title else {
        ctx.error(
            "title",
            format!("titre absent (clés lues : {})", TITLE.keys_read()),
        );
        return None;
    };
    // open / status / poste_pourvu may disagree: the most final one wins, and the disagreement is reported.
    let mut said: Vec<(&str, Status)> = Vec::new();
    if status == Status::Filled {
        said.push(("title", Status::Filled));
    }
    if let Some(v) = first(fm, &STATUS).and_then(|(_, v)| text(v)) {
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
    if let Some(open) = first(fm, &OPEN).and_then(|(_, v)| flag(v)) {
        said.push(("open", if open { Status::Open } else { Status::Closed }));
    }
    for key in FILLED.keys {
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

    let id_source = first(fm, &ID).and_then(|(_, v)| text(v));
    let id = slugify(id_source.as_deref().unwrap_or(fallback_id));
    if id.is_empty() {
        ctx.error("id", "identifiant vide".into());
        return None;
    }

    let family = match first(fm, &FAMILY) {
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
            format!("famille absente (clés lues : {}) et pas de famille par défaut : ajoutez `family:` à l'offre, ou `defaults.family` dans {BUNDLE_FILE}", FAMILY.keys_read()),
        );
        return None;
    };

    let employer = first(fm, &EMPLOYER)
        .and_then(|(_, v)| text(v))
        .or_else(|| defaults.employer.clone());
    let Some(employer) = employer else {
        ctx.error(
            "title",
            format!("employeur absent (clés lues : {}) : ajoutez `employer:` à l'offre, ou `defaults.employer` dans {BUNDLE_FILE}", EMPLOYER.keys_read()),
        );
        return None;
    };

    let section = match first(fm, &SECTION).and_then(|(_, v)| text(v)).as_deref() {
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

    let grade = first(fm, &GRADE).and_then(|(key, v)| {
        let label = text(v)?;
        match grade_level(&label) {
            Some(level) => Some(Grade { level, label }),
            None => {
                ctx.warn(key, format!("catégorie introuvable dans « {label} »"));
                None
            }
        }
    });

    let mut locations: Vec<Location> = first(fm, &LOCATIONS)
        .map(|(_, v)| list(v).iter().map(|l| location(l)).collect())
        .unwrap_or_default();
    let mut remote = first(fm, &REMOTE).and_then(|(_, v)| match v {
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
            let mode =
                if lower.contains("100") || lower.contains("total") || lower.contains("complet") {
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

    let contract = first(fm, &CONTRACT)
        .and_then(|(_, v)| text(v))
        .filter(|t| t != "friend")
        .map(|t| {
            let kind = contract_kind(&t);
            let text = (kind == ContractKind::Autre || t.len() > 12).then_some(t);
            Contract { kind, text }
        });
    let duration = first(fm, &DURATION).and_then(|(_, v)| text(v));
    let start = first(fm, &START).and_then(|(_, v)| text(v)).map(|t| Start {
        date: parse_start(&t),
        text: Some(t),
    });
    let mut date_of = |field: &Field, what: &str| -> Option<Date> {
        let (key, v) = first(fm, field)?;
        let t = text(v)?;
        let parsed = parse_date(&t);
        // A sentinel (31/12/9999: "no end date") says there is none: nothing to report.
        if parsed.is_none() && !is_sentinel(&t) {
            ctx.warn(key, format!("{what} « {t} » illisible, ignorée"));
        }
        parsed
    };
    let published_on = date_of(&PUBLISHED, "date de publication");
    let closes_on = date_of(&CLOSES, "date de clôture");

    let url = first(fm, &URL).and_then(|(key, v)| {
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
    let reference = first(fm, &REFERENCE)
        .and_then(|(_, v)| text(v))
        .or_else(|| url.as_deref().and_then(reference_in_url));

    let mut apply = Apply::default();
    if let Some((key, v)) = first(fm, &APPLY_EMAIL) {
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
    apply.subject = first(fm, &APPLY_SUBJECT).and_then(|(_, v)| text(v));
    apply.url = first(fm, &APPLY_URL).and_then(|(_, v)| text(v));
    let apply = (apply != Apply::default()).then_some(apply);

    // Pay as the front matter states it, or else as a line of the text does.
    let salary = first(fm, &SALARY)
        .and_then(|(_, v)| text(v))
        .or_else(|| body.and_then(salary_in_text))
        .map(|t| salary(&t));
    let positions = first(fm, &POSITIONS).and_then(|(key, v)| {
        let t = text(v)?;
        let n = t.split_whitespace().next()?.parse().ok();
        if n.is_none() {
            ctx.warn(key, format!("nombre de postes « {t} » illisible"));
        }
        n
    });
    let mut tags: Vec<String> = Vec::new();
    for key in TAGS.keys {
        if let Some(v) = fm.get(key) {
            tags.extend(list(v));
        }
    }
    if first(fm, &JUNIOR).and_then(|(_, v)| flag(v)) == Some(true) {
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
        text_file: None,
    })
}
