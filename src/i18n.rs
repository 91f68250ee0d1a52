//! Every string the interface shows, in one place (French; English comes with the i18n issue).
//! A plain table rather than leptos_i18n: a few dozen strings do not justify its runtime and macros.

use offers_core::{ContractKind, Facet, ParseError};

use crate::api::LoadError;

pub const DEFAULT_TITLE: &str = "Offres d'emploi";
pub const LOADING: &str = "Chargement des offres…";
pub const ERROR_TITLE: &str = "Les offres n'ont pas pu être chargées";
pub const RETRY: &str = "Réessayer";
pub const EMPTY: &str = "Aucune offre n'est publiée pour le moment. Revenez bientôt !";
pub const EXTERNAL: &str = "(site externe)";
pub const VIEW_OFFER: &str = "Consulter l'offre";
pub const APPLY_BY_EMAIL: &str = "Candidater par courriel";
pub const FILLED: &str = "Pourvue";
pub const CLOSED: &str = "Clôturée";
pub const LOCATION: &str = "Lieu :";
pub const HOW_TO_APPLY: &str = "Pour candidater";
pub const EMAIL_SUBJECT: &str = "objet du courriel :";
pub const SECTION_OWN: &str = "Nos offres";
pub const SECTION_ELSEWHERE: &str = "Dans d'autres administrations";
pub const SEARCH_LABEL: &str = "Rechercher une offre";
pub const UPDATED: &str = "Les offres ont été mises à jour.";
pub const SHOW_UPDATED: &str = "Afficher les nouvelles offres";
pub const FILTERS_TITLE: &str = "Filtrer les offres";
pub const ACTIVE_FILTERS: &str = "Filtres actifs :";
pub const REMOVE_FILTER: &str = "retirer ce filtre";
pub const RESET: &str = "Réinitialiser";
pub const RESET_SEARCH: &str = "Réinitialiser la recherche";
pub const NO_RESULT: &str = "Aucune offre ne correspond à votre recherche.";
pub const SORT_LABEL: &str = "Trier par";
pub const SORT_FAMILY: &str = "Famille de métiers";
pub const SORT_NEWEST: &str = "Plus récentes d'abord";
pub const SHOW_INACTIVE: &str = "Afficher aussi les offres pourvues ou clôturées";
pub const NEWEST_HEADING: &str = "Offres, des plus récentes aux plus anciennes";
pub const NEW: &str = "Nouveau";
pub const BACK_TO_LIST: &str = "Retour aux offres";
pub const WRITE_TO: &str = "Écrire à";
pub const APPLY_ONLINE: &str = "Candidater en ligne";
pub const FULL_OFFER_ELSEWHERE: &str = "Consulter l'offre officielle";
pub const FACT_EMPLOYER: &str = "Employeur";
pub const FACT_FAMILY: &str = "Famille de métiers";
pub const FACT_GRADE: &str = "Catégorie";
pub const FACT_PLACE: &str = "Lieu";
pub const FACT_CONTRACT: &str = "Contrat";
pub const FACT_DURATION: &str = "Durée";
pub const FACT_START: &str = "Prise de poste";
pub const FACT_PUBLISHED: &str = "Publiée le";
pub const FACT_CLOSES: &str = "Date limite de candidature";
pub const FACT_SALARY: &str = "Rémunération";
pub const FACT_POSITIONS: &str = "Nombre de postes";
pub const FACT_REFERENCE: &str = "Référence";

pub fn facet_label(facet: Facet) -> &'static str {
    match facet {
        Facet::Family => "Famille de métiers",
        Facet::Location => "Lieu",
        Facet::Grade => "Catégorie",
        Facet::Remote => "Télétravail",
        Facet::Contract => "Type de contrat",
        Facet::Employer => "Employeur",
    }
}

