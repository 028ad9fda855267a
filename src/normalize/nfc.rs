//! Step 1: Unicode canonical composition (NFC), applied only where it changes something.
//!
//! The scanner ([`super::scan`]) finds the few characters that are not certainly in NFC; here
//! each one is repaired in its smallest self-contained region: from the last starter before it
//! (a character with canonical combining class 0 and NFC quick check "Yes", which nothing
//! before it can combine with) to the next such starter. Composition itself is
//! `unicode-normalization`'s, on that region only.

use std::sync::atomic::{AtomicU64, Ordering};

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

use super::offsets::{Rule, Sink};
use super::spacing;

/// Whether `c` is a starter that is certainly NFC: canonical combining class 0 and NFC quick
/// check "Yes". A text made only of such characters is in NFC, and no character after one can
/// combine with anything before it.
pub(crate) fn is_stable_starter(c: char) -> bool {
    // The plain table answers for almost every character without the Unicode lookups, and
    // the combining diacritical marks block (all of class > 0 but the grapheme joiner U+034F)
    // for the rest of decomposed Vietnamese.
    if c.is_ascii() || is_plain(c) {
        return true;
    }
    if ('\u{300}'..='\u{36F}').contains(&c) {
        return c == '\u{34F}';
    }
    unicode_stable_starter(c)
}

fn unicode_stable_starter(c: char) -> bool {
    canonical_combining_class(c) == 0 && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
}

/// Whether `c` can attach to the character before it: a combining mark (class other than 0),
/// or a character whose NFC quick check is "Maybe" (it may compose with what precedes).
pub(crate) fn combines_backward(c: char) -> bool {
    if ('\u{300}'..='\u{36F}').contains(&c) {
        return c != '\u{34F}';
    }
    !c.is_ascii()
        && (canonical_combining_class(c) != 0
            || is_nfc_quick(std::iter::once(c)) == IsNormalized::Maybe)
}

/// One bit per character of the Basic Multilingual Plane: set when the character needs no
/// step at all (a stable starter that is not a look-alike, a no-break space or an invisible
/// character), from the Unicode data of `unicode-normalization`. Each word of 64 characters
/// is worked out the first time it is asked for: a text asks for a few blocks of the plane,
/// and working out the whole of it costs as much as normalizing megabytes of text. A word is
/// kept XOR [`UNKNOWN`], so that 0 means not worked out yet.
static PLAIN: [AtomicU64; 1024] = [const { AtomicU64::new(0) }; 1024];

/// No word of 64 characters alternates plain and not plain character by character; one that
/// did would only be worked out again at each look.
const UNKNOWN: u64 = 0x5555_5555_5555_5555;

/// Works out the word of [`PLAIN`] for the characters `64 * index..64 * index + 64`.
#[cold]
#[inline(never)]
fn plain_word(index: usize) -> u64 {
    let mut word = 0u64;
    for b in 0..64u32 {
        let c = char::from_u32(index as u32 * 64 + b);
        if c.is_some_and(|c| unicode_stable_starter(c) && !needs_other_step(c)) {
            word |= 1u64 << b;
        }
    }
    // The word is the only data: threads that work it out at once store the same value.
    if let Some(stored) = PLAIN.get(index) {
        stored.store(word ^ UNKNOWN, Ordering::Relaxed);
    }
    word
}

/// Characters that are NFC but that another default step rewrites.
fn needs_other_step(c: char) -> bool {
    super::look_alikes::is_look_alike(c) || spacing::is_special(c)
}

/// Whether `c` needs no step at all (see [`PLAIN`]). ASCII spaces are judged by the
/// scanner from their neighbours, not here.
#[inline]
pub(crate) fn is_plain(c: char) -> bool {
    let cp = c as u32;
    if cp < 0x80 {
        return true;
    }
    if cp > 0xFFFF {
        return is_plain_outside_the_table(c);
    }
    let index = (cp / 64) as usize;
    let known = PLAIN.get(index).map_or(0, |w| w.load(Ordering::Relaxed));
    let word = if known != 0 {
        known ^ UNKNOWN
    } else {
        plain_word(index)
    };
    word & (1u64 << (cp % 64)) != 0
}

#[cold]
#[inline(never)]
fn is_plain_outside_the_table(c: char) -> bool {
    unicode_stable_starter(c) && !needs_other_step(c)
}

