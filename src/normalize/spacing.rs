//! Step 3: spacing. No-break spaces (U+00A0, U+202F) become spaces; invisible characters
//! (zero-width space U+200B, zero-width joiner U+200D, word joiner U+2060, BOM U+FEFF, soft
//! hyphen U+00AD) are removed; a run of spaces between two words becomes one space; spaces at
//! the end of a line go. Indentation (spaces at the start of a line) and the line breaks
//! themselves (LF or CRLF) stay as they are.
//!
//! It runs in two passes. Characters first (with NFC and the look-alikes, so that removing a
//! zero-width space between a letter and its combining mark still composes them), then runs
//! of ASCII spaces on the result, which is where the removals above can leave a double space.

use super::nfc;
use super::offsets::{Rule, Sink};
use super::scan;

/// The characters this step rewrites, wherever they are (ASCII spaces excepted).
pub(crate) fn is_special(c: char) -> bool {
    is_no_break_space(c) || is_invisible_char(c)
}

fn is_no_break_space(c: char) -> bool {
    matches!(c, '\u{A0}' | '\u{202F}')
}

/// The invisible characters this step removes (a zero-width joiner only outside emoji
/// sequences, see [`is_invisible_at`]).
pub(crate) fn is_invisible_char(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}'
    )
}

/// Whether the character at byte `p` is an invisible character to remove. A zero-width joiner
/// between two symbols (an emoji sequence such as a family or a flag) is part of what they
/// show and stays; next to a letter, a space or the edge of the text it is noise.
pub(crate) fn is_invisible_at(text: &str, p: usize) -> bool {
    let Some(c) = crate::text::char_at(text, p) else {
        return false;
    };
    if c != '\u{200D}' {
        return is_invisible_char(c);
    }
    // Emoji and other pictographs; the neighbours are looked for past other invisible
    // characters, which are removed anyway.
    let symbol = |d: Option<char>| {
        d.is_some_and(|d| {
            d >= '\u{2000}'
                && !d.is_whitespace()
                && !d.is_alphanumeric()
                && !unicode_normalization::char::is_combining_mark(d)
        })
    };
    let before = text
        .get(..p)
        .and_then(|t| t.chars().rev().find(|&d| !is_invisible_char(d)));
    let after = text
        .get(p + c.len_utf8()..)
        .and_then(|t| t.chars().find(|&d| !is_invisible_char(d)));
    !(symbol(before) && symbol(after))
}

/// Handles a no-break space or an invisible character at `p` (the character pass); returns
/// the byte after it.
pub(crate) fn repair_char<S: Sink>(text: &str, p: usize, sink: &mut S) -> usize {
    let Some(c) = crate::text::char_at(text, p) else {
        return p + 1;
    };
    let end = p + c.len_utf8();
    if is_no_break_space(c) {
        // A no-break space that carries a combining mark is the standard way to show the
        // mark alone; it stays.
        let carries_mark = crate::text::char_at(text, end).is_some_and(nfc::combines_backward);
        if !carries_mark {
            sink.replace(p, end, " ", Rule::NoBreakSpace);
        }
    } else if is_invisible_at(text, p) {
        sink.replace(p, end, "", Rule::Invisible);
    }
    end
}

/// The space pass: shortens runs of spaces between words and removes trailing spaces.
pub(crate) fn runs<S: Sink>(text: &str, mut pos: usize, sink: &mut S) {
    let bytes = text.as_bytes();
    while let Some(p) = scan::next_space_problem(bytes, pos) {
        let mut start = p;
        while start > pos && bytes.get(start - 1) == Some(&b' ') {
            start -= 1;
        }
        let mut end = p;
        while bytes.get(end) == Some(&b' ') {
            end += 1;
        }
        let next = bytes.get(end).copied();
        let line_start = start == 0 || matches!(bytes.get(start - 1), Some(b'\n' | b'\r'));
        if matches!(next, None | Some(b'\n' | b'\r')) {
            sink.replace(start, end, "", Rule::TrailingSpace);
        } else if line_start {
            // Indentation stays.
        } else if text
            .get(end..)
            .and_then(|r| r.chars().next())
            .is_some_and(nfc::combines_backward)
        {
            // The last space carries a combining mark: keep that one, drop the others.
            sink.replace(start, end - 1, "", Rule::Spaces);
        } else {
            sink.replace(start + 1, end, "", Rule::Spaces);
        }
        pos = end.max(p + 1);
    }
}
