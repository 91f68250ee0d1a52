//! The families of imported offers, from their domain and job: the grouping is data, a
//! `_familles.yml` in the content folder (the default, `data/familles.yml`, is written there at the
//! first import; an edited one is read back at the next).

use std::path::Path;

use offers_core::fold::fold;
use offers_core::Family;
use serde::Deserialize;

use crate::io::{read, write, CliError};

/// The grouping's file in a content folder.
pub const FILE: &str = "_familles.yml";
const DEFAULT: &str = include_str!("../../data/familles.yml");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Grouping {
    families: Vec<Group>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Group {
    id: String,
    label: String,
    #[serde(default)]
    words: Vec<String>,
}

/// The families, each with its words folded, after a space (" numerique", " systeme d information"):
/// found in a topic folded between spaces, a word begins one of the topic's words.
pub struct Families {
    groups: Vec<(Family, Vec<String>)>,
}

impl Families {
    /// `dir/_familles.yml`, or the default written there first.
    pub fn load(dir: &Path) -> Result<Families, CliError> {
        let path = dir.join(FILE);
        let text = if path.exists() {
            read(&path)?
        } else {
            write(&path, DEFAULT)?;
            DEFAULT.to_string()
        };
        Families::parse(&text).map_err(|e| CliError::Invalid(format!("{} : {e}", path.display())))
    }

    fn parse(text: &str) -> Result<Families, String> {
        let grouping: Grouping = serde_norway::from_str(text).map_err(|e| match e.location() {
            Some(l) => format!("ligne {} : {e}", l.line()),
            None => e.to_string(),
        })?;
        if grouping.families.is_empty() {
            return Err(
                "aucune famille : la dernière reçoit les offres que les autres ne nomment pas"
                    .into(),
            );
        }
        let mut groups = Vec::new();
        for g in grouping.families {
            if !offers_core::validate::is_valid_id(&g.id) {
                return Err(format!(
                    "famille « {} » : identifiant invalide (lettres minuscules, chiffres et tirets)",
                    g.id
                ));
            }
            let words = g
                .words
                .iter()
                .map(|w| format!(" {}", fold(w)))
                .filter(|w| w.len() > 1)
                .collect();
            groups.push((
                Family {
                    id: g.id,
                    label: g.label,
                },
                words,
            ));
        }
        Ok(Families { groups })
    }

    /// The family of an offer whose domain and job read `topic`: the first one one of whose words
    /// begins a word of it; the last family when none does.
    pub fn of(&self, topic: &str) -> usize {
        let text = format!(" {} ", fold(topic));
        self.groups
            .iter()
            .position(|(_, words)| words.iter().any(|w| text.contains(w.as_str())))
            .unwrap_or(self.groups.len() - 1)
    }

    pub fn family(&self, i: usize) -> &Family {
        &self.groups[i].0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_grouping_names_real_jobs() {
        let f = Families::parse(DEFAULT).unwrap();
        let id = |topic: &str| f.family(f.of(topic)).id.clone();
        // Libelle_metier_OGR of the PEP export, TalentSoft profiles, DGAFP domain and job.
        assert_eq!(id("Développeur / Développeuse informatique"), "numerique");
        assert_eq!(
            id("Chargée / Chargé de gestion administrative et/ou de ressources humaines"),
            "administration-ressources-humaines"
        );
        assert_eq!(
            id("Éducation et enseignement Professeur documentaliste"),
            "enseignement-recherche"
        );
        assert_eq!(id("Santé Infirmière / Infirmier"), "sante-social");
        assert_eq!(
            id("Gardienne / Gardien de la paix"),
            "securite-justice-defense"
        );
        // A word begins a word: "data" is not found inside "candidat".
        assert_eq!(id("Candidature spontanée"), "autres-metiers");
        assert_eq!(id(""), "autres-metiers");
    }

    #[test]
    fn a_broken_grouping_says_where() {
        let err = Families::parse("families:\n  - id: a\n    label: A\n    mots: [x]\n")
            .err()
            .unwrap();
        assert!(err.starts_with("ligne "), "{err}");
        assert!(Families::parse("families: []\n").is_err());
        assert!(
            Families::parse("families:\n  - {id: Pas Un Slug, label: X}\n")
                .err()
                .unwrap()
                .contains("identifiant invalide")
        );
    }
}
