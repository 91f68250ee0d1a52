use leptos::prelude::*;
use offers_core::{is_safe_url, Block, Document, Inline};

use super::Heading;

/// Renders a structured document as elements, never as markup. Headings start at `heading_level`
/// of the board (level 1 of the document becomes a heading at that level; see [`Heading`]),
/// at least 2 (the board's title is its only level 1), capped at `h6`. A link whose scheme is not
/// https, http or mailto is rendered as its text only.
#[component]
pub fn DocumentView(doc: Document, #[prop(default = 3)] heading_level: u8) -> impl IntoView {
    doc.into_iter()
        .map(|block| block_view(block, heading_level))
        .collect_view()
}

fn block_view(block: Block, base: u8) -> AnyView {
    match block {
        Block::Heading { level, content } => {
            let content = inlines_view(content);
            // Levels are validated as 1 to 6; clamped again here, where they become elements.
            let level = base.saturating_add(level.clamp(1, 6) - 1).clamp(2, 6);
            view! { <Heading level>{content}</Heading> }.into_any()
        }
        Block::Paragraph(content) => view! { <p>{inlines_view(content)}</p> }.into_any(),
        Block::List { ordered, items } => {
            let items = items
                .into_iter()
                .map(|item| {
                    view! { <li>{item.into_iter().map(|b| block_view(b, base)).collect_view()}</li> }
                })
                .collect_view();
            if ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Quote(blocks) => view! {
            <blockquote>{blocks.into_iter().map(|b| block_view(b, base)).collect_view()}</blockquote>
        }
        .into_any(),
        Block::Rule => view! { <hr /> }.into_any(),
    }
}

fn inlines_view(list: Vec<Inline>) -> AnyView {
    list.into_iter().map(inline_view).collect_view().into_any()
}

fn inline_view(inline: Inline) -> AnyView {
    match inline {
        Inline::Text(text) => text.into_any(),
        Inline::Emphasis(c) => view! { <em>{inlines_view(c)}</em> }.into_any(),
        Inline::Strong(c) => view! { <strong>{inlines_view(c)}</strong> }.into_any(),
        Inline::Code(text) => view! { <code>{text}</code> }.into_any(),
        Inline::LineBreak => view! { <br /> }.into_any(),
        Inline::Link { href, content } if is_safe_url(&href) => {
            view! { <a href=href>{inlines_view(content)}</a> }.into_any()
        }
        Inline::Link { content, .. } => inlines_view(content),
    }
}
