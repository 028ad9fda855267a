//! The one place where the tagger decides how it looks at the caller's text: through a
//! [`Normalizer`] (composed, look-alikes of Đ/đ mapped, invisible characters removed),
//! with its offset map back to the caller's bytes. Text that needs none of it is borrowed.
//!
//! Tone placement does not matter to the tagger's comparisons, which ignore it, and white
//! space does not matter to its tokenizer, which skips all of it between items (no-break
//! spaces included): the view leaves both as written. Real text is full of doubled and
//! no-break spaces; rewriting them would copy the whole document for nothing.

use std::sync::OnceLock;

use crate::normalize::{Normalized, Normalizer};
use crate::span::Span;

/// The text as the tagger matches it, and how to get back to the caller's bytes.
pub(crate) struct View<'t> {
    normalized: Normalized<'t>,
}

impl<'t> View<'t> {
    pub(crate) fn new(input: &'t str) -> View<'t> {
        View {
            normalized: normalizer().normalize_with_offsets(input),
        }
    }

    /// The viewed text.
    pub(crate) fn text(&self) -> &str {
        self.normalized.text()
    }

    /// A span of the viewed text as a span of the caller's text, covering whole
    /// characters.
    pub(crate) fn to_input(&self, span: Span) -> Span {
        self.normalized.offsets().span_to_input(span)
    }
}

/// The tagger's normalizer, built once per process.
fn normalizer() -> &'static Normalizer {
    static VIEW: OnceLock<Normalizer> = OnceLock::new();
    VIEW.get_or_init(|| Normalizer::builder().rewrite_spaces(false).build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_text_is_borrowed() {
        let v = View::new("Nguyễn Văn Tuấn");
        assert!(v.normalized.offsets().is_identity());
    }

    #[test]
    fn decomposed_text_maps_back() {
        let input = "Ông Nguye\u{302}\u{303}n Ðức";
        let v = View::new(input);
        assert_eq!(v.text(), "Ông Nguyễn Đức");
        let start = v.text().find("Nguyễn").unwrap_or(0);
        let span = v.to_input(Span::new(start, v.text().len()));
        assert_eq!(&input[span.range()], "Nguye\u{302}\u{303}n Ðức");
    }
}
