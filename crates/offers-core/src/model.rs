//! The bundle: the serde types are the definition of format 1 (see `docs/bundle-format.md`, and
//! `public/offers.schema.json`, generated from these types); format 2 is the same with its
//! offers in columns (`crate::columns`).

use serde::{Deserialize, Serialize};

use crate::{Date, Document};

/// The bundle format of these types: one JSON object per offer.
pub const FORMAT_VERSION: u64 = 1;

/// The same bundle with its offers in columns (`crate::columns`), which `lines::to_lines` writes
/// for a large bundle; also the newest format this code reads.
pub const COLUMNS_FORMAT_VERSION: u64 = 2;

/// A whole bundle: the page around the offers, the families in display order, and the offers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Bundle {
    /// 1: one object per offer in `offers`. 2: the same offers in columns, in `offer_columns`
    /// (what `offers build` writes for a large bundle). A reader refuses a version it does not
    /// know.
    pub format_version: u64,
    /// When the bundle was generated (RFC 3339 timestamp, e.g. `2023-05-02T10:00:00Z`).
    pub generated_at: String,
    pub page: Page,
    /// Job families in display order; every offer's `family` names one of them.
    pub families: Vec<Family>,
    /// When the full texts are kept apart (a large bundle, see `texts`): the files that hold
    /// them, paths relative to the bundle's (`textes/texte-0123456789abcdef.json`). Absent when
    /// every full text is in `offers`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub text_files: Vec<String>,
    pub offers: Vec<Offer>,
}

/// The texts of the page around the offers.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Page {
    /// The page's title, its only `h1` ("Rejoignez-nous").
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intro: Document,
    /// Headings, introductions and closing boxes of the sections, in display order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<SectionText>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SectionText {
    pub section: Section,
    pub heading: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub intro: Document,
    /// Boxes shown after the section's offers ("tous les talents sont les bienvenus", the link to
    /// metiers.numerique.gouv.fr).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub callouts: Vec<Callout>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Callout {
    pub title: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub body: Document,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<Link>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Link {
    pub label: String,
    /// `https:`, `http:` or `mailto:` only.
    pub url: String,
}

/// A job family ("Données / Datascience / Open data").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Family {
    /// Stable identifier: lowercase ASCII letters, digits and hyphens (`donnees`).
    pub id: String,
    pub label: String,
}

/// Which part of the page an offer belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Section {
    /// The publishing employer's own offers.
    #[default]
    Own,
    /// "Et aussi, dans d'autres administrations…".
    Elsewhere,
}

impl Section {
    /// The section's key in element ids and anchors ("propres", "ailleurs").
    pub fn key(self) -> &'static str {
        match self {
            Section::Own => "propres",
            Section::Elsewhere => "ailleurs",
        }
    }
}

/// One job offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Offer {
    /// Stable identifier, unique in the bundle: lowercase ASCII letters, digits and hyphens.
    pub id: String,
    pub title: String,
    /// The `id` of one of the bundle's families.
    pub family: String,
    /// Who recruits ("DINUM", "Etalab", "Présidence de la République").
    pub employer: String,
    #[serde(default)]
    pub section: Section,
    #[serde(default)]
    pub status: Status,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<Grade>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub locations: Vec<Location>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remote: Option<Remote>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contract: Option<Contract>,
    /// Length of the contract as written ("3 ans", "12 mois").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Start>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_on: Option<Date>,
    /// Last day to apply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closes_on: Option<Date>,
    /// The full offer elsewhere (choisirleservicepublic.gouv.fr…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The job board's reference (`2023-1201312`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apply: Option<Apply>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salary: Option<Salary>,
    /// Number of people recruited when more than one ("10 postes").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub positions: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The full text, when the offer has one and it is in the bundle.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Document>,
    /// When its full text is kept apart: the position, in the bundle's `text_files`, of the file
    /// that holds it (then `description` is absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_file: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Open,
    /// Someone was recruited ("[OFFRE POURVUE]").
    Filled,
    /// Withdrawn or closed without a recruitment.
    Closed,
}

/// Civil-service category, with the label the employer used.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Grade {
    pub level: GradeLevel,
    /// As written: "Cadre supérieur/Catégorie A+".
    pub label: String,
}

/// The values of a closed list, in their natural order, and the word of each in the board's URL,
/// written once: a variant added to the enum and not here fails to compile (the match is
/// exhaustive), so the facets, the URL and the labels cannot miss it.
#[macro_export]
macro_rules! url_words {
    ($enum:ident { $($variant:ident => $word:literal,)* }) => {
        impl $enum {
            /// How many values.
            pub const COUNT: usize = [$(stringify!($variant)),*].len();
            /// Every value, in its natural order.
            pub const ALL: [$enum; $enum::COUNT] = [$($enum::$variant),*];
            /// Its word in the board's URL ("a-plus", "partiel", "cdd").
            pub fn url_word(self) -> &'static str {
                match self {
                    $($enum::$variant => $word,)*
                }
            }
        }
    };
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub enum GradeLevel {
    #[serde(rename = "A+")]
    APlus,
    A,
    B,
    C,
}

