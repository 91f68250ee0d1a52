use leptos::prelude::*;

use crate::i18n;
use crate::prefs::{self, LANG_KEY, THEMES};

/// The language switch and the theme choice, on the standalone board. Changing the language
/// reloads the page in the other language, as a link to a translated page would (focus starts at
/// the top, everything is read again in the new language); the filters are in the URL and stay.
#[component]
pub fn Preferences() -> impl IntoView {
    let t = i18n::t();
    let switch_language = move |_| {
        prefs::store(LANG_KEY, Some(t.other_code));
        let _ = window().location().reload();
    };
    let current = prefs::stored_theme();
    view! {
        <div class="offres-prefs" role="group" aria-label=t.settings>
            <button
                type="button"
                class="offres-button offres-button--secondary"
                lang=t.other_code
                aria-label=t.switch_language
                on:click=switch_language
            >
                {t.other_language}
            </button>
            <span class="offres-prefs__theme">
                <label for="offres-theme">{t.theme_label}</label>
                <select id="offres-theme" on:change=move |ev| prefs::set_theme(&event_target_value(&ev))>
                    <option value=THEMES[0] selected=current == THEMES[0]>{t.theme_system}</option>
                    <option value=THEMES[1] selected=current == THEMES[1]>{t.theme_light}</option>
                    <option value=THEMES[2] selected=current == THEMES[2]>{t.theme_dark}</option>
                </select>
            </span>
        </div>
    }
}
