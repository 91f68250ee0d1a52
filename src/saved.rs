//! The visitor's saved offers on the standalone board: kept in `localStorage` under a key per
//! bundle address, so they survive a reload and work offline (the list logic is
//! `offers_core::saved`). A widget has none: it never writes to its host's storage.

use leptos::prelude::*;
use offers_core::saved::{self, Saved};

use crate::prefs::{store, stored};

/// Provided by the board where saving is offered; absent in a widget.
#[derive(Clone, Copy)]
pub struct SavedOffers {
    pub list: RwSignal<Vec<Saved>>,
    key: StoredValue<String>,
}

impl SavedOffers {
    /// The offers saved from the bundle `src` (none in the build-time render: no visitor).
    pub fn load(src: &str) -> SavedOffers {
        let path = if cfg!(feature = "ssr") {
            String::new()
        } else {
            window().location().pathname().unwrap_or_default()
        };
        let key = saved::storage_key(&path, src);
        let list = stored(&key).map(|t| saved::read(&t)).unwrap_or_default();
        SavedOffers {
            list: RwSignal::new(list),
            key: StoredValue::new(key),
        }
    }

    pub fn is_saved(&self, id: &str) -> bool {
        self.list.with(|l| l.iter().any(|s| s.id == id))
    }

    /// Saves or forgets an offer, and remembers the list.
    pub fn toggle(&self, id: &str, title: &str) {
        self.list.update(|l| {
            saved::toggle(l, id, title);
        });
        let text = self.list.with_untracked(|l| saved::write(l));
        self.key
            .with_value(|k| store(k, (!text.is_empty()).then_some(text.as_str())));
    }
}
