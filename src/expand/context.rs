//! What the text around a hit says about it: inside a document number, already defined in
//! the text ("quy chế phối hợp (QCPH)"), or which sense its neighbours select.

use crate::dict::Sense;
use crate::text::{char_at, char_before, fold, is_word_char};

/// One context phrase of a sense, ready for comparison.
#[derive(Clone, Debug)]
pub(crate) enum Phrase {
    /// A folded phrase (see [`fold`]).
    Words(String),
    /// `{Name}`: a capitalized word, as in "TP Tuyên Quang".
    Name,
    /// `{Number}`: digits, as in "Q. 1".
    Number,
}

impl Phrase {
    fn new(raw: &str) -> Phrase {
        match raw {
            "{Name}" => Phrase::Name,
            "{Number}" => Phrase::Number,
            s => Phrase::Words(fold(s)),
        }
    }
}

/// The compiled context of one sense, and its folded expansion (to recognize definitions).
#[derive(Clone, Debug)]
pub(crate) struct SenseContext {
    followed_by: Vec<Phrase>,
    preceded_by: Vec<Phrase>,
    folded_expansion: String,
    /// How many characters of neighbouring text a phrase comparison needs: the longest
    /// phrase, plus one for the word boundary after it.
    phrase_window: usize,
    /// The same for the expansion, to recognize definitions.
    expansion_window: usize,
}

impl SenseContext {
    pub(crate) fn new(sense: &Sense) -> SenseContext {
        let chars = |s: &String| s.chars().count() + 1;
        let phrase_window = sense
            .followed_by
            .iter()
            .chain(&sense.preceded_by)
            .map(chars)
            .max()
            .unwrap_or(0);
        SenseContext {
            followed_by: sense.followed_by.iter().map(|p| Phrase::new(p)).collect(),
            preceded_by: sense.preceded_by.iter().map(|p| Phrase::new(p)).collect(),
            folded_expansion: fold(&sense.expansion),
            phrase_window,
            expansion_window: chars(&sense.expansion),
        }
    }

    /// Whether the text around the hit selects this sense.
    pub(crate) fn selects(&self, around: &mut Surroundings<'_>) -> bool {
        (!self.followed_by.is_empty() && {
            let n = around.after(self.phrase_window);
            self.followed_by.iter().any(|p| n.starts_with(p))
        }) || (!self.preceded_by.is_empty() && {
            let n = around.before(self.phrase_window);
            self.preceded_by.iter().any(|p| n.ends_with(p))
        })
    }

    /// How many characters around a hit the phrases of this sense look at.
    pub(crate) fn phrase_window(&self) -> usize {
        self.phrase_window
    }

    /// Whether `start..end` is the abbreviation of a definition of this sense written in the
    /// text (see [`may_be_definition`] for the cheap test to run first), either
    /// "quy chế phối hợp (QCPH)" or "QCPH (quy chế phối hợp)".
    pub(crate) fn is_defined_at(&self, text: &str, start: usize, end: usize) -> bool {
        let exp = &self.folded_expansion;
        // "expansion (ABBR)"
        let open = skip_spaces_back(text, start);
        if char_before(text, open) == Some('(') {
            let close = skip_spaces(text, end);
            if char_at(text, close) == Some(')') {
                let n = Neighbour::before(text, open - 1, self.expansion_window);
                if n.ends_with_folded(exp) {
                    return true;
                }
            }
        }
        // "ABBR (expansion)"
        let open = skip_spaces(text, end);
        if char_at(text, open) == Some('(') {
            let n = Neighbour::after(text, open + 1, self.expansion_window + 1);
            if n.starts_with_folded(exp) && n.folded[exp.len()..].trim_start().starts_with(')') {
                return true;
            }
        }
        false
    }
}

