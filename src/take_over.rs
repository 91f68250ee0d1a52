//! The take-over of the board rendered at build time.
//!
//! `index.html` carries the board as `offers site` wrote it with these same components: it is
//! what the visitor sees first, with no WebAssembly needed. When the module runs, the app renders
//! the board aside (in an element outside the document), loads the bundle, and once it shows the
//! same board, puts it in the place of the static one in a single step. Identical markup paints
//! identically: nothing moves, no larger element appears. What the visitor did meanwhile is
//! carried over: the focused control (by its place among the focusable elements), the text typed
//! in the search field, and the scroll position. docs/architecture.md says why a replacement
//! rather than Leptos' hydration.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::api::DEFAULT_BUNDLE_URL;
use crate::OfferBoard;

/// What can hold the focus in a board.
const FOCUSABLE: &str = "a[href], button, input, select, textarea, [tabindex]";
/// The search field (components/search_box.rs).
const SEARCH: &str = "#offres-recherche";

/// Mounts the app in `main`: aside then in its place if `main` holds a rendered board, directly
/// otherwise.
pub fn start(main: HtmlElement) {
    let rendered = main
        .first_element_child()
        .is_some_and(|e| e.class_list().contains("offres"));
    if !rendered {
        leptos::mount::mount_to(main, crate::App).forget();
        return;
    }
    let Ok(aside) = document().create_element("div") else {
        return;
    };
    let aside: HtmlElement = aside.unchecked_into();
    let places = StoredValue::new_local((main, aside.clone()));
    let on_shown = Callback::new(move |()| places.with_value(|(main, aside)| replace(main, aside)));
    leptos::mount::mount_to(
        aside,
        move || view! { <OfferBoard src=DEFAULT_BUNDLE_URL on_shown /> },
    )
    .forget();
}

fn focusables(root: &Element) -> Vec<Element> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// Puts the app's board (in `aside`) in the place of the static one (in `main`).
fn replace(main: &HtmlElement, aside: &HtmlElement) {
    let win = window();
    let (x, y) = (win.scroll_x().unwrap_or(0.0), win.scroll_y().unwrap_or(0.0));
    let focused = document()
        .active_element()
        .filter(|a| main.contains(Some(a)))
        .and_then(|a| focusables(main).iter().position(|e| *e == a));
    let typed = main
        .query_selector(SEARCH)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        .map(|i| i.value())
        .filter(|v| !v.is_empty());

    while let Some(child) = main.first_child() {
        let _ = main.remove_child(&child);
    }
    while let Some(child) = aside.first_child() {
        let _ = main.append_child(&child);
    }

    if let Some(text) = typed {
        if let Some(input) = main
            .query_selector(SEARCH)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            input.set_value(&text);
            if let Ok(event) = web_sys::Event::new("input") {
                let _ = input.dispatch_event(&event);
            }
        }
    }
    if let Some(target) = focused
        .and_then(|i| focusables(main).into_iter().nth(i))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = target.focus_with_options(&options);
    }
    if (win.scroll_x().unwrap_or(0.0), win.scroll_y().unwrap_or(0.0)) != (x, y) {
        win.scroll_to_with_x_and_y(x, y);
    }
    // For the tests and benchmarks: the app is in charge from here.
    let _ = main.set_attribute("data-app", "ready");
    crate::browser::mark("offres:take-over");
}
