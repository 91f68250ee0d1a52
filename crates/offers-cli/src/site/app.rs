//! The app's files, which `offers site` puts in every site: from a folder (`--app DIR`: the
//! output of `trunk build`, or a site built before), or from inside the binary (`app` feature,
//! build.rs).

use std::collections::BTreeMap;
use std::path::Path;

use super::app_files::is_app_file;
use crate::io::CliError;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/app_files.rs"));
}

/// The app's files by name.
pub struct App {
    pub files: BTreeMap<String, Vec<u8>>,
}

impl App {
    /// The app's files at the top of `dir`.
    pub fn from_dir(dir: &Path) -> Result<Self, CliError> {
        let unreadable = |source| CliError::Read {
            path: dir.to_owned(),
            source,
        };
        let mut files = BTreeMap::new();
        for entry in std::fs::read_dir(dir).map_err(unreadable)? {
            let entry = entry.map_err(unreadable)?;
            let Ok(name) = entry.file_name().into_string() else {
                continue;
            };
            if is_app_file(&name) && entry.path().is_file() {
                let bytes = std::fs::read(entry.path()).map_err(|source| CliError::Read {
                    path: entry.path(),
                    source,
                })?;
                files.insert(name, bytes);
            }
        }
        Self::checked(files, &dir.display().to_string())
    }

    /// The app inside this binary, if it was built with the `app` feature.
    pub fn embedded() -> Option<Self> {
        let files: BTreeMap<String, Vec<u8>> = embedded::FILES
            .iter()
            .map(|(name, bytes)| ((*name).to_string(), bytes.to_vec()))
            .collect();
        (!files.is_empty()).then_some(Self { files })
    }

    fn checked(files: BTreeMap<String, Vec<u8>>, origin: &str) -> Result<Self, CliError> {
        if !files.contains_key("index.html") {
            return Err(CliError::Usage(format!(
                "{origin} : pas d'application (index.html manque) : donnez la sortie de `trunk build --release`"
            )));
        }
        Ok(Self { files })
    }

    /// A file of the app as text.
    pub fn text(&self, name: &str) -> Result<&str, CliError> {
        let bytes = self
            .files
            .get(name)
            .ok_or_else(|| CliError::Usage(format!("application : {name} manque")))?;
        std::str::from_utf8(bytes)
            .map_err(|_| CliError::Usage(format!("application : {name} n'est pas de l'UTF-8")))
    }
}
