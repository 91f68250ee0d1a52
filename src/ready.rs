//! What a board shows: a bundle read and indexed, and the day it is shown on. Made by the app
//! once it has fetched the bundle, and by the build-time renderer from the built site's bundle.

use std::sync::Arc;

use offers_core::{Date, LoadedBundle, SearchIndex};

/// A bundle read and indexed, and the day it is shown on.
#[derive(Clone)]
pub struct Ready {
    pub loaded: Arc<LoadedBundle>,
    pub index: Arc<SearchIndex>,
    pub today: Date,
}

impl Ready {
    /// Indexes `loaded` (once per bundle: every query after this reads only the index).
    pub fn new(loaded: Arc<LoadedBundle>, today: Date) -> Ready {
        let index = Arc::new(SearchIndex::new(&loaded.bundle));
        Ready {
            loaded,
            index,
            today,
        }
    }

    /// [`Ready::new`] in the browser: the index built a slice at a time, the page answering in
    /// between (100 000 offers take seconds to index).
    #[cfg(not(feature = "ssr"))]
    pub async fn build(loaded: Arc<LoadedBundle>, today: Date) -> Ready {
        let mut slices = crate::browser::Slices::start();
        let mut builder = offers_core::search::IndexBuilder::new(&loaded.bundle);
        while builder.add(&loaded.bundle) {
            slices.pause().await;
        }
        Ready {
            index: Arc::new(builder.finish()),
            loaded,
            today,
        }
    }
}
