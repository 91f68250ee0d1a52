//! Every string the interface shows, in one place, in French (the default) and English.
//!
//! A plain table rather than leptos_i18n: two languages and about sixty strings do not justify
//! its macros, its locale files and its runtime signal per string. Here a language is one static
//! `Strings` value; the standalone board reloads when the visitor switches language (as a link
//! to a translated page would; a widget takes its element's `lang`), so a component reads its
//! table once, with `t()`, when it is created. Functions cover what depends
//! on a number (plurals, thousands) or a date.

use leptos::prelude::use_context;
use offers_core::{
    ContractKind, Date, Facet, GradeLevel, Offer, ParseError, RemoteMode, Salary, SalaryPeriod,
    Status,
};

use crate::api::LoadError;

/// The interface language. Offers themselves are French whatever it is (`lang="fr"` on them).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// Reads a BCP 47 tag: `en`, `en-GB` → English; anything else → French.
    pub fn from_tag(tag: &str) -> Lang {
        if tag.get(..2).is_some_and(|p| p.eq_ignore_ascii_case("en")) {
            Lang::En
        } else {
            Lang::Fr
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// The strings of the language the current board was rendered in (French outside a board).
pub fn t() -> &'static Strings {
    use_context::<Lang>().unwrap_or_default().strings()
}

pub struct Strings {
    pub lang: Lang,
    /// The `lang` attribute value.
    pub code: &'static str,
    pub default_title: &'static str,
    pub loading: &'static str,
    pub error_title: &'static str,
    pub retry: &'static str,
    /// While an offer's full text, kept apart, is fetched.
    pub text_loading: &'static str,
    pub text_error: &'static str,
    pub empty: &'static str,
    pub external: &'static str,
    pub view_offer: &'static str,
    pub apply_by_email: &'static str,
    pub filled: &'static str,
    pub closed: &'static str,
    pub location: &'static str,
    pub how_to_apply: &'static str,
    pub email_subject: &'static str,
    pub section_own: &'static str,
    pub section_elsewhere: &'static str,
    pub search_label: &'static str,
    pub updated: &'static str,
    pub show_updated: &'static str,
    pub filters_title: &'static str,
    /// After the disclosure's name, with the number of active filters: "(1 actif)".
    pub active_one: &'static str,
    pub active_many: &'static str,
    pub active_filters: &'static str,
    pub remove_filter: &'static str,
    pub reset: &'static str,
    pub reset_search: &'static str,
    pub no_result: &'static str,
    pub sort_label: &'static str,
    pub sort_family: &'static str,
    pub sort_newest: &'static str,
    pub show_inactive: &'static str,
    pub newest_heading: &'static str,
    pub new: &'static str,
    pub back_to_list: &'static str,
    pub write_to: &'static str,
    pub apply_online: &'static str,
    pub full_offer_elsewhere: &'static str,
    pub fact_employer: &'static str,
    pub fact_family: &'static str,
    pub fact_grade: &'static str,
    pub fact_place: &'static str,
    pub fact_contract: &'static str,
    pub fact_duration: &'static str,
    pub fact_start: &'static str,
    pub fact_published: &'static str,
    pub fact_closes: &'static str,
    pub fact_salary: &'static str,
    pub fact_positions: &'static str,
    pub fact_reference: &'static str,
    /// The toggle on each card and offer page (its accessible name adds the offer's title).
    pub save: &'static str,
    pub retired: &'static str,
    pub retired_heading: &'static str,
    pub forget: &'static str,
    pub follow: &'static str,
    pub share: &'static str,
    pub link_copied: &'static str,
    pub settings: &'static str,
    /// The language switch shows the other language's name, in that language.
    pub other_language: &'static str,
    pub other_code: &'static str,
    pub switch_language: &'static str,
    pub theme_label: &'static str,
    pub theme_system: &'static str,
    pub theme_light: &'static str,
    pub theme_dark: &'static str,
    /// Labels of the closed lists: functions whose match is exhaustive, so that a new value
    /// cannot go without its label in each language.
    facet: fn(Facet) -> &'static str,
    grade: fn(GradeLevel) -> &'static str,
    remote: fn(RemoteMode) -> &'static str,
    contract: fn(ContractKind) -> &'static str,
    /// Month names where the date is not French (`Date::to_french` has those).
    months: Option<[&'static str; 12]>,
    thousands: char,
}

pub static FR: Strings = Strings {
    lang: Lang::Fr,
    code: "fr",
    default_title: "Offres d'emploi",
    loading: "Chargement des offres…",
    error_title: "Les offres n'ont pas pu être chargées",
    retry: "Réessayer",
    text_loading: "Chargement du texte de l'offre…",
    text_error: "Le texte de l'offre n'a pas pu être chargé. Vérifiez votre connexion à Internet, puis réessayez.",
    empty: "Aucune offre n'est publiée pour le moment. Revenez bientôt !",
    external: "(site externe)",
    view_offer: "Consulter l'offre",
    apply_by_email: "Candidater par courriel",
    filled: "Pourvue",
    closed: "Clôturée",
    location: "Lieu :",
    how_to_apply: "Pour candidater",
    email_subject: "objet du courriel :",
    section_own: "Nos offres",
    section_elsewhere: "Dans d'autres administrations",
    search_label: "Rechercher une offre",
    updated: "Les offres ont été mises à jour.",
    show_updated: "Afficher les nouvelles offres",
    filters_title: "Filtrer les offres",
    active_one: "actif",
    active_many: "actifs",
    active_filters: "Filtres actifs :",
    remove_filter: "retirer ce filtre",
    reset: "Réinitialiser",
    reset_search: "Réinitialiser la recherche",
    no_result: "Aucune offre ne correspond à votre recherche.",
    sort_label: "Trier par",
    sort_family: "Famille de métiers",
    sort_newest: "Plus récentes d'abord",
    show_inactive: "Afficher aussi les offres pourvues ou clôturées",
    newest_heading: "Offres, des plus récentes aux plus anciennes",
    new: "Nouveau",
    back_to_list: "Retour aux offres",
    write_to: "Écrire à",
    apply_online: "Candidater en ligne",
    full_offer_elsewhere: "Consulter l'offre officielle",
    fact_employer: "Employeur",
    fact_family: "Famille de métiers",
    fact_grade: "Catégorie",
    fact_place: "Lieu",
    fact_contract: "Contrat",
    fact_duration: "Durée",
    fact_start: "Prise de poste",
    fact_published: "Publiée le",
    fact_closes: "Date limite de candidature",
    fact_salary: "Rémunération",
    fact_positions: "Nombre de postes",
    fact_reference: "Référence",
    save: "Sauvegarder",
    retired: "Offre retirée",
    retired_heading: "Offres sauvegardées retirées du site",
    forget: "Retirer de mes offres",
    follow: "Suivre ces offres (Atom)",
    share: "Partager",
    link_copied: "Lien copié",
    settings: "Paramètres d'affichage",
    other_language: "English",
    other_code: "en",
    switch_language: "Display in English",
    theme_label: "Thème",
    theme_system: "Celui du système",
    theme_light: "Clair",
    theme_dark: "Sombre",
    facet: |facet| match facet {
        Facet::Family => "Famille de métiers",
        Facet::Location => "Lieu",
        Facet::Grade => "Catégorie",
        Facet::Remote => "Télétravail",
        Facet::Contract => "Type de contrat",
        Facet::Employer => "Employeur",
        Facet::Pay => "Rémunération",
        Facet::Saved => "Mes offres",
    },
    grade: |grade| match grade {
        GradeLevel::APlus => "Catégorie A+",
        GradeLevel::A => "Catégorie A",
        GradeLevel::B => "Catégorie B",
        GradeLevel::C => "Catégorie C",
    },
    remote: |mode| match mode {
        RemoteMode::None => "Sans télétravail",
        RemoteMode::Partial => "Télétravail partiel",
        RemoteMode::Full => "Télétravail complet",
    },
    contract: |kind| match kind {
        ContractKind::TitulaireOuContractuel => "Titulaire ou contractuel",
        ContractKind::Titulaire => "Titulaire",
        ContractKind::Contractuel => "Contractuel",
        ContractKind::Cdd => "CDD",
        ContractKind::Cdi => "CDI",
        ContractKind::Apprentissage => "Apprentissage",
        ContractKind::Stage => "Stage",
        ContractKind::Autre => "Autre contrat",
    },
    months: None,
    // U+202F, the narrow no-break space French typography puts between thousands.
    thousands: '\u{202f}',
};

pub static EN: Strings = Strings {
    lang: Lang::En,
    code: "en",
    default_title: "Job offers",
    loading: "Loading offers…",
    error_title: "The offers could not be loaded",
    retry: "Try again",
    text_loading: "Loading the offer's text…",
    text_error:
        "The offer's text could not be loaded. Check your Internet connection, then try again.",
    empty: "No offer is published at the moment. Come back soon!",
    external: "(external site)",
    view_offer: "View the offer",
    apply_by_email: "Apply by email",
    filled: "Filled",
    closed: "Closed",
    location: "Location:",
    how_to_apply: "How to apply",
    email_subject: "email subject:",
    section_own: "Our offers",
    section_elsewhere: "In other administrations",
    search_label: "Search the offers",
    updated: "The offers have been updated.",
    show_updated: "Show the new offers",
    filters_title: "Filter the offers",
    active_one: "active",
    active_many: "active",
    active_filters: "Active filters:",
    remove_filter: "remove this filter",
    reset: "Reset",
    reset_search: "Reset the search",
    no_result: "No offer matches your search.",
    sort_label: "Sort by",
    sort_family: "Job family",
    sort_newest: "Newest first",
    show_inactive: "Also show filled or closed offers",
    newest_heading: "Offers, newest first",
    new: "New",
    back_to_list: "Back to the offers",
    write_to: "Write to",
    apply_online: "Apply online",
    full_offer_elsewhere: "View the official offer",
    fact_employer: "Employer",
    fact_family: "Job family",
    fact_grade: "Category",
    fact_place: "Location",
    fact_contract: "Contract",
    fact_duration: "Duration",
    fact_start: "Start",
    fact_published: "Published on",
    fact_closes: "Application deadline",
    fact_salary: "Salary",
    fact_positions: "Number of positions",
    fact_reference: "Reference",
    save: "Save",
    retired: "Offer withdrawn",
    retired_heading: "Saved offers withdrawn from the site",
    forget: "Remove from my offers",
    follow: "Follow these offers (Atom)",
    share: "Share",
    link_copied: "Link copied",
    settings: "Display settings",
    other_language: "Français",
    other_code: "fr",
    switch_language: "Afficher en français",
    theme_label: "Theme",
    theme_system: "The system's",
    theme_light: "Light",
    theme_dark: "Dark",
    facet: |facet| match facet {
        Facet::Family => "Job family",
        Facet::Location => "Location",
        Facet::Grade => "Category",
        Facet::Remote => "Remote work",
        Facet::Contract => "Contract type",
        Facet::Employer => "Employer",
        Facet::Pay => "Pay",
        Facet::Saved => "My offers",
    },
    grade: |grade| match grade {
        GradeLevel::APlus => "Category A+",
        GradeLevel::A => "Category A",
        GradeLevel::B => "Category B",
        GradeLevel::C => "Category C",
    },
    remote: |mode| match mode {
        RemoteMode::None => "No remote work",
        RemoteMode::Partial => "Partial remote work",
        RemoteMode::Full => "Full remote work",
    },
    contract: |kind| match kind {
        ContractKind::TitulaireOuContractuel => "Civil servant or contract",
        ContractKind::Titulaire => "Civil servant",
        ContractKind::Contractuel => "Contract",
        ContractKind::Cdd => "Fixed-term contract",
        ContractKind::Cdi => "Permanent contract",
        ContractKind::Apprentissage => "Apprenticeship",
        ContractKind::Stage => "Internship",
        ContractKind::Autre => "Other contract",
    },
    months: Some([
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ]),
    thousands: ',',
};

impl Strings {
    fn fr(&self) -> bool {
        self.lang == Lang::Fr
    }

    /// What marks an offer that is no longer open: filled, or closed (withdrawn or past its date).
    pub fn inactive(&self, offer: &Offer, today: Date) -> Option<&'static str> {
        match offer.status {
            Status::Filled => Some(self.filled),
            Status::Closed => Some(self.closed),
            Status::Open if offer.is_active(today) => None,
            Status::Open => Some(self.closed),
        }
    }

    /// A count with the language's thousands separator: "1 234" (narrow space), "1,234".
    pub fn number(&self, n: usize) -> String {
        let digits = n.to_string();
        let mut out = String::with_capacity(digits.len() + 4);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(self.thousands);
            }
            out.push(c);
        }
        out
    }

    /// "n thing(s)", with the singular for 1 (French also has it for 0, but 0 has its own words).
    fn count(&self, n: usize, one: &str, many: &str) -> String {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{} {many}", self.number(n))
        }
    }

    /// A date in the long form: "1er mai 2021", "May 1, 2021".
    pub fn date(&self, d: Date) -> String {
        match self.months {
            None => d.to_french(),
            Some(months) => format!(
                "{} {}, {}",
                months[usize::from(d.month() - 1)],
                d.day(),
                d.year()
            ),
        }
    }

    pub fn facet_label(&self, facet: Facet) -> &'static str {
        (self.facet)(facet)
    }

    /// The label of a facet option and whether it is the data's own (French) words: the data's
    /// for families, places and employers; ours for the rest.
    pub fn option_label(&self, facet: Facet, value: &str, data_label: &str) -> (String, bool) {
        fn find<T: Copy>(all: &[T], word: fn(T) -> &'static str, value: &str) -> Option<T> {
            all.iter().copied().find(|v| word(*v) == value)
        }
        let ours = match facet {
            Facet::Grade => find(&GradeLevel::ALL, GradeLevel::url_word, value).map(self.grade),
            Facet::Remote => find(&RemoteMode::ALL, RemoteMode::url_word, value).map(self.remote),
            Facet::Contract => {
                find(&ContractKind::ALL, ContractKind::url_word, value).map(self.contract)
            }
            Facet::Pay => Some(if self.fr() {
                "Rémunération indiquée"
            } else {
                "Pay stated"
            }),
            Facet::Saved => Some(if self.fr() { "Sauvegardées" } else { "Saved" }),
            Facet::Family | Facet::Location | Facet::Employer => None,
        };
        match ours {
            Some(label) => (label.to_string(), false),
            None => (data_label.to_string(), true),
        }
    }

    /// "(3 offres)", "(aucune offre)" after a facet option.
    pub fn option_count(&self, n: u32) -> String {
        let n = n as usize;
        match (n, self.fr()) {
            (0, true) => "(aucune offre)".into(),
            (0, false) => "(no offers)".into(),
            (n, true) => format!("({})", self.count(n, "offre", "offres")),
            (n, false) => format!("({})", self.count(n, "offer", "offers")),
        }
    }

    /// "Afficher 50 offres de plus (1 234 restantes)".
    pub fn show_more(&self, next: usize, remaining: usize) -> String {
        let rest = self.number(remaining);
        match (remaining, self.fr()) {
            (1, true) => "Afficher la dernière offre".into(),
            (1, false) => "Show the last offer".into(),
            (_, true) => format!("Afficher {next} offres de plus ({rest} restantes)"),
            (_, false) => format!("Show {next} more offers ({rest} left)"),
        }
    }

    /// An offer's pay on its card: the amounts in the interface's language, or else the offer's
    /// own words.
    pub fn pay(&self, s: &Salary) -> String {
        match s.min {
            Some(_) => self.salary(s.min, s.max, s.period == SalaryPeriod::Year),
            None => s.text.clone().unwrap_or_default(),
        }
    }

    /// "3 500 € à 4 800 € par mois", "€3,500 to €4,800 a month".
    pub fn salary(&self, min: Option<u32>, max: Option<u32>, yearly: bool) -> String {
        let amount = |a: u32| {
            let n = self.number(a as usize);
            if self.fr() {
                format!("{n} €")
            } else {
                format!("€{n}")
            }
        };
        let period = match (yearly, self.fr()) {
            (true, true) => "par an",
            (false, true) => "par mois",
            (true, false) => "a year",
            (false, false) => "a month",
        };
        let to = if self.fr() { "à" } else { "to" };
        match (min, max) {
            (Some(a), Some(b)) if a != b => format!("{} {to} {} {period}", amount(a), amount(b)),
            (Some(a), _) | (None, Some(a)) => format!("{} {period}", amount(a)),
            (None, None) => String::new(),
        }
    }

    /// "1 offre", "23 offres"; "1 offer", "23 offers".
    pub fn offers_count(&self, n: usize) -> String {
        match (n, self.fr()) {
            (0, true) => "Aucune offre".into(),
            (0, false) => "No offers".into(),
            (n, true) => self.count(n, "offre", "offres"),
            (n, false) => self.count(n, "offer", "offers"),
        }
    }

    /// The status line once the bundle is read: "23 offres chargées".
    pub fn loaded(&self, n: usize) -> String {
        match (n, self.fr()) {
            (0, true) => "Aucune offre publiée".into(),
            (0, false) => "No offers published".into(),
            (n, true) => self.count(n, "offre chargée", "offres chargées"),
            (n, false) => self.count(n, "offer loaded", "offers loaded"),
        }
    }

    /// The notice shown when offers were skipped.
    pub fn skipped(&self, n: usize) -> String {
        match (n, self.fr()) {
            (1, true) => "1 offre n'a pas pu être affichée car ses données sont invalides.".into(),
            (n, true) => format!(
                "{} offres n'ont pas pu être affichées car leurs données sont invalides.",
                self.number(n)
            ),
            (1, false) => "1 offer could not be shown because its data is invalid.".into(),
            (n, false) => format!(
                "{} offers could not be shown because their data is invalid.",
                self.number(n)
            ),
        }
    }

    /// "10 postes", "10 positions".
    /// The document title of the list: "Rejoignez-nous – Offres d'emploi".
    pub fn list_title(&self, page_title: &str) -> String {
        format!("{page_title} – {}", self.default_title)
    }

    /// The filter disclosure's name: "Filtrer les offres", then "(2 actifs)" when some are.
    pub fn filters_toggle(&self, active: usize) -> String {
        match active {
            0 => self.filters_title.to_string(),
            1 => format!("{} (1 {})", self.filters_title, self.active_one),
            n => format!(
                "{} ({} {})",
                self.filters_title,
                self.number(n),
                self.active_many
            ),
        }
    }

    pub fn positions(&self, n: u32) -> String {
        if self.fr() {
            self.count(n as usize, "poste", "postes")
        } else {
            self.count(n as usize, "position", "positions")
        }
    }

    pub fn contract(&self, kind: ContractKind) -> &'static str {
        (self.contract)(kind)
    }

    /// What the visitor is told when the bundle cannot be used.
    pub fn load_error(&self, err: &LoadError) -> String {
        let fr = self.fr();
        match err {
            LoadError::Network(_) if fr => "Le serveur des offres ne répond pas. Vérifiez votre connexion à Internet, puis réessayez.".into(),
            LoadError::Network(_) => "The offers' server does not answer. Check your Internet connection, then try again.".into(),
            LoadError::Http(404) if fr => "La liste des offres est introuvable (erreur 404).".into(),
            LoadError::Http(404) => "The list of offers cannot be found (error 404).".into(),
            LoadError::Http(status) if fr => format!("Le serveur des offres a répondu par une erreur ({status})."),
            LoadError::Http(status) => format!("The offers' server answered with an error ({status})."),
            LoadError::Parse(ParseError::UnsupportedVersion(v)) if fr => format!(
                "La liste des offres est dans un format plus récent (version {v}) que cette page ne sait pas lire. Rechargez la page pour obtenir la dernière version du site."
            ),
            LoadError::Parse(ParseError::UnsupportedVersion(v)) => format!(
                "The list of offers is in a newer format (version {v}) than this page can read. Reload the page to get the latest version of the site."
            ),
            LoadError::Parse(_) if fr => "La liste des offres est illisible : le fichier reçu n'est pas une liste d'offres valide.".into(),
            LoadError::Parse(_) => "The list of offers cannot be read: the file received is not a valid list of offers.".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_dates_and_plurals_follow_the_language() {
        assert_eq!(FR.number(1234567), "1\u{202f}234\u{202f}567");
        assert_eq!(EN.number(1234), "1,234");
        assert_eq!(EN.number(999), "999");
        let may_first = Date::new(2021, 5, 1).unwrap();
        assert_eq!(FR.date(may_first), "1er mai 2021");
        assert_eq!(EN.date(may_first), "May 1, 2021");
        assert_eq!(FR.offers_count(1), "1 offre");
        assert_eq!(FR.offers_count(1500), "1\u{202f}500 offres");
        assert_eq!(EN.offers_count(0), "No offers");
        assert_eq!(EN.offers_count(2), "2 offers");
        assert_eq!(
            EN.salary(Some(3500), Some(4800), false),
            "€3,500 to €4,800 a month"
        );
        assert_eq!(FR.salary(Some(40000), None, true), "40\u{202f}000 € par an");
        assert_eq!(
            EN.option_label(Facet::Contract, "cdd", "x"),
            ("Fixed-term contract".to_string(), false)
        );
        assert_eq!(
            FR.option_label(Facet::Family, "design", "Design"),
            ("Design".to_string(), true)
        );
    }

    #[test]
    fn tags_choose_the_language() {
        assert_eq!(Lang::from_tag("en-GB"), Lang::En);
        assert_eq!(Lang::from_tag("fr"), Lang::Fr);
        assert_eq!(Lang::from_tag(""), Lang::Fr);
    }
}