/// Repairs the region around `p`, a character that is not a stable starter, and returns where
/// the region ends. The region never starts before `floor` (everything before it has been
/// written). Invisible characters inside the region are dropped first when `drop_invisible`
/// is set, so that "a", ZWSP, combining acute becomes "á" in one pass.
pub(crate) fn repair<S: Sink>(
    text: &str,
    p: usize,
    floor: usize,
    drop_invisible: bool,
    scratch: &mut String,
    sink: &mut S,
) -> usize {
    let before = text.get(floor..p).unwrap_or("");
    let mut start = p;
    for (i, c) in before.char_indices().rev() {
        start = floor + i;
        let invisible = drop_invisible && spacing::is_invisible_at(text, start);
        if !invisible && is_stable_starter(c) {
            break;
        }
    }
    let mut end = p;
    let rest = text.get(p..).unwrap_or("").char_indices();
    for (i, c) in rest {
        let take = if !is_stable_starter(c) {
            true
        } else if drop_invisible && spacing::is_invisible_at(text, p + i) {
            // Take the invisible character only if a mark follows it.
            text.get(p + i + c.len_utf8()..)
                .and_then(|r| r.chars().find(|&d| !spacing::is_invisible_char(d)))
                .is_some_and(|d| !is_stable_starter(d))
        } else {
            false
        };
        if !take {
            break;
        }
        end = p + i + c.len_utf8();
    }
    let Some(region) = text.get(start..end) else {
        return end.max(p + 1);
    };
    scratch.clear();
    if let Some(c) = compose_vietnamese(region) {
        scratch.push(c);
        sink.replace(start, end, scratch, Rule::Nfc);
        return end.max(p + 1);
    }
    let kept = region
        .char_indices()
        .filter(|&(i, _)| !(drop_invisible && spacing::is_invisible_at(text, start + i)))
        .map(|(_, c)| c);
    scratch.extend(kept.nfc());
    sink.replace(start, end, scratch, Rule::Nfc);
    end.max(p + 1)
}

/// The common case, composed without the general algorithm: one Vietnamese vowel (or đ)
/// followed by its marks, as decomposed text has them. Returns `None` for anything else, which
/// then goes through full NFC. Canonical ordering puts the horn (class 216) and the dot below
/// (220) before the other marks (230) whatever order they came in; among the class-230 marks
/// the order matters, and composition gives one letter only when the shape (circumflex,
/// breve) comes before the tone mark, so that is required here.
fn compose_vietnamese(region: &str) -> Option<char> {
    use super::letters::{letter, Tone};
    let mut chars = region.chars();
    let mut l = letter(chars.next()?);
    if !l.is_vowel() {
        return None;
    }
    let mut toned = l.tone != Tone::Level;
    let mut any = false;
    for m in chars {
        any = true;
        let (shape, tone) = match m {
            '\u{302}' => (Some('^'), None),
            '\u{306}' => (Some('('), None),
            '\u{31B}' => (Some('+'), None),
            '\u{300}' => (None, Some(Tone::Grave)),
            '\u{301}' => (None, Some(Tone::Acute)),
            '\u{309}' => (None, Some(Tone::Hook)),
            '\u{303}' => (None, Some(Tone::Tilde)),
            '\u{323}' => (None, Some(Tone::Dot)),
            _ => return None,
        };
        if let Some(t) = tone {
            if toned {
                return None;
            }
            toned = true;
            l.tone = t;
        }
        if let Some(sh) = shape {
            // A circumflex or breve after a class-230 tone mark does not compose.
            let after_230_tone = toned && !matches!(l.tone, Tone::Dot | Tone::Level);
            l.base = match (sh, l.base) {
                ('^', 'a') if !after_230_tone => 'â',
                ('^', 'e') if !after_230_tone => 'ê',
                ('^', 'o') if !after_230_tone => 'ô',
                ('(', 'a') if !after_230_tone => 'ă',
                ('+', 'o') => 'ơ',
                ('+', 'u') => 'ư',
                _ => return None,
            };
        }
    }
    any.then(|| l.to_char())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_composition_agrees_with_nfc() {
        let marks = [
            '\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}', '\u{302}', '\u{306}', '\u{31B}',
        ];
        for base in "aeiouyAEIOUYăâêôơưĂÂÊÔƠƯàÀ".chars() {
            for &m1 in &marks {
                for m2 in std::iter::once(None).chain(marks.iter().copied().map(Some)) {
                    let mut s = String::from(base);
                    s.push(m1);
                    s.extend(m2);
                    let nfc: String = s.nfc().collect();
                    if let Some(c) = compose_vietnamese(&s) {
                        assert_eq!(c.to_string(), nfc, "{s:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn plain_words_agree_with_the_unicode_data() {
        for cp in (0..=0xFFFF_u32).rev() {
            if let Some(c) = char::from_u32(cp) {
                let plain = c.is_ascii() || (unicode_stable_starter(c) && !needs_other_step(c));
                assert_eq!(is_plain(c), plain, "U+{cp:04X}");
            }
        }
    }

    #[test]
    fn vietnamese_letters_are_plain() {
        // The scanner's byte rules assume these whole ranges need nothing, except the
        // look-alikes Ð ð Ɖ.
        for cp in 0xC0..=0x1BF_u32 {
            let c = char::from_u32(cp).unwrap();
            let expected = !matches!(c, 'Ð' | 'ð' | 'Ɖ');
            assert_eq!(is_plain(c), expected, "U+{cp:04X}");
        }
        for cp in 0x1E80..=0x1EFF_u32 {
            assert!(is_plain(char::from_u32(cp).unwrap()), "U+{cp:04X}");
        }
        // And the punctuation U+2010..U+203F (E2 80 90..BF), except the narrow no-break
        // space.
        for cp in 0x2010..=0x203F_u32 {
            let c = char::from_u32(cp).unwrap();
            assert_eq!(is_plain(c), c != '\u{202F}', "U+{cp:04X}");
        }
        assert!(!is_plain('\u{301}'));
        assert!(!is_plain('\u{A0}'));
        assert!(is_plain('–'));
        assert!(!is_plain('\u{212B}')); // Angstrom sign: NFC is Å
    }
}
