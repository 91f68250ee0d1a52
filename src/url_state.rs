//! The URL is the single source of the query: the visible list is derived from it, and every
//! change is a navigation (typing replaces the history entry; filters, sort and pages push one, so
//! back and forward step through them). In a widget, the same state lives in memory instead: a
//! widget never touches its host page's URL. Typing is the one change shown before it is written:
//! its address follows once typing pauses (see [`UrlState::go`]).
//!
//! Written on the browser's History API rather than with leptos_router, for two reasons:
//! - bytes: the router (and the `url` crate it parses with) weighed 10.4 KB brotli in the first
//!   view, measured with the same app (171.6 KB with it, 161.2 KB without), for what `pushState`,
//!   `popstate` and the small query-string codec of offers-core (`query::parse_search`) do;
//! - embedding: a router takes over the page's URL and its links, which the widget must never do
//!   to a host page.

use std::sync::Arc;

use leptos::prelude::*;
use offers_core::query::{from_params, parse_search, retain_known, to_search, OFFER};
use offers_core::{Query, SearchIndex};

use crate::browser::current_search;

/// How a widget starts: its filters (`famille=design&lieu=paris`), the standalone board's
/// address (for links opened in a new tab) and its interface language (its `lang` attribute).
#[derive(Clone, Debug, Default)]
pub struct WidgetOptions {
    pub filters: String,
    pub board_url: String,
    pub lang: String,
    /// The level of its title (`heading-level`, 2 by default); its other headings follow.
    pub heading_level: u8,
}

/// Where a board is shown, which decides where its state lives and where its links go.
#[derive(Clone, Debug, Default)]
pub enum Mount {
    /// The standalone page: the state is the page's URL.
    #[default]
    Page,
    /// A widget in a host page: the state lives in memory.
    Widget(WidgetOptions),
    /// A page rendered at build time (`offers site`): the default address. `list` is the
    /// board's address from that page, `pages` the folder of the static offer pages.
    Static { list: String, pages: String },
}

impl Mount {
    /// The state of a board mounted here, over `index`: the page's URL, followed through back and
    /// forward; a widget's filters, in memory; or the default address of a build-time render.
    /// Unknown options are dropped against `index`.
    pub fn state(&self, index: Arc<SearchIndex>) -> UrlState {
        let search = match self {
            Mount::Page => {
                let search = RwSignal::new(current_search());
                let handle = window_event_listener(leptos::ev::popstate, move |_| {
                    // Back or forward before a typed address was written: it belonged to the
                    // entry left.
                    UNWRITTEN.take();
                    search.set(current_search())
                });
                on_cleanup(move || handle.remove());
                search
            }
            Mount::Widget(w) => RwSignal::new(format!("?{}", w.filters.trim_start_matches('?'))),
            Mount::Static { .. } => RwSignal::new(String::new()),
        };
        UrlState::derive(index, search, StoredValue::new(self.clone()))
    }
}

/// How long typing pauses before its address is written ([`UrlState::go`]).
const TYPING_PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

