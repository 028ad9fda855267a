//! Step 3: spacing. No-break spaces (U+00A0, U+202F) become spaces; invisible characters
//! (zero-width space U+200B, zero-width joiner U+200D, word joiner U+2060, BOM U+FEFF, soft
//! hyphen U+00AD) are removed; a run of spaces between two words becomes one space; spaces at
//! the end of a line go. Indentation (spaces at the start of a line) and the line breaks
//! themselves (LF or CRLF) stay as they are.
//!
//! It runs in two passes. Characters first (with NFC and the look-alikes, so that removing a
//! zero-width space between a letter and its combining mark still composes them), then runs
//! of ASCII spaces on the result, which is where the removals above can leave a double space.
//! The result of the first pass is read in place, not written out: the runs to look at are
//! those the scan of the input found, where that pass left them alone, and the places next to
//! its edits.

use super::nfc;
use super::offsets::{Edited, Rule, Sink, Source};
#[cfg(doc)]
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

/// Handles a no-break space (left as it is unless `spaces`) or an invisible character at
/// `p` (the character pass); returns the byte after it.
pub(crate) fn repair_char<S: Sink>(text: &str, p: usize, spaces: bool, sink: &mut S) -> usize {
    let Some(c) = crate::text::char_at(text, p) else {
        return p + 1;
    };
    let end = p + c.len_utf8();
    if is_no_break_space(c) {
        // A no-break space that carries a combining mark is the standard way to show the
        // mark alone; it stays.
        let carries_mark = crate::text::char_at(text, end).is_some_and(nfc::combines_backward);
        if spaces && !carries_mark {
            sink.replace(p, end, " ", Rule::NoBreakSpace);
        }
    } else if is_invisible_at(text, p) {
        sink.replace(p, end, "", Rule::Invisible);
    }
    end
}

/// Whether the space pass has something to look at at `p`: a space followed by a space, a
/// line break or the end.
fn is_space_problem<T: Source + ?Sized>(text: &T, p: usize) -> bool {
    let here = text.bytes_at(p);
    if here.first() != Some(&b' ') {
        return false;
    }
    let next = match here.get(1) {
        Some(&b) => Some(b),
        None => text.byte(p + 1),
    };
    matches!(next, None | Some(b' ' | b'\n' | b'\r'))
}

/// Where the space pass must look in `text`, the output of the character pass (`edited`,
/// read in place): the runs of spaces that start at `runs` in the input of that pass (see
/// [`scan::Scanner`]) and that it left as they were, and any place next to or inside one of
/// its edits. Every run of spaces of `text` that the space pass changes holds one of them.
pub(crate) fn run_starts<T: Source + ?Sized>(edited: &Edited<'_, T>, runs: &[usize]) -> Vec<usize> {
    let untouched = edited.untouched_pairs(runs);
    let mut around = edited
        .around_edits()
        .filter(|&o| is_space_problem(edited, o))
        .peekable();
    if around.peek().is_none() {
        return untouched;
    }
    // Both are in order: merged, each position once.
    let mut at = Vec::with_capacity(untouched.len());
    let mut untouched = untouched.into_iter().peekable();
    loop {
        let next = match (untouched.peek(), around.peek()) {
            (Some(&u), Some(&a)) if u <= a => untouched.next(),
            (_, Some(_)) => around.next(),
            (Some(_), None) => untouched.next(),
            (None, None) => break,
        };
        if let Some(p) = next {
            if at.last() != Some(&p) {
                at.push(p);
            }
        }
    }
    at
}

/// The space pass: shortens runs of spaces between words and removes trailing spaces. `at`
/// (ascending) holds a position in every run of spaces to change (see [`run_starts`]);
/// positions where there is nothing to change are passed over.
pub(crate) fn runs<T: Source + ?Sized, S: Sink>(text: &T, at: &[usize], sink: &mut S) {
    let mut pos = 0;
    for &p in at {
        if p < pos || !is_space_problem(text, p) {
            continue;
        }
        let mut start = p;
        while start > pos && text.byte(start - 1) == Some(b' ') {
            start -= 1;
        }
        let mut end = p;
        let next = loop {
            let here = text.bytes_at(end);
            let spaces = here.iter().take_while(|&&b| b == b' ').count();
            end += spaces;
            if spaces < here.len() || here.is_empty() {
                break here.get(spaces).copied();
            }
        };
        let line_start = start == 0 || matches!(text.byte(start - 1), Some(b'\n' | b'\r'));
        if matches!(next, None | Some(b'\n' | b'\r')) {
            sink.replace(start, end, "", Rule::TrailingSpace);
        } else if line_start {
            // Indentation stays.
        } else if text.char_at(end).is_some_and(nfc::combines_backward) {
            // The last space carries a combining mark: keep that one, drop the others.
            sink.replace(start, end - 1, "", Rule::Spaces);
        } else {
            sink.replace(start + 1, end, "", Rule::Spaces);
        }
        pos = end.max(p + 1);
    }
}
