//! Fetching the bundle: the one place the app talks to the network.

use std::sync::Arc;

use offers_core::texts::{beside, TextFile};
use offers_core::{parse_bundle, Document, LoadedBundle, ParseError};
use thiserror::Error;

/// The bundle beside the page: a relative URL, so the app works under any sub-path.
pub const DEFAULT_BUNDLE_URL: &str = "offers.json";

/// The address of the bundle a board shows (given in context by `OfferBoard`): a large bundle's
/// full texts are fetched beside it.
#[derive(Clone)]
pub struct BundleUrl(pub String);

/// Why the bundle (or an offer's full text) could not be loaded.
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
    let text = get(url).await?;
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

/// The full text of offer `id`, kept apart in the text file `path` of the bundle at
/// `bundle_url` (a large bundle: see `offers_core::texts`).
pub async fn fetch_text(bundle_url: &str, path: &str, id: &str) -> Result<Document, LoadError> {
    let text = get(&beside(bundle_url, path)).await?;
    let file: TextFile =
        serde_json::from_str(&text).map_err(|e| ParseError::NotJson(e.to_string()))?;
    file.texts
        .into_iter()
        .find(|t| t.id == id)
        .map(|t| t.description)
        .ok_or_else(|| LoadError::Parse(ParseError::NotABundle(format!("{path} : {id} absent"))))
}

/// The body of a successful answer at `url`, as text.
async fn get(url: &str) -> Result<String, LoadError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    response
        .text()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))
}

fn log_error(message: &str) {
    web_sys::console::warn_1(&message.into());
}
