//! Step 0: legacy encodings (TCVN3, VNI-Windows, VIQR) to Unicode, by choice or detected.
//!
//! Detection (`Encoding::Auto`, TCVN3 and VNI) works word by word inside each line, so a run
//! of mojibake inside Unicode text is repaired and the Unicode around it is untouched. A word
//! is decoded when, read as Unicode, it is not a Vietnamese syllable but decoded it is one
//! ("chøc" → "chức"). Words are weighed: one with a Latin-1 character that Vietnamese never
//! uses (æ, ø, Þ, µ, §...) is certainly legacy; one with a letter beyond Latin-1 (ư, ạ, đ...)
//! is certainly Unicode. A word whose only non-ASCII letters are Vietnamese ones (é, ô...) is
//! uncertain, whether it is a syllable both ways ("có" is also TCVN3 for "cú") or only once
//! decoded ("héi" → "hội", but also a Unicode typo like "tôc" for "tộc"): it is decoded only
//! when its nearest certain neighbours in the line are all legacy. So correct Unicode text
//! never changes: its words are syllables already, and are surrounded by such evidence.
//!
//! This step runs first: TCVN3 writes ư as 0xAD, the soft hyphen, which the spacing step
//! would otherwise delete.

use super::offsets::{Rule, Sink};
use super::syllable::parse;
use super::{tcvn3, viqr, vni, Encoding};

/// Runs the chosen decoding over `text`.
pub(crate) fn run<S: Sink>(text: &str, encoding: Encoding, sink: &mut S) {
    match encoding {
        Encoding::Unicode => {}
        Encoding::Viqr => viqr::run(text, sink),
        Encoding::Tcvn3 => {
            for (i, c) in text.char_indices() {
                if let Some(d) = tcvn3::decode(c) {
                    let mut buf = [0u8; 4];
                    sink.replace(i, i + c.len_utf8(), d.encode_utf8(&mut buf), Rule::Tcvn3);
                }
            }
        }
        Encoding::Vni => {
            for (s, e) in words(text) {
                if let Some(pieces) = text.get(s..e).and_then(vni::decode_word) {
                    emit_vni(text, s, &pieces, sink);
                }
            }
        }
        Encoding::Auto => auto(text, sink),
    }
}

/// Whether `c` can be part of a word written in a legacy encoding read as Latin-1: letters,
/// and every Latin-1 character from U+00A1 (TCVN3 uses most of them, including the soft
/// hyphen, as letters).
fn is_legacy_word_char(c: char) -> bool {
    c.is_alphabetic() || ('\u{A1}'..='\u{FF}').contains(&c)
}

/// The byte ranges of the words of `text`.
fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut it = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let (s, _) = loop {
            let (i, c) = it.next()?;
            if is_legacy_word_char(c) {
                break (i, c);
            }
        };
        let mut e = text.len();
        while let Some(&(i, c)) = it.peek() {
            if !is_legacy_word_char(c) {
                e = i;
                break;
            }
            it.next();
        }
        Some((s, e))
    })
}

fn emit_vni<S: Sink>(text: &str, offset: usize, pieces: &[vni::Piece], sink: &mut S) {
    let mut buf = [0u8; 4];
    for &(s, e, c) in pieces {
        let (s, e) = (offset + s, offset + e);
        if text
            .get(s..e)
            .is_some_and(|old| old.chars().ne(std::iter::once(c)))
        {
            sink.replace(s, e, c.encode_utf8(&mut buf), Rule::Vni);
        }
    }
}

/// What a word says about the encoding of its surroundings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Plain ASCII, or nothing recognizable: says nothing.
    Neutral,
    /// Certainly Unicode.
    Unicode,
    /// Not a syllable as Unicode, a syllable once decoded, and with a character Vietnamese
    /// text never has.
    Legacy { tcvn3: bool, vni: bool },
    /// A syllable once decoded, but made only of letters Vietnamese uses.
    Ambiguous { tcvn3: bool, vni: bool },
}

