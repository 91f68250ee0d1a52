//! Where the focus goes when a control removes itself: what the search field, the chips and
//! "Réinitialiser" share.

use std::time::Duration;

use leptos::html::{Div, Input};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The search field of a board, for the controls that send the focus back to it.
#[derive(Clone, Copy)]
pub struct SearchField(pub NodeRef<Input>);

/// A control that removes itself (a chip, "Réinitialiser") would leave the focus on the page's
/// body, and a keyboard user at the top of the page. Once the view has changed, the focus goes to
/// the first chip left in `chips`, or else to the search field.
pub fn refocus(search: Option<SearchField>, chips: Option<NodeRef<Div>>) {
    set_timeout(
        move || {
            let chip = chips
                .and_then(|c| c.get_untracked())
                .filter(|d| d.is_connected())
                .and_then(|d| d.query_selector(".offres-chip").ok().flatten())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            let _ = match (chip, search.and_then(|s| s.0.get_untracked())) {
                (Some(chip), _) => chip.focus(),
                (None, Some(input)) => input.focus(),
                (None, None) => Ok(()),
            };
        },
        Duration::ZERO,
    );
}