url_words!(GradeLevel {
    APlus => "a-plus",
    A => "a",
    B => "b",
    C => "c",
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Location {
    pub city: String,
    /// French department code when known ("35", "2A", "971").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Remote {
    pub mode: RemoteMode,
    /// As written: "télétravail possible".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RemoteMode {
    None,
    Partial,
    Full,
}

url_words!(RemoteMode {
    None => "aucun",
    Partial => "partiel",
    Full => "complet",
});

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contract {
    pub kind: ContractKind,
    /// As written, when it says more than the kind ("CDD de 3 ans de la fonction publique").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContractKind {
    /// Open to civil servants and to contract staff.
    TitulaireOuContractuel,
    Titulaire,
    Contractuel,
    Cdd,
    Cdi,
    Apprentissage,
    Stage,
    Autre,
}

url_words!(ContractKind {
    TitulaireOuContractuel => "titulaire-ou-contractuel",
    Titulaire => "titulaire",
    Contractuel => "contractuel",
    Cdd => "cdd",
    Cdi => "cdi",
    Apprentissage => "apprentissage",
    Stage => "stage",
    Autre => "autre",
});

/// When the job starts: a date when known, and the words used ("dès mai 2020").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Start {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// How to apply: by e-mail (with the subject to use), through a URL, or both.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Apply {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The e-mail subject the employer asks for ("CMD-01").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Instructions as written ("CV et lettre de motivation avant le 9 décembre").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// Gross pay in euros.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Salary {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    pub period: SalaryPeriod,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SalaryPeriod {
    Month,
    Year,
}

/// Open, and not past its closing day: the offers shown by default, listed in feeds and fallbacks.
pub fn is_active(status: Status, closes_on: Option<Date>, today: Date) -> bool {
    status == Status::Open && closes_on.is_none_or(|c| c >= today)
}

impl Offer {
    /// Whether it has a full text, in the bundle or in one of its text files: then it has its
    /// own page.
    pub fn has_text(&self) -> bool {
        self.description.is_some() || self.text_file.is_some()
    }

    /// A copy without its full text (a large bundle's list, `texts::split`): cloning it whole
    /// would copy the text first. Every field is named, so that a new one is not forgotten.
    pub fn without_description(&self) -> Offer {
        let Offer {
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
            description: _,
            text_file,
        } = self;
        Offer {
            id: id.clone(),
            title: title.clone(),
            family: family.clone(),
            employer: employer.clone(),
            section: *section,
            status: *status,
            grade: grade.clone(),
            locations: locations.clone(),
            remote: remote.clone(),
            contract: contract.clone(),
            duration: duration.clone(),
            start: start.clone(),
            published_on: *published_on,
            closes_on: *closes_on,
            url: url.clone(),
            reference: reference.clone(),
            apply: apply.clone(),
            salary: salary.clone(),
            positions: *positions,
            tags: tags.clone(),
            description: None,
            text_file: *text_file,
        }
    }

    /// See [`is_active`].
    pub fn is_active(&self, today: Date) -> bool {
        is_active(self.status, self.closes_on, today)
    }

    /// The location line of a card, as the seed pages write it:
    /// "Saint-Jacques-de-la-Lande (35) (télétravail possible)".
    pub fn location_line(&self) -> String {
        let mut line = self
            .locations
            .iter()
            .map(|l| match &l.department {
                Some(d) if !l.city.contains(&format!("({d})")) => format!("{} ({d})", l.city),
                _ => l.city.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ");
        if let Some(text) = self.remote.as_ref().and_then(|r| r.text.as_deref()) {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push('(');
            line.push_str(text);
            line.push(')');
        }
        line
    }
}

impl Bundle {
    /// The same page, families and text files with `offers` (a bundle's list without its full
    /// texts, its envelope alone): the offers are not copied.
    pub fn with_offers(&self, offers: Vec<Offer>) -> Bundle {
        Bundle {
            format_version: self.format_version,
            generated_at: self.generated_at.clone(),
            page: self.page.clone(),
            families: self.families.clone(),
            text_files: self.text_files.clone(),
            offers,
        }
    }

    /// The label of a family id, if the bundle has it.
    pub fn family_label(&self, id: &str) -> Option<&str> {
        self.families
            .iter()
            .find(|f| f.id == id)
            .map(|f| f.label.as_str())
    }
}

impl Apply {
    /// A `mailto:` link to the application address, with the requested subject.
    pub fn mailto_href(&self) -> Option<String> {
        // The address is encoded too (RFC 6068): a `#` would cut the subject off, a `,` add a
        // recipient. Validation refuses such addresses; this keeps the link one address anyway.
        let email = crate::percent::encode(self.email.as_deref()?, b"@+");
        Some(match self.subject.as_deref() {
            Some(subject) => format!(
                "mailto:{email}?subject={}",
                crate::percent::encode(subject, b"")
            ),
            None => format!("mailto:{email}"),
        })
    }
}