fn tcvn3_decoded(word: &str) -> String {
    word.chars()
        .map(|c| tcvn3::decode(c).unwrap_or(c))
        .collect()
}

fn vni_decoded(word: &str) -> Option<String> {
    vni::decode_word(word).map(|p| p.into_iter().map(|(_, _, c)| c).collect())
}

fn classify(word: &str) -> Class {
    if word.is_ascii() {
        return Class::Neutral;
    }
    if word.chars().any(|c| c as u32 > 0xFF) {
        return Class::Unicode;
    }
    let unicode = parse(word, true).is_some();
    let tcvn3 = word.chars().any(|c| tcvn3::decode(c).is_some())
        && parse(&tcvn3_decoded(word), true).is_some();
    let vni = word.chars().any(vni::is_code)
        && vni_decoded(word).is_some_and(|d| parse(&d, true).is_some());
    let foreign = word
        .chars()
        .any(|c| !c.is_ascii() && !is_vietnamese_latin1(c));
    match (unicode, tcvn3 || vni) {
        (true, false) => Class::Unicode,
        (false, true) if foreign => Class::Legacy { tcvn3, vni },
        (_, true) => Class::Ambiguous { tcvn3, vni },
        (false, false) => Class::Neutral,
    }
}

/// The Latin-1 letters that Vietnamese writes (à á â ã è é ê ì í ò ó ô õ ù ú ý and capitals).
fn is_vietnamese_latin1(c: char) -> bool {
    let l = c.to_lowercase().next().unwrap_or(c);
    "àáâãèéêìíòóôõùúý".contains(l)
}

/// Punctuation that ends a clause.
fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | ';' | ':' | '!' | '?' | '(' | ')' | '[' | ']' | '"' | '“' | '”' | '–' | '—'
    )
}

/// Detection, line by line.
fn auto<S: Sink>(text: &str, sink: &mut S) {
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        // Legacy text read as Latin-1 always has characters U+0080..U+00FF (bytes C2, C3).
        if line.bytes().any(|b| b == 0xC2 || b == 0xC3) {
            auto_line(text, line_start, line, sink);
        }
        line_start += line.len();
    }
}