thread_local! {
    /// The address of the text typed, shown and not yet written to the page's history entry
    /// ([`UrlState::go`]). The page's own: only a board that is the page (`Mount::Page`) writes
    /// to it.
    static UNWRITTEN: std::cell::Cell<Option<String>> = const { std::cell::Cell::new(None) };
    /// How many keys have been typed: a key's timer writes the address only if no key came after.
    static KEYS: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Writes the typed text's address to the page's history entry, if one is waiting.
fn write_typed() {
    if let Some(href) = UNWRITTEN.take() {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
    }
}

/// The query and the offer page read from the URL, and how to change them.
#[derive(Clone, Copy)]
pub struct UrlState {
    /// `location.search` as last seen (in a widget: the widget's own query string).
    search: RwSignal<String>,
    /// Where the board is, and so where its links go.
    mount: StoredValue<Mount>,
    pub query: Memo<Query>,
    /// The `offre` parameter: the offer page shown, if any.
    pub offer: Memo<Option<String>>,
}

impl UrlState {
    fn derive(
        index: Arc<SearchIndex>,
        search: RwSignal<String>,
        mount: StoredValue<Mount>,
    ) -> UrlState {
        let pairs = Memo::new(move |_| search.with(|s| parse_search(s)));
        let query = Memo::new(move |_| {
            pairs.with(|p| {
                let mut q = from_params(p.iter().map(|(k, v)| (k.as_str(), v.as_str())));
                retain_known(&mut q, &index);
                q
            })
        });
        let offer = Memo::new(move |_| {
            pairs.with(|p| {
                p.iter()
                    .rev()
                    .find(|(k, _)| k == OFFER)
                    .map(|(_, v)| v.clone())
            })
        });
        UrlState {
            search,
            mount,
            query,
            offer,
        }
    }

    /// Whether this board lives in a host page (a widget).
    pub fn is_widget(&self) -> bool {
        self.mount.with_value(|m| matches!(m, Mount::Widget(_)))
    }

    /// The link to the list for `query`, or to an offer's page with that query kept for the way
    /// back. Relative (`?…`, or the page's path for the bare list), so it works under any
    /// sub-path; in a widget, on the standalone board.
    pub fn href(&self, query: &Query, offer: Option<&str>) -> String {
        let search = to_search(query, offer);
        // A build-time render links an offer to its static page, readable without JavaScript.
        let elsewhere = self.mount.with_value(|m| match m {
            Mount::Page => None,
            Mount::Widget(w) => Some(format!("{}{search}", w.board_url)),
            Mount::Static { list, pages } => Some(match offer {
                Some(id) => format!("{pages}{id}.html"),
                None => list.clone(),
            }),
        });
        if let Some(href) = elsewhere {
            return href;
        }
        if search.is_empty() {
            window()
                .location()
                .pathname()
                .unwrap_or_else(|_| "./".into())
        } else {
            search
        }
    }

    /// The address of a file of the site (`feeds/….atom`) from where this board is: relative on
    /// the standalone page, beside the standalone board from a widget or a static page.
    pub fn site_href(&self, path: &str) -> String {
        self.mount.with_value(|m| {
            let board = match m {
                Mount::Page => "",
                Mount::Widget(w) => &w.board_url,
                Mount::Static { list, .. } => list,
            };
            let folder = &board[..board.rfind('/').map_or(0, |i| i + 1)];
            format!("{folder}{path}")
        })
    }

    /// Goes to `href` (from [`UrlState::href`]) without reloading. `replace` for typing, so that
    /// history is not one entry a keystroke. In a widget, only the widget changes.
    ///
    /// Typing shows its list at once and writes its address once the typing pauses
    /// ([`TYPING_PAUSE`]), for two reasons:
    /// - browsers limit the History API: WebKit throws after 100 calls in 10 seconds, Chromium
    ///   ignores the calls after 200 (measured here); with an address written at each key, and
    ///   the list read back from it, the list stopped following the field after 200 keys in
    ///   Chromium (tests/engines; a held Backspace repeats some 30 keys a second);
    /// - `history.replaceState` took 1.4 ms a key on average and 4.2 ms at the p95 (10,000
    ///   offers), a third of a key's work, for nothing the visitor sees
    ///   (scripts/bench-browser.mjs, 10,000 offers: key → list p95 15.9 → 12.3 ms, medians).
    ///
    /// A navigation writes it first, so that the list's history entry keeps the text; back or
    /// forward drops it.
    pub fn go(&self, href: &str, replace: bool) {
        let search = || {
            href.find('?')
                .map_or(String::new(), |i| href[i..].to_string())
        };
        if self.is_widget() {
            self.search.set(search());
            return;
        }
        if replace {
            self.search.set(search());
            UNWRITTEN.set(Some(href.into()));
            let key = KEYS.get().wrapping_add(1);
            KEYS.set(key);
            set_timeout(
                move || {
                    if KEYS.get() == key {
                        write_typed()
                    }
                },
                TYPING_PAUSE,
            );
            return;
        }
        write_typed();
        if let Ok(history) = window().history() {
            if history
                .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(href))
                .is_ok()
            {
                self.search.set(current_search());
            }
        }
    }

    /// Clears the text and every facet; the sort and the inactive toggle stay as they are.
    pub fn clear_filters(&self) {
        let q = self.query.get_untracked();
        self.set_query(
            Query {
                sort: q.sort,
                show_inactive: q.show_inactive,
                ..Query::default()
            },
            false,
        );
    }

    /// Shows the list for `query`.
    pub fn set_query(&self, query: Query, replace: bool) {
        self.go(&self.href(&query, None), replace);
    }
}

/// A link inside the board: a plain click navigates in place; a click with a modifier key (new
/// tab, new window) or another button is left to the browser, and the URL works there too.
#[component]
pub fn InternalLink(
    state: UrlState,
    #[prop(into)] href: Signal<String>,
    #[prop(optional, into)] class: String,
    children: Children,
) -> impl IntoView {
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        ev.prevent_default();
        state.go(&href.get_untracked(), false);
        if !state.is_widget() {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
    };
    view! { <a href=href class=class on:click=on_click>{children()}</a> }
}
