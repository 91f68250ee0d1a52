//! Fetching the bundle: the one place the app talks to the network.

use std::sync::Arc;

use offers_core::lines::BundleReader;
use offers_core::texts::{beside, text_of};
use offers_core::{Document, LoadedBundle, ParseError};

use crate::browser::Slices;
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
///
/// Read as it arrives, a slice of a few milliseconds at a time (`offers_core::lines`): the page
/// answers all along, even for 100 000 offers.
pub async fn fetch_bundle(url: &str) -> Result<Arc<LoadedBundle>, LoadError> {
    let loaded = read_bundle(url).await.inspect_err(|e| {
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
    text_of(&text, id)
        .map_err(|e| ParseError::NotJson(e.to_string()))?
        .ok_or_else(|| LoadError::Parse(ParseError::NotABundle(format!("{path} : {id} absent"))))
}

async fn read_bundle(url: &str) -> Result<LoadedBundle, LoadError> {
    use wasm_bindgen::JsCast;
    let network = |e: wasm_bindgen::JsValue| LoadError::Network(js_text(&e));
    let response = send(url).await?;
    let mut reader = BundleReader::new();
    let mut slices = Slices::start();
    let body = response
        .body()
        .ok_or_else(|| LoadError::Network("réponse sans contenu".into()))?;
    let chunks: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut first = true;
    loop {
        let chunk = wasm_bindgen_futures::JsFuture::from(chunks.read())
            .await
            .map_err(network)?;
        let field = |name: &str| js_sys::Reflect::get(&chunk, &name.into()).map_err(network);
        if std::mem::take(&mut first) {
            crate::browser::mark("offres:reading");
        }
        if field("done")?.is_truthy() {
            break;
        }
        // A chunk may be the whole body (a browser hands over what it has): copied in parts.
        let chunk = js_sys::Uint8Array::new(&field("value")?);
        let mut at = 0;
        while at < chunk.length() {
            let end = chunk.length().min(at + (1 << 20));
            reader.feed(&chunk.subarray(at, end).to_vec());
            at = end;
            read_lines(&mut reader, &mut slices).await?;
        }
    }
    crate::browser::mark("offres:fetched");
    Ok(reader.finish()?)
}

/// Reads every complete line `reader` has, a slice at a time (`read` stops early only when the
/// slice is over). The next part is fed only once they are read, so that the reader holds one
/// part and a line at most: fed ahead of the reading (a 15 MB body arrives faster than it is
/// read), it moved megabytes left unread at each part, up to 44 ms in one slice.
async fn read_lines(reader: &mut BundleReader, slices: &mut Slices) -> Result<(), ParseError> {
    loop {
        reader.read(|| !slices.due())?;
        if !slices.due() {
            return Ok(());
        }
        slices.pause().await;
    }
}

/// The answer at `url`, when it is a success.
async fn send(url: &str) -> Result<gloo_net::http::Response, LoadError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(request_error)?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    Ok(response)
}

/// The body of a successful answer at `url`, as text.
async fn get(url: &str) -> Result<String, LoadError> {
    send(url).await?.text().await.map_err(request_error)
}

/// A failed request, in words: the browser's own message. Not gloo-net's whole error formatted:
/// that would bring serde_json's messages (and the standard library's I/O ones) into the module
/// for a variant that a request never gives (0.4 KB brotli).
fn request_error(e: gloo_net::Error) -> LoadError {
    LoadError::Network(match e {
        gloo_net::Error::JsError(js) => js.to_string(),
        gloo_net::Error::GlooError(text) => text,
        _ => "erreur de requête".into(),
    })
}

/// A failed read, in words: an `Error`'s message, or the string thrown. Not the value's debug
/// formatting, whose code and glue (wasm-bindgen's `debugString`) nothing else needs.
fn js_text(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match e.dyn_ref::<js_sys::Error>() {
        Some(error) => error.message().into(),
        None => e.as_string().unwrap_or_else(|| "erreur de lecture".into()),
    }
}

fn log_error(message: &str) {
    web_sys::console::warn_1(&message.into());
}
