//! VNI-Windows: the 8-bit encoding of the VNI fonts (VNI-Times...). A letter with marks is
//! written as its ASCII base followed by one code for the marks ("Vieät" for "Việt": e, then
//! ä for circumflex + dot below), except for đ, ơ, ư and the i/ỵ forms, which have codes of
//! their own. Like TCVN3 it reaches Unicode text as Latin-1 characters, by which the tables
//! are keyed. The capitals' codes are those of the lowercase ones minus 0x20.

use super::letters::{has_shape, letter, Letter, Tone};

/// Codes that stand for a whole letter. Written from the published VNI-Windows code chart.
const LETTERS: [(char, char); 18] = [
    ('ñ', 'đ'),
    ('Ñ', 'Đ'),
    ('ô', 'ơ'),
    ('Ô', 'Ơ'),
    ('ö', 'ư'),
    ('Ö', 'Ư'),
    ('ì', 'ì'),
    ('Ì', 'Ì'),
    ('í', 'í'),
    ('Í', 'Í'),
    ('æ', 'ỉ'),
    ('Æ', 'Ỉ'),
    ('ó', 'ĩ'),
    ('Ó', 'Ĩ'),
    ('ò', 'ị'),
    ('Ò', 'Ị'),
    ('î', 'ỵ'),
    ('Î', 'Ỵ'),
];

/// The shape a mark code adds to its base letter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    None,
    Circumflex,
    Breve,
}

/// Codes that follow a base letter: the lowercase form (the capital form is 0x20 lower).
const MARKS: [(char, Shape, Tone); 17] = [
    ('ø', Shape::None, Tone::Grave),
    ('ù', Shape::None, Tone::Acute),
    ('û', Shape::None, Tone::Hook),
    ('õ', Shape::None, Tone::Tilde),
    ('ï', Shape::None, Tone::Dot),
    ('â', Shape::Circumflex, Tone::Level),
    ('à', Shape::Circumflex, Tone::Grave),
    ('á', Shape::Circumflex, Tone::Acute),
    ('å', Shape::Circumflex, Tone::Hook),
    ('ã', Shape::Circumflex, Tone::Tilde),
    ('ä', Shape::Circumflex, Tone::Dot),
    ('ê', Shape::Breve, Tone::Level),
    ('è', Shape::Breve, Tone::Grave),
    ('é', Shape::Breve, Tone::Acute),
    ('ú', Shape::Breve, Tone::Hook),
    ('ü', Shape::Breve, Tone::Tilde),
    ('ë', Shape::Breve, Tone::Dot),
];

fn whole_letter(c: char) -> Option<char> {
    LETTERS.iter().find(|&&(k, _)| k == c).map(|&(_, v)| v)
}

fn mark(c: char) -> Option<(Shape, Tone)> {
    let lower = if ('\u{C0}'..='\u{DE}').contains(&c) {
        char::from_u32(c as u32 + 0x20)?
    } else {
        c
    };
    MARKS
        .iter()
        .find(|&&(k, _, _)| k == lower)
        .map(|&(_, s, t)| (s, t))
}

/// Whether `c` is a VNI code (a whole letter or a mark).
pub(crate) fn is_code(c: char) -> bool {
    whole_letter(c).is_some() || mark(c).is_some()
}

/// Adds a mark code to a letter, if it fits: circumflex on a/e/o, breve on a, a tone on a
/// vowel that has none yet.
fn add_mark(l: Letter, shape: Shape, tone: Tone) -> Option<Letter> {
    if !l.is_vowel() || l.tone != Tone::Level {
        return None;
    }
    let base = match (shape, l.base) {
        (Shape::None, b) => b,
        (Shape::Circumflex, 'a') => 'â',
        (Shape::Circumflex, 'e') => 'ê',
        (Shape::Circumflex, 'o') => 'ô',
        (Shape::Breve, 'a') => 'ă',
        _ => return None,
    };
    if shape != Shape::None && has_shape(l.base) {
        return None;
    }
    Some(Letter { base, tone, ..l })
}

/// One decoded letter: the byte range of `word` it came from and the letter.
pub(crate) type Piece = (usize, usize, char);

/// Decodes a word. Returns `None` if a mark code follows something it cannot mark (then the
/// word is not VNI). The pieces cover the whole word, in order.
pub(crate) fn decode_word(word: &str) -> Option<Vec<Piece>> {
    let mut out: Vec<Piece> = Vec::with_capacity(word.len());
    for (i, c) in word.char_indices() {
        let end = i + c.len_utf8();
        if let Some((shape, tone)) = mark(c) {
            let last = out.last_mut()?;
            let marked = add_mark(letter(last.2), shape, tone)?;
            *last = (last.0, end, marked.to_char());
        } else {
            out.push((i, end, whole_letter(c).unwrap_or(c)));
        }
    }
    Some(out)
}

/// Encodes a Unicode letter in VNI, as Latin-1 characters (for tests).
#[cfg(test)]
pub(crate) fn encode(c: char) -> String {
    if let Some(&(k, _)) = LETTERS.iter().find(|&&(_, v)| v == c) {
        return k.to_string();
    }
    let l = letter(c);
    if !l.is_vowel() || (l.tone == Tone::Level && !has_shape(l.base)) {
        return c.to_string();
    }
    let (plain, shape) = match l.base {
        'â' => ('a', Shape::Circumflex),
        'ê' => ('e', Shape::Circumflex),
        'ô' => ('o', Shape::Circumflex),
        'ă' => ('a', Shape::Breve),
        'ơ' => ('ô', Shape::None),
        'ư' => ('ö', Shape::None),
        b => (b, Shape::None),
    };
    let mut s = String::new();
    s.push(
        Letter {
            base: plain,
            tone: Tone::Level,
            upper: l.upper,
        }
        .to_char(),
    );
    if let Some(&(k, _, _)) = MARKS.iter().find(|&&(_, sh, t)| sh == shape && t == l.tone) {
        if !(shape == Shape::None && l.tone == Tone::Level) {
            s.push(if l.upper {
                char::from_u32(k as u32 - 0x20).unwrap_or(k)
            } else {
                k
            });
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::letters::{accented_letters, to_upper};

    fn decode(s: &str) -> String {
        decode_word(s).unwrap().into_iter().map(|p| p.2).collect()
    }

    #[test]
    fn every_letter_lower_and_upper() {
        for c in accented_letters() {
            for c in [c, to_upper(c)] {
                let code = encode(c);
                assert!(
                    code.chars().all(|k| (k as u32) < 0x100),
                    "{c} is encoded: {code:?}"
                );
                assert_eq!(decode(&code), c.to_string(), "{c} from {code:?}");
            }
        }
    }

    #[test]
    fn known_words() {
        assert_eq!(decode("Vieät"), "Việt");
        assert_eq!(decode("Ñaûng"), "Đảng");
        assert_eq!(decode("ngöôøi"), "người");
        assert_eq!(decode("naêm"), "năm");
        assert_eq!(decode("lòch"), "lịch");
        assert_eq!(decode("VIEÄT"), "VIỆT");
        assert!(decode_word("ñø").is_none());
    }
}
