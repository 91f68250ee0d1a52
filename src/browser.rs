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

/// Ends the current task: reading, indexing and rendering the bundle run in tasks of their own,
/// so that the page keeps answering input in between (no long task: Lighthouse TBT, and issue
/// "National scale"). A message to itself rather than `setTimeout(0)`, which browsers hold back
/// to 4 ms once nested: hundreds of slices would lose a third of their time.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| match web_sys::MessageChannel::new() {
        Ok(channel) => {
            channel.port1().set_onmessage(Some(&resolve));
            let _ = channel.port2().post_message(&wasm_bindgen::JsValue::NULL);
        }
        Err(_) => {
            let _ = window().set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` in a task after the next frame (what that frame shows is not held back by it), or
/// after 100 ms if no frame comes first: a hidden page has none. `f` is called both times, and
/// must do nothing the second.
pub fn after_next_frame(f: impl Fn() + Clone + 'static) {
    use leptos::prelude::{request_animation_frame, set_timeout};
    use std::time::Duration;
    let unseen = f.clone();
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
    set_timeout(unseen, Duration::from_millis(100));
}

/// Work cut into slices of at most [`Slices::MS`] milliseconds, each a task of its own.
pub struct Slices {
    started: f64,
}

impl Slices {
    /// Well under the 50 ms of a long task, leaving the rest to input and rendering.
    pub const MS: f64 = 8.0;

    pub fn start() -> Slices {
        Slices { started: now() }
    }

    /// Whether the current slice has had its time.
    pub fn due(&self) -> bool {
        now() - self.started > Self::MS
    }

    /// Ends the slice, if it is due, and starts the next one in a new task.
    pub async fn pause(&mut self) {
        if self.due() {
            next_task().await;
            self.started = now();
        }
    }
}

fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// `location.search`, or nothing.
pub fn current_search() -> String {
    window().location().search().unwrap_or_default()
}

/// How [`share`] went.
pub enum Shared {
    /// The system's share sheet took it (or the visitor closed it).
    Shared,
    /// The address is on the clipboard.
    Copied,
    /// Neither is possible here.
    Failed,
}

/// Shares `url` with the Web Share API where the browser has it, or copies it to the clipboard.
/// Both are looked up on `navigator` at run time (`Reflect`): web-sys puts them behind its
/// unstable-API flag, and a browser without them must still get the copy or the address.
pub async fn share(title: &str, url: &str) -> Shared {
    use js_sys::{Function, Object, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    let call = |target: &JsValue, name: &str, arg: &JsValue| -> Option<Promise> {
        let f = Reflect::get(target, &name.into())
            .ok()?
            .dyn_into::<Function>()
            .ok()?;
        f.call1(target, arg).ok()?.dyn_into::<Promise>().ok()
    };
    let navigator = Reflect::get(&window(), &"navigator".into()).unwrap_or_default();
    let data = Object::new();
    let _ = Reflect::set(&data, &"title".into(), &title.into());
    let _ = Reflect::set(&data, &"url".into(), &url.into());
    if let Some(shared) = call(&navigator, "share", &data) {
        // Closing the share sheet rejects the promise: nothing to report.
        let _ = wasm_bindgen_futures::JsFuture::from(shared).await;
        return Shared::Shared;
    }
    let copied = match Reflect::get(&navigator, &"clipboard".into()) {
        Ok(clipboard) => call(&clipboard, "writeText", &url.into()),
        Err(_) => None,
    };
    match copied {
        Some(p) => match wasm_bindgen_futures::JsFuture::from(p).await {
            Ok(_) => Shared::Copied,
            Err(_) => Shared::Failed,
        },
        None => Shared::Failed,
    }
}