/// Whether `start..end` is part of a web or e-mail address ("https://…/UBND-TDP",
/// "UBND@hanoi.gov.vn", "ANTD.VN"): an identifier, like a document number, left as written.
pub(crate) fn in_address(text: &str, start: usize, end: usize) -> bool {
    // Inside an address, an abbreviation touches one of its punctuation marks; almost every
    // abbreviation in running text touches a space or a comma instead, and stops here.
    let joins = |c: Option<char>| {
        c.is_some_and(|c| matches!(c, '/' | '.' | '@' | ':' | '-' | '_' | '=' | '?' | '&' | '#'))
    };
    if !joins(char_before(text, start)) && !joins(char_at(text, end)) {
        return false;
    }
    // Addresses have no spaces; look at most this far for the ends of one.
    const REACH: usize = 256;
    let is_edge =
        |c: char| c.is_whitespace() || matches!(c, '<' | '>' | '(' | ')' | '"' | '\'' | ',' | ';');
    let from = crate::text::floor_char_boundary(text, start.saturating_sub(REACH));
    let to = crate::text::floor_char_boundary(text, end.saturating_add(REACH));
    let token_start = text[from..start].rfind(is_edge).map_or(from, |i| {
        from + i + text[from + i..].chars().next().map_or(1, char::len_utf8)
    });
    let token_end = text[end..to].find(is_edge).map_or(to, |i| end + i);
    let token = &text[token_start..token_end];
    if token.contains("://") || token.starts_with("www.") {
        return true;
    }
    if let Some(at) = token.find('@') {
        if token[at..].contains('.') {
            return true;
        }
    }
    // A host name: ASCII labels joined by dots, ending in a common top-level domain
    // ("mttq.gov.vn", "ANTD.VN"), not a sentence run together ("phường.UBND", "TP.HCM").
    let host = token.split(['/', ':']).next().unwrap_or_default();
    let tld = host.rsplit('.').next().unwrap_or_default();
    host.contains('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && ["vn", "com", "net", "org", "gov", "edu", "info", "int"]
            .iter()
            .any(|t| tld.eq_ignore_ascii_case(t))
}

/// Whether a parenthesis stands right before or right after `start..end`: the cheap test
/// before any sense is checked for a definition.
pub(crate) fn may_be_definition(text: &str, start: usize, end: usize) -> bool {
    char_before(text, skip_spaces_back(text, start)) == Some('(')
        || char_at(text, skip_spaces(text, end)) == Some('(')
}

/// Whether `start..end` stands alone in parentheses after words whose initials spell it:
/// "Khách hàng (KH)", "Đảng ủy (ĐU)". When none of the entry's senses is what those words
/// say, the author has defined the abbreviation with a meaning of their own. The initials
/// keep a place or a remark in parentheses ("phường Thủ Dầu Một (TPHCM)") from counting.
pub(crate) fn defined_otherwise(text: &str, start: usize, end: usize) -> bool {
    let open = skip_spaces_back(text, start);
    if char_before(text, open) != Some('(') || char_at(text, skip_spaces(text, end)) != Some(')') {
        return false;
    }
    let letters: Vec<char> = text[start..end]
        .chars()
        .filter(|c| c.is_alphabetic())
        .map(initial)
        .collect();
    // Abbreviations are a few letters; a long one is not a row of initials.
    if letters.is_empty() || letters.len() > 12 {
        return false;
    }
    let before = &text[..open - 1];
    let words = before
        .rsplit(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .take(letters.len());
    let mut initials: Vec<char> = words
        .filter_map(|w| w.chars().next())
        .map(initial)
        .collect();
    initials.reverse();
    initials == letters
}

/// A letter as an initial: upper case, without its diacritics, look-alikes of Đ as Đ.
fn initial(c: char) -> char {
    let c = crate::text::unlook_alike(c);
    let mut base = c;
    if !matches!(c, 'Đ' | 'đ') {
        unicode_normalization::char::decompose_canonical(c, |d| {
            if base == c {
                base = d;
            }
        });
    }
    base.to_uppercase().next().unwrap_or(base)
}

/// The folded text on both sides of a hit, computed once for all the senses of its entry
/// (folding is the costly part of a context check).
pub(crate) struct Surroundings<'t> {
    text: &'t str,
    start: usize,
    end: usize,
    /// Characters to fold on each side: the widest phrase of any sense of the entry.
    window: usize,
    after: Option<Neighbour<'t>>,
    before: Option<Neighbour<'t>>,
}

impl<'t> Surroundings<'t> {
    pub(crate) fn new(text: &'t str, start: usize, end: usize, window: usize) -> Surroundings<'t> {
        Surroundings {
            text,
            start,
            end,
            window,
            after: None,
            before: None,
        }
    }

    fn after(&mut self, window: usize) -> &Neighbour<'t> {
        let (text, end) = (self.text, self.end);
        let window = window.max(self.window);
        self.after
            .get_or_insert_with(|| Neighbour::after(text, end, window))
    }

    fn before(&mut self, window: usize) -> &Neighbour<'t> {
        let (text, start) = (self.text, self.start);
        let window = window.max(self.window);
        self.before
            .get_or_insert_with(|| Neighbour::before(text, start, window))
    }
}

