//! # viettat
//!
//! Vietnamese administrative text, handled exactly: expand abbreviations ("UBND" → "Ủy ban
//! nhân dân"), normalize the text (NFC, look-alikes, spacing, tone placement, legacy
//! encodings), and tag the officials it names with their roles, with byte spans into the
//! caller's text whatever the input's Unicode form.
//!
//! ## Overview
//!
//! - [`Expander`]: the abbreviation engine, built once by an [`ExpanderBuilder`] from the
//!   embedded [`Dictionary`] and the caller's own, then shared across threads.
//!   [`Expander::default`] is built lazily, once per process.
//! - [`Expander::expand`] rewrites a text in a [`Style`] and returns a `Cow` that borrows when
//!   nothing changes; [`Expander::expand_stream`] does the same in bounded memory.
//! - [`Expander::find_iter`] reports every abbreviation as a [`Match`]: its entry, the sense
//!   chosen, its [`Span`], and whether it was expanded, ambiguous, part of a document number
//!   or already defined in the text.
//! - [`Normalizer`]: NFC, Đ for its look-alikes, spacing, tone placement ([`ToneStyle`]),
//!   legacy encodings ([`Encoding`]: TCVN3, VNI, VIQR, detected), with an [`OffsetMap`] back
//!   to the caller's bytes and the list of [`Change`]s.
//! - [`Tagger`]: the officials named in a text, each with every role the text gives them,
//!   abbreviations spelled out ([`Official`], [`Role`]).
//!
//! Spans are byte offsets into the exact text passed in (see [`Span`]); [`LineIndex`] turns
//! them into lines and columns for editors.
//!
//! ## Examples
//!
//! Expand in the official style, where the first use is spelled out:
//!
//! ```
//! use viettat::{Expander, Style};
//!
//! let expander = Expander::builder().style(Style::FirstUse).build()?;
//! let text = "UBND – UB MTTQ phường phối hợp; UBND báo cáo.";
//! assert_eq!(
//!     expander.expand(text),
//!     "Ủy ban nhân dân (UBND) – Ủy ban Mặt trận Tổ quốc (UB MTTQ) phường phối hợp; UBND báo cáo."
//! );
//! # Ok::<(), viettat::Error>(())
//! ```
//!
//! List the abbreviations of a text with their positions:
//!
//! ```
//! use viettat::{Expander, LineIndex};
//!
//! let text = "Dự hội nghị có\nđồng chí Nguyễn Văn Tuấn – QUV, Chủ tịch HĐND phường";
//! let lines = LineIndex::new(text);
//! for m in Expander::default().find_iter(text) {
//!     let p = lines.position(m.start());
//!     println!("{}:{} {} → {:?}", p.line, p.column, &text[m.span().range()], m.expansion());
//! }
//! ```
//!
//! ## Build once, reuse
//!
//! Building an engine compiles the dictionaries into an automaton; do it once and share it.
//! `Expander` is `Clone` (an `Arc`), `Send` and `Sync`:
//!
//! ```
//! use std::sync::LazyLock;
//! use viettat::Expander;
//!
//! static ENGINE: LazyLock<Expander> = LazyLock::new(|| {
//!     Expander::builder().case_insensitive(true).build().expect("valid dictionaries")
//! });
//! assert_eq!(ENGINE.expand("Tdp 5"), "Tổ dân phố 5");
//! ```
//!
//! ## Crate features
//!
//! - `cli` (default): the `viettat` command-line tool and its dependencies. Library users
//!   write `viettat = { version = "0.1", default-features = false }` and compile none of them.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod dict;
mod error;
mod expand;
mod normalize;
mod span;
mod tag;
mod text;

pub use dict::{Category, Dictionary, Entry, Origin, Sense};
pub use error::{Error, ErrorKind, Position};
pub use expand::{Expander, ExpanderBuilder, Match, MatchKind, Matches, Style};
pub use normalize::{
    Change, Encoding, Normalized, Normalizer, NormalizerBuilder, OffsetMap, Rule, ToneStyle,
};
pub use span::{LineIndex, Span};
pub use tag::{Level, Official, Officials, Role, Tagger};

#[cfg(test)]
mod tests;
