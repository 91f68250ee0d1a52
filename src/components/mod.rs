//! One component per file, one concern each.

mod board;
mod callout_box;
mod document_view;
mod family_section;
mod load_error_view;
mod offer_card;
mod pin_icon;
mod section_block;

pub use board::Board;
pub use callout_box::CalloutBox;
pub use document_view::DocumentView;
pub use family_section::FamilySection;
pub use load_error_view::LoadErrorView;
pub use offer_card::OfferCard;
pub use pin_icon::PinIcon;
pub use section_block::SectionBlock;
