//! Names the app shares with the scripts the build writes beside it (scripts/start-template.js,
//! scripts/sw-template.js, scripts/embed-template.js, scripts/iframe-resize-template.js). This
//! file is the one place they are written: scripts/postbuild.mjs reads each
//! `pub const NAME: &str = "…";` line below and puts its value in the templates' `__NAME__`
//! placeholders (and fails on a placeholder it does not know).

/// The localStorage key of the visitor's theme, read by the start script before the first paint.
pub const THEME_KEY: &str = "offres-theme";
/// The themes the start script applies (the third, "system", is no stored value).
pub const THEME_LIGHT: &str = "light";
pub const THEME_DARK: &str = "dark";
/// The service worker's message, relayed by the start script as a DOM event: newer offers.
pub const BUNDLE_UPDATED: &str = "offres:bundle-updated";
/// The iframe's message to its host page: the height of its content.
pub const EMBED_HEIGHT: &str = "offres:height";
