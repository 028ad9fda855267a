//! VIQR (Vietnamese Quoted-Readable, RFC 1456): Vietnamese in plain ASCII, each mark typed
//! after its letter. Shapes: `(` breve (a), `^` circumflex (a e o), `+` horn (o u; `*` is also
//! accepted); tones: `` ` `` grave, `'` acute, `?` hook, `~` tilde, `.` dot below; `dd` for đ;
//! a backslash before a mark character keeps it literal ("\." is a full stop).
//!
//! The marks are ordinary punctuation too, so VIQR is decoded only when asked for, and with
//! the convention readers apply to untagged text: `.` and `?` right after a word are tone
//! marks only when a letter follows them, or a space and a lowercase word (a full stop or a
//! question mark ends a sentence, after which comes a capital or the end of the line).

use super::letters::{letter, Letter, Tone};
use super::offsets::{Rule, Sink};

fn tone_of(c: char) -> Option<Tone> {
    Some(match c {
        '`' => Tone::Grave,
        '\'' => Tone::Acute,
        '?' => Tone::Hook,
        '~' => Tone::Tilde,
        '.' => Tone::Dot,
        _ => return None,
    })
}

fn shaped(base: char, mark: char) -> Option<char> {
    Some(match (base, mark) {
        ('a', '(') => 'ă',
        ('a', '^') => 'â',
        ('e', '^') => 'ê',
        ('o', '^') => 'ô',
        ('o', '+' | '*') => 'ơ',
        ('u', '+' | '*') => 'ư',
        _ => return None,
    })
}

fn is_mark(c: char) -> bool {
    matches!(c, '(' | '^' | '+' | '*') || tone_of(c).is_some()
}

/// Decodes VIQR in `text`, reporting each decoded letter to `sink`.
pub(crate) fn run<S: Sink>(text: &str, sink: &mut S) {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let pos = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
    let mut buf = [0u8; 4];
    let mut k = 0;
    // Whether the current word already has a tone (one per syllable).
    let mut word_toned = false;
    while let Some(c) = at(k) {
        if !c.is_alphanumeric() {
            word_toned = false;
        }
        // Escaped mark: drop the backslash.
        if c == '\\' && at(k + 1).is_some_and(is_mark) {
            sink.replace(pos(k), pos(k + 1), "", Rule::Viqr);
            k += 2;
            continue;
        }
        // dd / DD / Dd at the start of a word: đ / Đ.
        let word_start = k == 0 || !at(k - 1).is_some_and(|p| p.is_alphanumeric());
        if word_start && matches!(c, 'd' | 'D') && at(k + 1).is_some_and(|d| d == 'd' || d == 'D') {
            let dd = if c == 'D' { "Đ" } else { "đ" };
            sink.replace(pos(k), pos(k + 2), dd, Rule::Viqr);
            k += 2;
            continue;
        }
        let l: Letter = letter(c);
        if !c.is_ascii_alphabetic() || !l.is_vowel() {
            k += 1;
            continue;
        }
        let mut out = l;
        let mut next = k + 1;
        if let Some(b) = at(next).and_then(|m| shaped(l.base, m)) {
            out.base = b;
            next += 1;
        }
        if let Some(t) = at(next).and_then(tone_of) {
            let after = at(next + 1);
            let is_tone = if matches!(at(next), Some('.' | '?')) {
                after.is_some_and(|a| a.is_alphabetic())
                    || (after == Some(' ') && at(next + 2).is_some_and(|a| a.is_lowercase()))
            } else {
                true
            };
            if is_tone && !word_toned {
                out.tone = t;
                word_toned = true;
                next += 1;
            }
        }
        if next > k + 1 {
            sink.replace(
                pos(k),
                pos(next),
                out.to_char().encode_utf8(&mut buf),
                Rule::Viqr,
            );
        }
        k = next;
    }
}

/// Encodes a Unicode letter in VIQR (for tests).
#[cfg(test)]
pub(crate) fn encode(c: char) -> String {
    if c == 'đ' {
        return "dd".into();
    }
    if c == 'Đ' {
        return "DD".into();
    }
    let l = letter(c);
    let (plain, shape) = match l.base {
        'ă' => ('a', Some('(')),
        'â' => ('a', Some('^')),
        'ê' => ('e', Some('^')),
        'ô' => ('o', Some('^')),
        'ơ' => ('o', Some('+')),
        'ư' => ('u', Some('+')),
        b => (b, None),
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
    s.extend(shape);
    s.extend(match l.tone {
        Tone::Level => None,
        Tone::Grave => Some('`'),
        Tone::Acute => Some('\''),
        Tone::Hook => Some('?'),
        Tone::Tilde => Some('~'),
        Tone::Dot => Some('.'),
    });
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::letters::{accented_letters, to_upper};
    use crate::normalize::offsets::Writer;

    fn decode(s: &str) -> String {
        let mut w = Writer::new(s, false);
        run(s, &mut w);
        w.finish().map_or(s.to_string(), |(out, _)| out)
    }

    #[test]
    fn every_letter_lower_and_upper() {
        for c in accented_letters() {
            for c in [c, to_upper(c)] {
                // Inside a word, so that "." and "?" read as marks; đ starts one.
                let (code, want) = if matches!(c, 'đ' | 'Đ') {
                    (format!("{}a", encode(c)), format!("{c}a"))
                } else {
                    (format!("x{}n", encode(c)), format!("x{c}n"))
                };
                assert_eq!(decode(&code), want, "{c} from {code:?}");
            }
        }
    }

    #[test]
    fn sentences() {
        assert_eq!(decode("Vie^.t Nam"), "Việt Nam");
        assert_eq!(decode("Ha` No^.i."), "Hà Nội.");
        assert_eq!(decode("ddo^. cao"), "độ cao");
        assert_eq!(decode("ra. Sau"), "ra. Sau");
        assert_eq!(decode("TP. Ho^` Chi' Minh"), "TP. Hồ Chí Minh");
        assert_eq!(decode("Co' khoe? kho^ng?"), "Có khoẻ không?");
        assert_eq!(decode("a\\."), "a.");
    }
}
