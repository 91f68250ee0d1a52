//! The few calls the app makes to the browser itself, outside the DOM that Leptos renders: the
//! clock, performance marks, yielding to the event loop, the address. None of them is reached by
//! the build-time renderer (`ssr`).

use leptos::prelude::window;
use offers_core::Date;

/// Today, from the browser's clock (tests set the clock through the browser).
pub fn today() -> Date {
    let ms = js_sys::Date::now();
    Date::from_unix_days((ms / 86_400_000.0).floor() as i64)
        .unwrap_or(Date::new(2026, 1, 1).expect("a date"))
}

/// A performance mark the browser benchmarks read (`performance.getEntriesByName`).
pub fn mark(name: &str) {
    if let Some(perf) = window().performance() {
        let _ = perf.mark(name);
    }
}

/// Ends the current task: reading, indexing and rendering the bundle each run in a task of their
/// own, so that the page keeps answering input in between (no single long task: Lighthouse TBT).
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// `location.search`, or nothing.
pub fn current_search() -> String {
    window().location().search().unwrap_or_default()
}
