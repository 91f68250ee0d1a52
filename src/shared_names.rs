//! Names the app shares with the scripts `offers site` writes beside it (crates/offers-cli/
//! templates/: start.js, sw.js, embed.js, iframe-resize.js, widget.js). This
//! file is the one place they are written: `offers site` reads each `pub const NAME: &str = "…";`
//! line below ([`placeholders`]) and puts its value in the templates' `__NAME__` placeholders
//! (and fails on a placeholder it does not know).

/// The localStorage key of the visitor's theme, read by the start script before the first paint.
pub const THEME_KEY: &str = "offres-theme";
/// The themes the start script applies (the third, "system", is no stored value).
pub const THEME_LIGHT: &str = "light";
pub const THEME_DARK: &str = "dark";
/// The service worker's message, relayed by the start script as a DOM event: newer offers.
pub const BUNDLE_UPDATED: &str = "offres:bundle-updated";
/// The start script's message to the service worker, once the page is idle: keep a large
/// bundle's full texts for offline reading.
pub const CACHE_TEXTS: &str = "offres:cache-texts";
/// The folder of a large bundle's full texts, beside it (`offers build`, `offers site`; the
/// service worker keeps its files).
pub const TEXTS_FOLDER: &str = "textes";
/// The iframe's message to its host page: the height of its content.
pub const EMBED_HEIGHT: &str = "offres:height";

// The widget's words when the board cannot run in its host page (templates/widget.js,
// which shows them without the module): French and English, as the element's `lang` says. The
// interface's other strings are in src/i18n.rs.
/// No list at all: the bundle could not be read either.
pub const WIDGET_FAILED_FR: &str = "Les offres n'ont pas pu être chargées.";
pub const WIDGET_FAILED_EN: &str = "The offers could not be loaded.";
/// Above the plain list of open offers.
pub const WIDGET_PLAIN_FR: &str = "Offres d'emploi ouvertes";
pub const WIDGET_PLAIN_EN: &str = "Open job offers";
/// The link to the standalone board, always there.
pub const WIDGET_BOARD_FR: &str = "Voir toutes les offres et les filtrer sur le site";
pub const WIDGET_BOARD_EN: &str = "See all the offers, and filter them, on the site";

/// Every `pub const NAME: &str = "…";` line of this file, as (NAME, value): the placeholders of
/// the site's scripts. Read from the source so that a new name needs no second list.
#[cfg(feature = "ssr")]
pub fn placeholders() -> Vec<(&'static str, &'static str)> {
    include_str!("shared_names.rs")
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("pub const ")?;
            let (name, value) = rest.split_once(": &str = \"")?;
            Some((name, value.strip_suffix("\";")?))
        })
        .collect()
}
