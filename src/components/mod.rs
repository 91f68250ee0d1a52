//! One component per file, one concern each.

mod active_filters;
mod board;
mod callout_box;
mod document_view;
mod facets;
mod family_section;
mod filter_panel;
mod load_error_view;
mod offer_card;
mod offer_page;
mod pin_icon;
mod preferences;
mod result_count;
mod result_list;
mod search_box;
mod section_block;
mod sort_control;

pub use active_filters::ActiveFilters;
pub use board::Board;
pub use callout_box::CalloutBox;
pub use document_view::DocumentView;
pub use facets::Facets;
pub use family_section::FamilySection;
pub use filter_panel::FilterPanel;
pub use load_error_view::LoadErrorView;
pub use offer_card::OfferCard;
pub use offer_page::OfferPage;
pub use pin_icon::PinIcon;
pub use preferences::Preferences;
pub use result_count::ResultCount;
pub use result_list::{ResultList, PAGE};
pub use search_box::SearchBox;
pub use section_block::SectionBlock;
pub use sort_control::SortControl;
