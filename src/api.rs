//! Fetching the bundle: the one place the app talks to the network.

use std::sync::Arc;

use offers_core::{parse_bundle, LoadedBundle, ParseError};
use thiserror::Error;

/// The bundle beside the page: a relative URL, so the app works under any sub-path.
pub const DEFAULT_BUNDLE_URL: &str = "offers.json";

/// Why the bundle could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum LoadError {
    /// No answer: offline, DNS, CORS refused…
    #[error("requête impossible : {0}")]
    Network(String),
    /// An answer that is not a success (404, 500…).
    #[error("réponse HTTP {0}")]
    Http(u16),
    /// An answer that is not a bundle this app can read.
    #[error(transparent)]
    Parse(#[from] ParseError),
}

/// Fetches and reads the bundle at `url`. Offers that had to be skipped are logged to the console.
pub async fn fetch_bundle(url: &str) -> Result<Arc<LoadedBundle>, LoadError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    let text = response
        .text()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    crate::browser::mark("offres:fetched");
    let loaded = parse_bundle(&text).inspect_err(|e| {
        let shown: String = url.chars().take(80).collect();
        log_error(&format!("offres : {shown} : {e}"))
    })?;
    for s in &loaded.skipped {
        log_error(&format!(
            "offres : offre n° {} ({}) ignorée : {}",
            s.index + 1,
            s.id.as_deref().unwrap_or("sans identifiant"),
            s.reason
        ));
    }
    crate::browser::mark("offres:parsed");
    Ok(Arc::new(loaded))
}

fn log_error(message: &str) {
    web_sys::console::warn_1(&message.into());
}