/// The folded text next to a hit, on the same line.
struct Neighbour<'t> {
    raw: &'t str,
    folded: String,
}

impl<'t> Neighbour<'t> {
    /// Up to `window` characters after `end` (past spaces), on the same line.
    fn after(text: &'t str, end: usize, window: usize) -> Neighbour<'t> {
        let from = skip_spaces(text, end);
        let rest = &text[from..];
        let mut stop = rest.len();
        for (n, (i, c)) in rest.char_indices().enumerate() {
            if c == '\n' || n == window {
                stop = i;
                break;
            }
        }
        let raw = &rest[..stop];
        Neighbour {
            raw,
            folded: fold(raw),
        }
    }

    /// Up to `window` characters before `start` (past spaces), on the same line.
    fn before(text: &'t str, start: usize, window: usize) -> Neighbour<'t> {
        let to = skip_spaces_back(text, start);
        let head = &text[..to];
        let mut from = 0;
        for (n, (i, c)) in head.char_indices().rev().enumerate() {
            if c == '\n' {
                from = i + 1;
                break;
            }
            if n + 1 == window {
                from = i;
                break;
            }
        }
        let raw = &head[from..];
        Neighbour {
            raw,
            folded: fold(raw),
        }
    }

    fn starts_with(&self, p: &Phrase) -> bool {
        match p {
            Phrase::Words(w) => self.starts_with_folded(w),
            Phrase::Number => self.raw.starts_with(|c: char| c.is_ascii_digit()),
            Phrase::Name => is_name_word(self.raw.split(|c: char| !is_word_char(c)).next()),
        }
    }

    fn ends_with(&self, p: &Phrase) -> bool {
        match p {
            Phrase::Words(w) => self.ends_with_folded(w),
            Phrase::Number => self.raw.ends_with(|c: char| c.is_ascii_digit()),
            Phrase::Name => is_name_word(self.raw.rsplit(|c: char| !is_word_char(c)).next()),
        }
    }

    fn starts_with_folded(&self, w: &str) -> bool {
        !w.is_empty()
            && self.folded.starts_with(w)
            && !self.folded[w.len()..]
                .chars()
                .next()
                .is_some_and(is_word_char)
    }

    fn ends_with_folded(&self, w: &str) -> bool {
        !w.is_empty()
            && self.folded.ends_with(w)
            && !self.folded[..self.folded.len() - w.len()]
                .chars()
                .next_back()
                .is_some_and(is_word_char)
    }
}

/// A capitalized word: an upper-case letter followed by a lower-case one ("Tuyên", "Hồ"),
/// not an all-capital abbreviation.
fn is_name_word(word: Option<&str>) -> bool {
    let mut letters = word.unwrap_or("").chars().filter(|c| c.is_alphabetic());
    matches!((letters.next(), letters.next()), (Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase())
}

/// Spaces and tabs (including no-break spaces) that do not end a line.
fn is_inline_space(c: char) -> bool {
    c != '\n' && c != '\r' && c.is_whitespace()
}

fn skip_spaces(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_at(text, i).filter(|&c| is_inline_space(c)) {
        i += c.len_utf8();
    }
    i
}

fn skip_spaces_back(text: &str, mut i: usize) -> usize {
    while let Some(c) = char_before(text, i).filter(|&c| is_inline_space(c)) {
        i -= c.len_utf8();
    }
    i
}

/// Skips spaces backwards, and at most one line break among them.
fn skip_blank_back(text: &str, i: usize) -> usize {
    let mut i = skip_spaces_back(text, i);
    if text[..i].ends_with('\n') {
        i -= 1;
        if text[..i].ends_with('\r') {
            i -= 1;
        }
        i = skip_spaces_back(text, i);
    }
    i
}

/// Whether the hit starting at byte `start` is part of a document number (số hiệu văn bản):
/// "23/KH-UBND-UBMTTQ", "16/2022/QĐ-UBND", "85-NQ/ĐU", "11- QĐ/TW", "30/2020/NĐ-CP", also
/// across a line break after the separator ("25-\nNQ/TW"). Such codes are identifiers and are
/// left as written.
///
/// Walking left from the hit: a separator (- – / &), then either digits glued to that
/// separator (the number itself, or the year) or another code, from which the walk goes on.
/// Digits separated from a hyphen by a space ("Quận 5 - UBND") are a list, not a number.
pub(crate) fn in_document_number(text: &str, start: usize) -> bool {
    let mut pos = start;
    // A document number has a handful of parts; the bound keeps hostile input linear.
    for _ in 0..16 {
        let p = skip_blank_back(text, pos);
        let sep = match char_before(text, p) {
            Some(c @ ('-' | '\u{2013}' | '/' | '&')) => c,
            _ => return false,
        };
        let sep_at = p - sep.len_utf8();
        let q = skip_blank_back(text, sep_at);
        let Some(prev) = char_before(text, q) else {
            return false;
        };
        if prev.is_ascii_digit() {
            return q == sep_at;
        }
        // A code: ASCII letters, digits and Đ/đ, starting with a capital.
        let code_start = text[..q]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_ascii_alphanumeric() || c == 'Đ' || c == 'đ')
            .last()
            .map_or(q, |(i, _)| i);
        let first = char_at(text, code_start);
        if code_start == q || !first.is_some_and(|c| c.is_ascii_uppercase() || c == 'Đ') {
            return false;
        }
        pos = code_start;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docnum(text: &str, abbr: &str) -> bool {
        in_document_number(text, text.find(abbr).unwrap())
    }

    #[test]
    fn document_numbers() {
        assert!(docnum("Kế hoạch số 23/KH-UBND-UBMTTQ ngày", "UBMTTQ"));
        assert!(docnum("Kế hoạch số 23/KH-UBND-UBMTTQ ngày", "KH"));
        assert!(docnum("Quyết định 16/2022/QĐ-UBND", "UBND"));
        assert!(docnum("Nghị quyết 85-NQ/ĐU của", "ĐU"));
        assert!(docnum("Quy định số 11- QĐ/TW", "TW"));
        assert!(docnum("Nghị định 30/2020/NĐ-CP", "NĐ"));
        assert!(docnum("Nghị quyết 25-\nNQ/TW", "NQ"));
        assert!(docnum("16/2022/QĐ – UBND", "UBND"));
        assert!(!docnum("Phường 7 - UBND", "UBND"));
        assert!(!docnum("phường, UBND – UBMTTQ phường", "UBMTTQ"));
        assert!(!docnum("Đảng ủy – HĐND – UBND", "UBND"));
        assert!(!docnum("ĐU- HĐND- UBND- UB MTTQ", "UB MTTQ"));
        assert!(!docnum("UBND", "UBND"));
    }
}
