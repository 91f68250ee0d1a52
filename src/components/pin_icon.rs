use leptos::prelude::*;

/// The location pin of the seed pages, inline (no extra request) and decorative: hidden from
/// assistive technology, the location text says it all.
#[component]
pub fn PinIcon() -> impl IntoView {
    view! {
        <svg
            class="offres-icon"
            aria-hidden="true"
            focusable="false"
            width="16"
            height="16"
            viewBox="0 0 16 16"
        >
            <path
                fill="currentColor"
                d="M8 1a5 5 0 0 0-5 5c0 3.6 5 9 5 9s5-5.4 5-9a5 5 0 0 0-5-5zm0 1.5A3.5 3.5 0 0 1 11.5 6c0 2.1-2.3 5.2-3.5 6.7C6.8 11.2 4.5 8.1 4.5 6A3.5 3.5 0 0 1 8 2.5zM8 4a2 2 0 1 0 0 4 2 2 0 0 0 0-4z"
            ></path>
        </svg>
    }
}
