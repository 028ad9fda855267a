//! Small facts about Vietnamese text shared by the capabilities: what counts as a word
//! character, and a folded form for comparisons that ignore case, tone-mark placement and
//! look-alike letters.

use unicode_normalization::char::is_combining_mark;

/// Whether `c` can be part of a word: a letter, a digit, or a combining mark (so that a
/// decomposed "TDPà" is one word, not "TDP" touching a mark).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// The largest character boundary of `text` at or below `i` (`text.len()` past the end).
pub(crate) fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The character that ends at byte `i` of `text`, if any.
pub(crate) fn char_before(text: &str, i: usize) -> Option<char> {
    text.get(..i)?.chars().next_back()
}

/// The character that starts at byte `i` of `text`, if any.
pub(crate) fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// Whether the word characters of `text` stop at byte `i` on the left (no word character
/// ends at `i`). Cheap for ASCII, which is the common case before an abbreviation.
pub(crate) fn word_starts_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i.wrapping_sub(1)) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !char_before(text, i).is_some_and(is_word_char),
    }
}

/// Whether no word character starts at byte `i` of `text`.
pub(crate) fn word_ends_at(text: &str, i: usize) -> bool {
    match text.as_bytes().get(i) {
        None => true,
        Some(b) if b.is_ascii() => !b.is_ascii_alphanumeric(),
        Some(_) => !char_at(text, i).is_some_and(is_word_char),
    }
}

/// The five Vietnamese tone marks as combining characters (grave, acute, tilde, hook above,
/// dot below). The vowel-shape marks (circumflex, breve, horn) are letters' identity and stay.
pub(crate) fn is_tone_mark(c: char) -> bool {
    matches!(c, '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}')
}

/// Maps the look-alikes of Đ/đ (Icelandic Eth, African D) to the Vietnamese letters.
pub(crate) fn unlook_alike(c: char) -> char {
    match c {
        '\u{D0}' | '\u{189}' => 'Đ',
        '\u{F0}' | '\u{256}' => 'đ',
        c => c,
    }
}

/// A comparison key for phrases: lower case, decomposed, tone marks dropped, look-alikes
/// mapped, every run of whitespace one space (dashes are kept: a context phrase may be
/// "-"). "Đảng uỷ" and "đảng ủy" fold to the same key: tone placement (uỷ / ủy) does not
/// count, as in the project's scoring rules.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut push = |c: char, out: &mut String| {
        if is_tone_mark(c) {
            return;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            return;
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    };
    for c in s.chars().map(unlook_alike) {
        if c.is_ascii() {
            push(c, &mut out);
        } else {
            // One character at a time: the marks that stay (circumflex, breve, horn) are at
            // most one per letter, so canonical reordering never matters here.
            unicode_normalization::char::decompose_canonical(c, |d| push(d, &mut out));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_ignores_case_tone_placement_and_look_alikes() {
        assert_eq!(fold("Đảng uỷ"), fold("đảng ủy"));
        assert_eq!(fold("Hòa"), fold("hoà"));
        assert_eq!(fold("HÐND"), fold("HĐND"));
        assert_eq!(fold("  Quân   sự "), fold("quân sự"));
        assert_ne!(fold("Ban Chấp hành"), fold("Ban Chỉ huy"));
    }

    #[test]
    fn word_edges() {
        let t = "UBND-UBMTTQ TDPà";
        assert!(word_starts_at(t, 0));
        assert!(word_ends_at(t, 4));
        assert!(word_starts_at(t, 5));
        assert!(!word_ends_at(t, 15));
        let nfd = "TDPa\u{300}";
        assert!(!word_ends_at(nfd, 3));
        let mark = "TDP\u{301}";
        assert!(!word_ends_at(mark, 3));
    }
}
