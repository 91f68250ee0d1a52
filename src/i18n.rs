//! Every string the interface shows, in one place (French; English comes with the i18n issue).
//! A plain table rather than leptos_i18n: a few dozen strings do not justify its runtime and macros.

use offers_core::{ContractKind, ParseError};

use crate::api::LoadError;

pub const DEFAULT_TITLE: &str = "Offres d'emploi";
pub const LOADING: &str = "Chargement des offres…";
pub const ERROR_TITLE: &str = "Les offres n'ont pas pu être chargées";
pub const RETRY: &str = "Réessayer";
pub const EMPTY: &str = "Aucune offre n'est publiée pour le moment. Revenez bientôt !";
pub const EXTERNAL: &str = "(site externe)";
pub const VIEW_OFFER: &str = "Consulter l'offre";
pub const APPLY_BY_EMAIL: &str = "Candidater par courriel";
pub const READ_DESCRIPTION: &str = "Lire le descriptif";
pub const FILLED: &str = "Pourvue";
pub const CLOSED: &str = "Clôturée";
pub const LOCATION: &str = "Lieu :";
pub const HOW_TO_APPLY: &str = "Pour candidater";
pub const EMAIL_SUBJECT: &str = "objet du courriel :";
pub const SECTION_OWN: &str = "Nos offres";
pub const SECTION_ELSEWHERE: &str = "Dans d'autres administrations";

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
