//! The Vietnamese letters as data: the twelve vowel shapes, each with its six tones, and the
//! functions that take a precomposed letter apart and put it back together.
//!
//! This is the table every other step relies on (tone placement, the legacy encodings), so it
//! is written out once, here, and checked in the tests against Unicode's own composition.

/// The six tones, in the order of the rows of [`VOWELS`]: ngang (no mark), huyền (grave),
/// sắc (acute), hỏi (hook above), ngã (tilde), nặng (dot below).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Tone {
    Level,
    Grave,
    Acute,
    Hook,
    Tilde,
    Dot,
}

impl Tone {
    /// All tones, in table order.
    pub(crate) const ALL: [Tone; 6] = [
        Tone::Level,
        Tone::Grave,
        Tone::Acute,
        Tone::Hook,
        Tone::Tilde,
        Tone::Dot,
    ];

    fn index(self) -> usize {
        self as usize
    }
}

/// The twelve vowel shapes of Vietnamese, lowercase, each followed by its forms with the
/// grave, acute, hook above, tilde and dot below (the order of [`Tone::ALL`]). Together with
/// đ these are the 67 accented letters of the alphabet (66 toned or shaped vowels + đ).
pub(crate) const VOWELS: [[char; 6]; 12] = [
    ['a', 'à', 'á', 'ả', 'ã', 'ạ'],
    ['ă', 'ằ', 'ắ', 'ẳ', 'ẵ', 'ặ'],
    ['â', 'ầ', 'ấ', 'ẩ', 'ẫ', 'ậ'],
    ['e', 'è', 'é', 'ẻ', 'ẽ', 'ẹ'],
    ['ê', 'ề', 'ế', 'ể', 'ễ', 'ệ'],
    ['i', 'ì', 'í', 'ỉ', 'ĩ', 'ị'],
    ['o', 'ò', 'ó', 'ỏ', 'õ', 'ọ'],
    ['ô', 'ồ', 'ố', 'ổ', 'ỗ', 'ộ'],
    ['ơ', 'ờ', 'ớ', 'ở', 'ỡ', 'ợ'],
    ['u', 'ù', 'ú', 'ủ', 'ũ', 'ụ'],
    ['ư', 'ừ', 'ứ', 'ử', 'ữ', 'ự'],
    ['y', 'ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
];

/// A letter taken apart: its lowercase base (a vowel shape such as 'ơ', or a consonant), its
/// tone, and whether it was a capital.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Letter {
    pub(crate) base: char,
    pub(crate) tone: Tone,
    pub(crate) upper: bool,
}

impl Letter {
    /// Whether the base is one of the twelve vowel shapes.
    pub(crate) fn is_vowel(self) -> bool {
        is_vowel_base(self.base)
    }

    /// The precomposed character for this letter.
    pub(crate) fn to_char(self) -> char {
        let lower = with_tone(self.base, self.tone);
        if self.upper && lower.is_ascii() {
            lower.to_ascii_uppercase()
        } else if self.upper {
            to_upper(lower)
        } else {
            lower
        }
    }
}

/// Whether `c` (lowercase) is one of the twelve vowel shapes without a tone.
pub(crate) fn is_vowel_base(c: char) -> bool {
    VOWELS.iter().any(|row| row[0] == c)
}

/// Whether the vowel base carries a shape mark (breve, circumflex or horn): ă â ê ô ơ ư.
pub(crate) fn has_shape(base: char) -> bool {
    matches!(base, 'ă' | 'â' | 'ê' | 'ô' | 'ơ' | 'ư')
}

/// `base` (a lowercase vowel shape) with `tone`; any other character comes back unchanged.
pub(crate) fn with_tone(base: char, tone: Tone) -> char {
    VOWELS
        .iter()
        .find(|row| row[0] == base)
        .and_then(|row| row.get(tone.index()).copied())
        .unwrap_or(base)
}

/// The capital of a letter. Every Vietnamese letter has a single-character capital.
pub(crate) fn to_upper(c: char) -> char {
    let mut it = c.to_uppercase();
    match (it.next(), it.next()) {
        (Some(u), None) => u,
        _ => c,
    }
}

fn to_lower(c: char) -> char {
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Takes a character apart into a [`Letter`]. Characters that are not letters come back as a
/// `Letter` whose base is the (lowercased) character itself with no tone.
pub(crate) fn letter(c: char) -> Letter {
    if c.is_ascii() {
        return Letter {
            base: c.to_ascii_lowercase(),
            tone: Tone::Level,
            upper: c.is_ascii_uppercase(),
        };
    }
    let lower = to_lower(c);
    let upper = lower != c;
    if lower.is_ascii() {
        return Letter {
            base: lower,
            tone: Tone::Level,
            upper,
        };
    }
    for row in &VOWELS {
        if let Some(t) = row.iter().position(|&v| v == lower) {
            return Letter {
                base: row[0],
                tone: Tone::ALL.get(t).copied().unwrap_or(Tone::Level),
                upper,
            };
        }
    }
    Letter {
        base: lower,
        tone: Tone::Level,
        upper,
    }
}

/// The consonant letters of the Vietnamese alphabet (lowercase); f, j, w and z are not among
/// them and appear only in loanwords.
pub(crate) fn is_consonant_base(c: char) -> bool {
    matches!(
        c,
        'b' | 'c'
            | 'd'
            | 'đ'
            | 'g'
            | 'h'
            | 'k'
            | 'l'
            | 'm'
            | 'n'
            | 'p'
            | 'q'
            | 'r'
            | 's'
            | 't'
            | 'v'
            | 'x'
    )
}

/// Every accented letter of the alphabet (66 vowel forms with a tone or shape mark, and đ),
/// lowercase; the tests iterate over it.
#[cfg(test)]
pub(crate) fn accented_letters() -> impl Iterator<Item = char> {
    VOWELS
        .iter()
        .flat_map(|row| row.iter().copied())
        .filter(|&c| !matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y'))
        .chain(std::iter::once('đ'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    /// The combining marks that build each row and column of the table.
    fn shape_mark(base: char) -> Option<(char, char)> {
        match base {
            'ă' => Some(('a', '\u{306}')),
            'â' => Some(('a', '\u{302}')),
            'ê' => Some(('e', '\u{302}')),
            'ô' => Some(('o', '\u{302}')),
            'ơ' => Some(('o', '\u{31B}')),
            'ư' => Some(('u', '\u{31B}')),
            _ => None,
        }
    }

    #[test]
    fn table_matches_unicode_composition() {
        let tone_marks = ['\0', '\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'];
        for row in &VOWELS {
            let (plain, shape) = shape_mark(row[0]).map_or((row[0], None), |(p, m)| (p, Some(m)));
            for (i, &c) in row.iter().enumerate() {
                let mut s = String::from(plain);
                s.extend(shape);
                if i > 0 {
                    s.push(tone_marks[i]);
                }
                let composed: String = s.nfc().collect();
                assert_eq!(composed, c.to_string(), "row {} column {i}", row[0]);
            }
        }
    }

    #[test]
    fn sixty_seven_accented_letters_with_capitals() {
        let all: Vec<char> = accented_letters().collect();
        assert_eq!(all.len(), 67);
        for c in all {
            let up = to_upper(c);
            assert_ne!(up, c, "{c} has a capital");
            let l = letter(up);
            assert!(l.upper);
            assert_eq!(l.to_char(), up);
            assert_eq!(letter(c).to_char(), c);
        }
    }
}
