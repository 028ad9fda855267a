//! Step 2: letters that look like Đ/đ but are not: Ð/ð (U+00D0/U+00F0, Icelandic and Faroese
//! eth) and Ɖ/ɖ (U+0189/U+0256, African D). Keyboards and fonts without Đ produce them, and
//! text in them looks right but matches nothing.
//!
//! They are replaced only where the word around them is Vietnamese, judged from the
//! neighbouring letters: Vietnamese đ starts a syllable and is followed by a vowel ("Ðại",
//! "ðồng"), or sits in an abbreviation written in plain capitals ("HÐND", "CTÐ", "ÐU").
//! Icelandic and Faroese never start a word with ð and write it after a vowel inside the
//! word ("Guðrún", "með", "GUÐRÚN"): those stay as they are.

use crate::text::unlook_alike;

use super::letters::letter;
use super::offsets::{Rule, Sink};

/// Whether `c` is one of the look-alikes of Đ/đ.
pub(crate) fn is_look_alike(c: char) -> bool {
    matches!(c, '\u{D0}' | '\u{F0}' | '\u{189}' | '\u{256}')
}

/// Letters only Icelandic or Faroese writes: their presence marks the word as not Vietnamese.
/// The diaeresis and ring above count in any form (ö, o + U+0308, ọ + U+0308...), so that the
/// decision does not change when the text is composed.
fn is_nordic(c: char) -> bool {
    matches!(
        c,
        'þ' | 'Þ'
            | 'æ'
            | 'Æ'
            | 'ø'
            | 'Ø'
            | 'ö'
            | 'Ö'
            | 'å'
            | 'Å'
            | 'ð'
            | 'Ð'
            | '\u{308}'
            | '\u{30A}'
    )
}

/// Whether the look-alike at byte `p` of `text` stands for Vietnamese Đ/đ.
pub(crate) fn is_vietnamese_at(text: &str, p: usize) -> bool {
    let Some(before) = text.get(..p) else {
        return false;
    };
    let Some(rest) = text.get(p..) else {
        return false;
    };
    let mut after = rest.chars();
    let Some(me) = after.next() else {
        return false;
    };
    // The word: letters (and combining marks) on both sides. Invisible characters, which
    // the spacing step removes, do not split it.
    let in_word = |c: &char| crate::text::is_word_char(*c) || super::spacing::is_invisible_char(*c);
    let visible = |c: &char| !super::spacing::is_invisible_char(*c);
    let left = || before.chars().rev().take_while(in_word).filter(visible);
    let right = || after.clone().take_while(in_word).filter(visible);
    let others = || left().chain(right());
    // Another Nordic letter in the word (besides further eths) settles it.
    if others().any(|c| (is_nordic(c) || is_nordic(base_of(c))) && !is_look_alike(c)) {
        return false;
    }
    // Abbreviations in plain capitals: HÐND, CTÐ, ÐU-UBND.
    let is_capital_eth = matches!(me, '\u{D0}' | '\u{189}');
    if is_capital_eth {
        let abbreviation = others()
            .all(|c| c.is_ascii_uppercase() || c == 'Đ' || is_look_alike(c) || c.is_ascii_digit());
        if abbreviation && others().any(|c| c.is_ascii_uppercase() || c == 'Đ') {
            return true;
        }
    }
    // Start of a word followed by a vowel: Ðại, ðồng, Ðà. (A lone Ð, such as an initial in
    // a list of names, stays.)
    // The vowel is judged by its base letter, so that the decision is the same before and
    // after composition (NFD "a" + marks, or any precomposed form).
    left().next().is_none() && right().next().is_some_and(starts_with_vowel)
}

/// The first character of the canonical decomposition of `c` (its base letter).
fn base_of(c: char) -> char {
    let mut base = None;
    unicode_normalization::char::decompose_canonical(c, |d| {
        base.get_or_insert(d);
    });
    base.unwrap_or(c)
}

/// Whether `c` is a vowel letter or decomposes into one followed by marks.
fn starts_with_vowel(c: char) -> bool {
    letter(base_of(c)).is_vowel()
}

/// Replaces the look-alike at `p` if it stands for Đ/đ; returns the byte after it.
pub(crate) fn repair<S: Sink>(text: &str, p: usize, sink: &mut S) -> usize {
    let Some(c) = text.get(p..).and_then(|r| r.chars().next()) else {
        return p + 1;
    };
    let end = p + c.len_utf8();
    if is_vietnamese_at(text, p) {
        let mut buf = [0u8; 4];
        sink.replace(
            p,
            end,
            unlook_alike(c).encode_utf8(&mut buf),
            Rule::LookAlike,
        );
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> bool {
        let p = text.find(is_look_alike).unwrap();
        is_vietnamese_at(text, p)
    }

    #[test]
    fn decides_by_neighbours() {
        for t in [
            "Ðại hội",
            "ðồng chí",
            "HÐND",
            "ÐU-UBND",
            "CTÐ",
            "Ðảng",
            "ÐẢNG",
            "Ɖà Nẵng",
            "ɖi",
            "QÐ-UBND",
        ] {
            assert!(at(t), "{t}");
        }
        for t in [
            "Guðrún",
            "með",
            "GUÐRÚN",
            "Sigurður",
            "Ð",
            "ðþ",
            "Þórð",
            "Eiðar",
        ] {
            assert!(!at(t), "{t}");
        }
    }
}
