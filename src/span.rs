//! Byte spans into the caller's text, and line/column positions for editors.
//!
//! The offset contract: every span this crate reports is a half-open byte range `start..end`
//! into the exact `&str` the caller passed in, whatever normalization ran inside. Both ends
//! are always on character boundaries, so `&text[span.range()]` never panics.

use std::ops::Range;

use crate::error::Position;

/// A half-open byte range `start..end` into the caller's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range`, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes (0 for a span whose end comes before its start).
    pub fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no byte.
    pub fn is_empty(self) -> bool {
        self.len() == 0
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    fn from(s: Span) -> Range<usize> {
        s.range()
    }
}

/// Turns byte offsets into 1-based line and column numbers, quickly, for many offsets into
/// one text. Build it once per text; each lookup is a binary search over line starts.
///
/// ```
/// use viettat::LineIndex;
/// let text = "Dự hội nghị\ncó UBND phường";
/// let index = LineIndex::new(text);
/// let p = index.position(text.find("UBND").unwrap());
/// assert_eq!((p.line, p.column), (2, 4));
/// ```
#[derive(Clone, Debug)]
pub struct LineIndex<'t> {
    text: &'t str,
    line_starts: Vec<usize>,
}

impl<'t> LineIndex<'t> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'t str) -> LineIndex<'t> {
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { text, line_starts }
    }

    /// The line and column of byte `offset` (clamped to the text and to a char boundary).
    pub fn position(&self, offset: usize) -> Position {
        let offset = crate::text::floor_char_boundary(self.text, offset);
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line - 1];
        Position {
            offset,
            line,
            column: self.text[start..offset].chars().count() + 1,
        }
    }
}
