use leptos::html::custom;
use leptos::prelude::*;

/// How many levels a board's headings move down: 0 on its own page (its title is the `h1`); in a
/// widget, its `heading-level` minus one (2 by default: the host page keeps its own `h1`).
#[derive(Clone, Copy, Debug, Default)]
pub struct HeadingOffset(pub u8);

/// The element level of a heading at `level` in the board (1 for its title), moved down by the
/// board's [`HeadingOffset`], at most 6.
pub fn level(level: u8) -> u8 {
    let offset = use_context::<HeadingOffset>().unwrap_or_default().0;
    level.saturating_add(offset).clamp(1, 6)
}

const TAGS: [&str; 6] = ["h1", "h2", "h3", "h4", "h5", "h6"];

/// A heading whose element (`h1`…`h6`) is chosen when it renders, from [`level`]. One element type
/// named at run time (`custom`) rather than six `view!` branches per heading: six branches at
/// each of the board's headings would each be their own generic code in the module.
#[component]
pub fn Heading(
    /// The level in the board: 1 for its title, 2 for a section…
    level: u8,
    #[prop(optional)] class: &'static str,
    #[prop(optional, into)] id: Option<String>,
    /// The heading's words are the bundle's (French), not the interface's.
    #[prop(optional)]
    fr: bool,
    /// Focusable from script (`tabindex="-1"`): where focus goes when a view opens.
    #[prop(optional)]
    focus_target: bool,
    children: Children,
) -> impl IntoView {
    custom(TAGS[usize::from(self::level(level)) - 1])
        .class(class)
        .id(id)
        .lang(fr.then_some("fr"))
        .tabindex(focus_target.then_some("-1"))
        .child(children())
}
