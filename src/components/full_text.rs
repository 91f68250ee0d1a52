use leptos::prelude::*;
use offers_core::Document;

use super::DocumentView;
use crate::api::{BundleUrl, LoadError};
use crate::i18n;

/// An offer's full text kept apart from a large bundle (in its text file `path`): fetched when the
/// page opens, with a status while it comes and a retry if it cannot.
///
/// A signal set by a spawned task rather than a `LocalResource`: the board's loading does the
/// same, and a resource brings its own machinery into the module (measured: the feature cost
/// 13.6 KB brotli with one, 4.4 KB without).
#[component]
pub fn FullText(id: String, path: String) -> impl IntoView {
    let t = i18n::t();
    let bundle = use_context::<BundleUrl>().map(|b| b.0).unwrap_or_default();
    let text = RwSignal::new_local(None::<Result<Document, LoadError>>);
    let load = move || {
        text.set(None);
        let (bundle, path, id) = (bundle.clone(), path.clone(), id.clone());
        leptos::task::spawn_local(async move {
            let fetched = crate::api::fetch_text(&bundle, &path, &id).await;
            // The page may have closed meanwhile.
            let _ = text.try_set(Some(fetched));
        });
    };
    #[cfg(not(feature = "ssr"))]
    load();
    move || match text.get() {
        None => view! { <p class="offres-loading" role="status">{t.text_loading}</p> }.into_any(),
        Some(Ok(doc)) => view! { <DocumentView doc heading_level=2 /> }.into_any(),
        Some(Err(_)) => {
            let load = load.clone();
            view! {
                <div class="offres-error" role="alert">
                    <p>{t.text_error}</p>
                    <button type="button" class="offres-button" on:click=move |_| load()>
                        {t.retry}
                    </button>
                </div>
            }
            .into_any()
        }
    }
}