/// The label of a facet option: the data's for families, places and employers; ours for the rest.
pub fn option_label(facet: Facet, value: &str, data_label: &str) -> String {
    let fixed = match (facet, value) {
        (Facet::Grade, "a-plus") => "Catégorie A+",
        (Facet::Grade, "a") => "Catégorie A",
        (Facet::Grade, "b") => "Catégorie B",
        (Facet::Grade, "c") => "Catégorie C",
        (Facet::Remote, "aucun") => "Sans télétravail",
        (Facet::Remote, "partiel") => "Télétravail partiel",
        (Facet::Remote, "complet") => "Télétravail complet",
        (Facet::Contract, "titulaire-ou-contractuel") => "Titulaire ou contractuel",
        (Facet::Contract, "titulaire") => "Titulaire",
        (Facet::Contract, "contractuel") => "Contractuel",
        (Facet::Contract, "cdd") => "CDD",
        (Facet::Contract, "cdi") => "CDI",
        (Facet::Contract, "apprentissage") => "Apprentissage",
        (Facet::Contract, "stage") => "Stage",
        (Facet::Contract, "autre") => "Autre contrat",
        _ => return data_label.to_string(),
    };
    fixed.to_string()
}

/// "(3 offres)", "(aucune offre)" after a facet option.
pub fn option_count(n: u32) -> String {
    match n {
        0 => "(aucune offre)".into(),
        1 => "(1 offre)".into(),
        n => format!("({n} offres)"),
    }
}

/// "Afficher 50 offres de plus (1 234 restantes)".
pub fn show_more(next: usize, remaining: usize) -> String {
    if remaining == 1 {
        "Afficher la dernière offre".into()
    } else {
        format!("Afficher {next} offres de plus ({remaining} restantes)")
    }
}

/// "3 500 € à 4 800 € par mois".
pub fn salary(min: Option<u32>, max: Option<u32>, yearly: bool) -> String {
    let period = if yearly { "par an" } else { "par mois" };
    match (min, max) {
        (Some(a), Some(b)) if a != b => format!("{a} € à {b} € {period}"),
        (Some(a), _) | (None, Some(a)) => format!("{a} € {period}"),
        (None, None) => String::new(),
    }
}

/// "1 offre", "23 offres".
pub fn offers_count(n: usize) -> String {
    match n {
        0 => "Aucune offre".into(),
        1 => "1 offre".into(),
        n => format!("{n} offres"),
    }
}

/// The status line once the bundle is read: "23 offres chargées".
pub fn loaded(n: usize) -> String {
    match n {
        0 => "Aucune offre publiée".into(),
        1 => "1 offre chargée".into(),
        n => format!("{n} offres chargées"),
    }
}

/// The notice shown when offers were skipped.
pub fn skipped(n: usize) -> String {
    if n == 1 {
        "1 offre n'a pas pu être affichée car ses données sont invalides.".into()
    } else {
        format!("{n} offres n'ont pas pu être affichées car leurs données sont invalides.")
    }
}

/// "10 postes".
pub fn positions(n: u32) -> String {
    if n == 1 {
        "1 poste".into()
    } else {
        format!("{n} postes")
    }
}

pub fn contract(kind: ContractKind) -> &'static str {
    match kind {
        ContractKind::TitulaireOuContractuel => "Titulaire ou contractuel",
        ContractKind::Titulaire => "Titulaire",
        ContractKind::Contractuel => "Contractuel",
        ContractKind::Cdd => "CDD",
        ContractKind::Cdi => "CDI",
        ContractKind::Apprentissage => "Apprentissage",
        ContractKind::Stage => "Stage",
        ContractKind::Autre => "Autre contrat",
    }
}

/// What the visitor is told when the bundle cannot be used.
pub fn load_error(err: &LoadError) -> String {
    match err {
        LoadError::Network(_) => {
            "Le serveur des offres ne répond pas. Vérifiez votre connexion à Internet, puis réessayez."
                .into()
        }
        LoadError::Http(404) => "La liste des offres est introuvable (erreur 404).".into(),
        LoadError::Http(status) => {
            format!("Le serveur des offres a répondu par une erreur ({status}).")
        }
        LoadError::Parse(ParseError::UnsupportedVersion(v)) => format!(
            "La liste des offres est dans un format plus récent (version {v}) que cette page ne sait pas lire. Rechargez la page pour obtenir la dernière version du site."
        ),
        LoadError::Parse(ParseError::NotJson(_) | ParseError::NotABundle(_)) => {
            "La liste des offres est illisible : le fichier reçu n'est pas une liste d'offres valide."
                .into()
        }
    }
}
