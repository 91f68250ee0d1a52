//! One component per file, one concern each.

use std::sync::Arc;

use leptos::prelude::*;

mod active_filters;
mod board;
mod callout_box;
mod document_view;
mod facets;
mod family_section;
mod filter_panel;
mod follow_link;
mod full_text;
mod heading;
mod load_error_view;
mod offer_card;
mod offer_page;
mod preferences;
mod result_count;
mod result_list;
mod retired_offers;
mod save_button;
mod search_box;
mod section_block;
mod share_button;
mod sort_control;

pub use active_filters::ActiveFilters;
pub use board::Board;
pub use callout_box::CalloutBox;
pub use document_view::DocumentView;
pub use facets::Facets;
pub use family_section::FamilySection;
pub use filter_panel::FilterPanel;
pub use follow_link::FollowLink;
pub use full_text::FullText;
pub use heading::{Heading, HeadingOffset};
pub use load_error_view::LoadErrorView;
pub use offer_card::OfferCard;
pub use offer_page::OfferPage;
pub use preferences::Preferences;
pub use result_count::ResultCount;
pub use result_list::{Filling, ResultList, PAGE};
pub use retired_offers::RetiredOffers;
pub use save_button::SaveButton;
pub use search_box::SearchBox;
pub use section_block::SectionBlock;
pub use share_button::ShareButton;
pub use sort_control::SortControl;

/// `<Show>` for the whole app: `child` while `when` holds (a memo, so that it is made again only
/// when `when` changes). One function, so that the module holds one copy of `Show`'s generic code
/// rather than one per use (as `result_list`'s `keyed` does for `<For>`).
pub fn show_when(
    when: Arc<dyn Fn() -> bool + Send + Sync>,
    child: Arc<dyn Fn() -> AnyView + Send + Sync>,
) -> AnyView {
    view! { <Show when=move || when()>{child()}</Show> }.into_any()
}