fn auto_line<S: Sink>(text: &str, offset: usize, line: &str, sink: &mut S) {
    // Each word with its class and its clause (how many clause breaks precede it): an
    // uncertain word looks for evidence only within its clause, since a run of mojibake
    // pasted into Unicode text usually starts or ends at punctuation.
    let mut clause = 0;
    let mut last_end = 0;
    let found: Vec<(usize, usize, Class, usize)> = words(line)
        .filter_map(|(s, e)| {
            clause += line
                .get(last_end..s)?
                .chars()
                .filter(|&c| is_clause_break(c))
                .count();
            last_end = e;
            Some((s, e, classify(line.get(s..e)?), clause))
        })
        .collect();
    let is_decided =
        |w: &(usize, usize, Class, usize)| matches!(w.2, Class::Unicode | Class::Legacy { .. });
    // For each word, the nearest decided word before and after it in its clause: two passes,
    // so that a long line of uncertain words stays linear.
    let mut left_of: Vec<Option<usize>> = Vec::with_capacity(found.len());
    let mut last: Option<usize> = None;
    for (k, w) in found.iter().enumerate() {
        if last.and_then(|j| found.get(j)).is_some_and(|d| d.3 != w.3) {
            last = None;
        }
        left_of.push(last);
        if is_decided(w) {
            last = Some(k);
        }
    }
    let mut right_of: Vec<Option<usize>> = vec![None; found.len()];
    let mut next: Option<usize> = None;
    for (k, w) in found.iter().enumerate().rev() {
        if next.and_then(|j| found.get(j)).is_some_and(|d| d.3 != w.3) {
            next = None;
        }
        if let Some(slot) = right_of.get_mut(k) {
            *slot = next;
        }
        if is_decided(w) {
            next = Some(k);
        }
    }
    // Both readings work only for rare words; the neighbours' encoding decides, TCVN3
    // (by far the more common in administrative documents) otherwise.
    let neighbour_vni = found.iter().any(|w| {
        matches!(
            w.2,
            Class::Legacy {
                tcvn3: false,
                vni: true
            }
        )
    });
    for (k, &(s, e, class, _)) in found.iter().enumerate() {
        let (tcvn3, vni) = match class {
            Class::Legacy { tcvn3, vni } => (tcvn3, vni),
            Class::Ambiguous { tcvn3, vni } => {
                let left = left_of.get(k).copied().flatten().and_then(|j| found.get(j));
                let right = right_of
                    .get(k)
                    .copied()
                    .flatten()
                    .and_then(|j| found.get(j));
                let legacy_or_none = |w: Option<&(usize, usize, Class, usize)>| {
                    w.is_none_or(|w| w.2 != Class::Unicode)
                };
                if (left.is_none() && right.is_none())
                    || !legacy_or_none(left)
                    || !legacy_or_none(right)
                {
                    continue;
                }
                // Decode only in an encoding the neighbours are written in.
                let neighbours = [left, right];
                let fits = |f: fn(Class) -> bool| neighbours.iter().flatten().any(|w| f(w.2));
                let t = tcvn3 && fits(|c| matches!(c, Class::Legacy { tcvn3: true, .. }));
                let v = vni && fits(|c| matches!(c, Class::Legacy { vni: true, .. }));
                if !t && !v {
                    continue;
                }
                (t, v)
            }
            _ => continue,
        };
        let use_vni = vni && (!tcvn3 || neighbour_vni);
        let (s, e) = (offset + s, offset + e);
        let Some(word) = text.get(s..e) else { continue };
        if use_vni {
            if let Some(pieces) = vni::decode_word(word) {
                emit_vni(text, s, &pieces, sink);
            }
        } else {
            let mut buf = [0u8; 4];
            for (i, c) in word.char_indices() {
                if let Some(d) = tcvn3::decode(c) {
                    sink.replace(
                        s + i,
                        s + i + c.len_utf8(),
                        d.encode_utf8(&mut buf),
                        Rule::Tcvn3,
                    );
                }
            }
        }
    }
}

/// Decodes raw 8-bit text: each byte to the character with the same number (Latin-1), except
/// 0x80..0x9F, read as Windows-1252 (curly quotes, dashes) where it assigns them. TCVN3 and
/// VNI letters are all at 0xA1 and above, where the two agree, so the decoders above then
/// apply to the result unchanged.
pub(crate) fn decode_8bit(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| decode_byte(b)).collect()
}

/// One byte of 8-bit text as a character (see [`decode_8bit`]).
pub(crate) fn decode_byte(b: u8) -> char {
    const CP1252: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9F => CP1252
            .get(usize::from(b - 0x80))
            .copied()
            .unwrap_or('\u{FFFD}'),
        _ => char::from(b),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::offsets::Writer;

    fn auto_decode(s: &str) -> String {
        let mut w = Writer::new(s, false);
        run(s, Encoding::Auto, &mut w);
        w.finish().map_or(s.to_string(), |(out, _)| out)
    }

    #[test]
    fn repairs_a_run_and_nothing_else() {
        assert_eq!(
            auto_decode("ĐU-UBND phường tæ chøc  héi nghÞ Sơ kết"),
            "ĐU-UBND phường tổ chức  hội nghị Sơ kết"
        );
        for t in [
            "Sáng Ngày 31/3/2017",
            "Tôi là ai",
            "có",
            "Guðrún með",
            "café au lait",
            "Müller",
        ] {
            assert_eq!(auto_decode(t), t);
        }
        assert_eq!(auto_decode("ViÖt Nam cã"), "Việt Nam có");
        assert_eq!(auto_decode("Vieät Nam coù"), "Việt Nam có");
    }

    #[test]
    fn eight_bit_decoding() {
        assert_eq!(decode_8bit(b"t\xE6 \x93a\x94"), "tæ “a”");
    }
}
