//! The visitor's display preferences on the standalone board: the interface language and the
//! colour theme, remembered in localStorage. A widget has neither: its host page chooses (the
//! element's `lang` and `theme` attributes), and it never writes to the host's storage.
//!
//! The start script (crates/offers-cli/templates/start.js, inline in the page) applies the stored theme
//! before the first paint, long before the WebAssembly module is fetched.

use leptos::prelude::window;

use crate::i18n::Lang;

pub const LANG_KEY: &str = "offres-langue";
pub use crate::shared_names::THEME_KEY;
use crate::shared_names::{THEME_DARK, THEME_LIGHT};

/// The themes a visitor can choose; "system" follows `prefers-color-scheme`.
pub const THEMES: [&str; 3] = ["system", THEME_LIGHT, THEME_DARK];

fn storage() -> Option<web_sys::Storage> {
    // The build-time render has no visitor, so no preference: French, the system's theme.
    if cfg!(feature = "ssr") {
        return None;
    }
    // Storage can be refused (private modes, blocked cookies): then nothing is remembered.
    window().local_storage().ok().flatten()
}

pub fn stored(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn store(key: &str, value: Option<&str>) {
    if let Some(s) = storage() {
        let _ = match value {
            Some(v) => s.set_item(key, v),
            None => s.remove_item(key),
        };
    }
}

pub fn stored_lang() -> Lang {
    stored(LANG_KEY).map_or(Lang::Fr, |tag| Lang::from_tag(&tag))
}

/// The stored theme, one of [`THEMES`].
pub fn stored_theme() -> &'static str {
    let stored = stored(THEME_KEY);
    THEMES
        .into_iter()
        .find(|t| stored.as_deref() == Some(*t))
        .unwrap_or("system")
}

/// Applies and remembers a theme: `data-theme` on the root element, which the tokens follow.
pub fn set_theme(theme: &str) {
    let Some(root) = leptos::prelude::document().document_element() else {
        return;
    };
    if theme == "system" {
        let _ = root.remove_attribute("data-theme");
        store(THEME_KEY, None);
    } else {
        let _ = root.set_attribute("data-theme", theme);
        store(THEME_KEY, Some(theme));
    }
}
