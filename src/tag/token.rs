//! The items of a paragraph: its words and separators, with the abbreviations spelled out
//! ("UB MTTQ" becomes the words "Ủy ban Mặt trận Tổ quốc", each keeping the span of the
//! abbreviation), ready for the phrase tables.

use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashMap;
use std::ops::Range;

use super::key::{FxBuild, Key};
use super::vocab::{
    ascii_class, char_class, lexicon, sep_key, word_char, CharClass, Vocab, WordId, WrittenWords,
};
use crate::expand::{Expander, MatchKind};

/// What an item is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ItemKind {
    Word,
    /// Punctuation: its key is the character, with every dash as "-".
    Sep,
    /// A blank line: the end of a paragraph.
    Break,
}

/// One word or separator, borrowing its text from the input or the dictionaries.
#[derive(Clone, Debug)]
pub(crate) struct Item<'a> {
    pub(crate) kind: ItemKind,
    /// The comparison key ([`Key`]) of a word, or the separator character. A word's key
    /// is computed when first asked for: most words are never compared with the
    /// vocabulary.
    key: OnceCell<Key>,
    /// The word's number in the [`Lexicon`](super::vocab::Lexicon), [`UNSET`] until first
    /// asked for.
    id: Cell<WordId>,
    /// The word as written, or the word of an abbreviation's expansion.
    pub(crate) text: &'a str,
    /// Byte range in the viewed text (for an expansion's words: the abbreviation's).
    pub(crate) start: usize,
    pub(crate) end: usize,
    /// Starts with a capital letter.
    pub(crate) cap: bool,
    /// Written all in capitals, two letters or more (an abbreviation or a heading).
    pub(crate) caps: bool,
    /// A line break comes right before it.
    pub(crate) newline_before: bool,
}

impl Item<'_> {
    pub(crate) fn is_word(&self) -> bool {
        self.kind == ItemKind::Word
    }

    /// Whether this is the word `w` (compared by key).
    pub(crate) fn is(&self, w: &str) -> bool {
        self.kind == ItemKind::Word && *self.key() == Key::new(w)
    }

    /// The word's number in the [`Lexicon`](super::vocab::Lexicon) (of its key: a
    /// separator's is its character's), looked up when first asked for.
    pub(crate) fn id(&self) -> WordId {
        let id = self.id.get();
        if id != UNSET {
            return id;
        }
        let id = if self.kind == ItemKind::Word {
            word_id(self.text, || self.key())
        } else {
            lexicon().id(self.key())
        };
        self.id.set(id);
        id
    }

    pub(crate) fn is_sep(&self, c: char) -> bool {
        self.kind == ItemKind::Sep && self.key().as_str().starts_with(c)
    }

    /// The comparison key of a word (its text's [`Key`]), or the separator character
    /// (the first of its text: a separator of an expansion may be longer), every dash as
    /// "-". Computed when first asked for, separators too: most items are never compared.
    pub(crate) fn key(&self) -> &Key {
        self.key.get_or_init(|| match self.kind {
            ItemKind::Word => Key::new(self.text),
            ItemKind::Sep | ItemKind::Break => {
                Key::of_char(sep_key(self.text.chars().next().unwrap_or('-')))
            }
        })
    }
}

/// The [`Lexicon`](super::vocab::Lexicon) number of the word written `text`, whose key
/// `key` computes.
///
/// A text repeats its words, so numbers are kept by the words as written, per thread (the
/// number of a written word never changes: keeping it only saves computing its key and
/// looking that up again). See [`WrittenWords`] for how many are kept.
fn word_id<'k>(text: &str, key: impl FnOnce() -> &'k Key) -> WordId {
    thread_local! {
        static WORDS: RefCell<WrittenWords> = RefCell::new(WrittenWords::default());
    }
    WORDS.with(|words| {
        let Ok(mut words) = words.try_borrow_mut() else {
            return lexicon().id(key());
        };
        words.id(text, || lexicon().id(key()))
    })
}

/// The [`Item::id`] of an item not looked up yet.
const UNSET: WordId = WordId::MAX - 1;

/// What a word's characters say about its case, gathered while it is read.
#[derive(Default)]
struct WordFlags {
    /// Characters seen (the first one decides `cap`).
    seen: bool,
    cap: bool,
    letters: usize,
    lower: bool,
}

impl WordFlags {
    fn add(&mut self, class: CharClass) {
        if !self.seen {
            self.seen = true;
            self.cap = class.upper();
        }
        self.add_more(class);
    }

    /// A character after the first.
    fn add_more(&mut self, class: CharClass) {
        self.letters += usize::from(class.letter());
        self.lower |= class.lower();
    }

    fn add_ascii(&mut self, b: u8) {
        if !self.seen {
            self.seen = true;
            self.cap = b.is_ascii_uppercase();
        }
        self.letters += usize::from(b.is_ascii_alphabetic());
        self.lower |= b.is_ascii_lowercase();
    }

    fn item(self, text: &str, start: usize, end: usize, newline_before: bool) -> Item<'_> {
        Item {
            kind: ItemKind::Word,
            key: OnceCell::new(),
            id: Cell::new(UNSET),
            text,
            start,
            end,
            cap: self.cap,
            // All capitals: two letters or more and no lower-case one.
            caps: self.letters >= 2 && !self.lower,
            newline_before,
        }
    }
}

/// The character at byte `i` of `bytes` (the bytes of a `str`, `i` a character boundary)
/// and its length, decoded from the UTF-8 bytes directly: cheaper than slicing the `str`
/// at `i` first, which checks the boundary again.
#[inline]
fn char_at(bytes: &[u8], i: usize) -> Option<(char, usize)> {
    let b = *bytes.get(i)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    // The payload of the `k`th continuation byte.
    let cont = |k: usize| bytes.get(i + k).map(|&x| u32::from(x & 0x3F));
    let (u, len) = if b < 0xE0 {
        ((u32::from(b & 0x1F) << 6) | cont(1)?, 2)
    } else if b < 0xF0 {
        ((u32::from(b & 0x0F) << 12) | (cont(1)? << 6) | cont(2)?, 3)
    } else {
        let u = (u32::from(b & 0x07) << 18) | (cont(1)? << 12) | (cont(2)? << 6) | cont(3)?;
        (u, 4)
    };
    Some((char::from_u32(u)?, len))
}

/// The length of the letter at byte `i` of `bytes` if it is one of the Latin blocks where
/// every character is a word character ([`word_char`]): U+00C0–U+023F but "×" and "÷"
/// (Vietnamese letters without a tone mark), and U+1E00–U+1EFF (with one).
#[inline]
fn latin_letter_len(bytes: &[u8], i: usize) -> Option<usize> {
    match *bytes.get(i)? {
        0xC3 => bytes
            .get(i + 1)
            .filter(|&&b| b != 0x97 && b != 0xB7)
            .map(|_| 2),
        0xC4..=0xC8 => Some(2),
        0xE1 => bytes
            .get(i + 1)
            .filter(|b| (0xB8..=0xBB).contains(*b))
            .map(|_| 3),
        _ => None,
    }
}

/// Which bytes are ASCII letters and digits, for the innermost loop of the tokenizer (one
/// load, where `u8::is_ascii_alphanumeric` compares three ranges).
const ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0u8;
    while b < 128 {
        table[b as usize] = b.is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// The character at byte `i` of `s` (a character boundary), its length and class.
#[inline]
fn char_and_class(s: &str, i: usize) -> Option<(char, usize, CharClass)> {
    let (c, len) = char_at(s.as_bytes(), i)?;
    Some((c, len, char_class(c)))
}

/// The raw words and separators of `text[range]`.
///
/// Most of the text is ASCII letters and spaces, read a byte at a time through a table of
/// their classes; other characters are decoded and classed through [`char_class`].
pub(crate) fn raw_items(text: &str, range: Range<usize>) -> Vec<Item<'_>> {
    let mut items = Vec::new();
    raw_items_into(text, range, &mut items);
    items
}

/// [`raw_items`] into `items` (cleared first), so that one buffer serves paragraph after
/// paragraph: a document's paragraphs mostly name nobody, and their items are dropped as
/// soon as they are read.
pub(crate) fn raw_items_into<'t>(text: &'t str, range: Range<usize>, items: &mut Vec<Item<'t>>) {
    items.clear();
    let Some(slice) = text.get(range.clone()) else {
        return;
    };
    let bytes = slice.as_bytes();
    // About one item per four bytes of Vietnamese text: room for all of them at once.
    items.reserve(slice.len() / 3 + 4);
    let base = range.start;
    let mut newlines = 0usize;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // Most separators are one space.
        if b == b' ' {
            i += 1;
            continue;
        }
        let (len, class) = if b.is_ascii() {
            (1, ascii_class(b))
        } else {
            match char_and_class(slice, i) {
                Some((_, len, class)) => (len, class),
                None => break,
            }
        };
        if class.space() {
            newlines += usize::from(b == b'\n');
            i += len;
            continue;
        }
        if newlines >= 2 && !items.is_empty() {
            items.push(Item {
                kind: ItemKind::Break,
                key: OnceCell::new(),
                id: Cell::new(UNSET),
                text: "\n",
                start: base + i,
                end: base + i,
                cap: false,
                caps: false,
                newline_before: true,
            });
        }
        let newline_before = newlines > 0;
        newlines = 0;
        if !class.word() {
            items.push(Item {
                kind: ItemKind::Sep,
                key: OnceCell::new(),
                id: Cell::new(UNSET),
                text: slice.get(i..i + len).unwrap_or_default(),
                start: base + i,
                end: base + i + len,
                cap: false,
                caps: false,
                newline_before,
            });
            i += len;
            continue;
        }
        let start = i;
        let mut flags = WordFlags::default();
        flags.add(class);
        i += len;
        while let Some(&b) = bytes.get(i) {
            // Once the word has a lower-case letter, its case is settled (not all
            // capitals): the rest is only read to its end, the common letters of
            // Vietnamese without decoding them.
            if flags.lower {
                if ASCII_ALNUM.get(usize::from(b)) == Some(&true) {
                    i += 1;
                    continue;
                }
                if let Some(len) = latin_letter_len(bytes, i) {
                    i += len;
                    continue;
                }
            }
            let (len, class) = if b.is_ascii() {
                (1, ascii_class(b))
            } else {
                match char_and_class(slice, i) {
                    Some((_, len, class)) => (len, class),
                    None => break,
                }
            };
            if !class.word() {
                break;
            }
            flags.add_more(class);
            i += len;
        }
        // "đ/c" (đồng chí) is one word.
        let word = bytes.get(start..i).unwrap_or_default();
        if (word == "đ".as_bytes() || word == "Đ".as_bytes())
            && matches!(bytes.get(i..i + 2), Some(b"/c") | Some(b"/C"))
            && !char_and_class(slice, i + 2).is_some_and(|(_, _, class)| class.word())
        {
            flags.add_ascii(b'/');
            flags.add_ascii(bytes.get(i + 1).copied().unwrap_or(b'c'));
            i += 2;
        }
        let word = slice.get(start..i).unwrap_or_default();
        items.push(flags.item(word, base + start, base + i, newline_before));
    }
}

/// An abbreviation spelled out: the dictionary's words, then the document number written
/// after the abbreviation, if any ("P10": "phường", "10").
#[derive(Clone, Copy)]
struct Expansion<'a> {
    words: &'a str,
    number: &'a str,
}

/// Pushes the words of an expansion, each spanning `start..end`. An expansion's word is
/// never read as written in capitals (it is not an abbreviation): of its case, only its
/// first letter counts.
fn push_expansion<'a>(
    out: &mut Vec<Item<'a>>,
    expansion: Expansion<'a>,
    start: usize,
    end: usize,
    nl: bool,
) {
    /// A word of an expansion as an item takes it: where it is in the expansion, whether
    /// it is a separator, whether it starts with a capital, and its number in the
    /// lexicon.
    #[derive(Clone, Copy)]
    struct Word {
        at: usize,
        len: usize,
        sep: bool,
        cap: bool,
        id: WordId,
    }
    fn read(text: &str) -> Vec<Word> {
        text.split_whitespace()
            .map(|word| {
                let first = word.chars().next().map(char_class).unwrap_or_default();
                let sep = !first.word() && word.chars().all(|c| !word_char(c));
                Word {
                    at: (word.as_ptr() as usize).saturating_sub(text.as_ptr() as usize),
                    len: word.len(),
                    sep,
                    cap: !sep && first.upper(),
                    id: if sep {
                        UNSET
                    } else {
                        lexicon().id(&Key::new(word))
                    },
                }
            })
            .collect()
    }
    thread_local! {
        /// The words of the expansions met, by their text: a document spells out the same
        /// few abbreviations again and again, and reading one costs more than looking it
        /// up. At most [`EXPANSIONS_KEPT`] are kept, then the memo starts afresh.
        static EXPANSIONS: RefCell<HashMap<Box<str>, Vec<Word>, FxBuild>> =
            RefCell::new(HashMap::default());
    }
    const EXPANSIONS_KEPT: usize = 1 << 12;
    let mut newline_before = nl;
    let mut push = |word: &Word, text: &'a str| {
        let text = text.get(word.at..word.at + word.len).unwrap_or_default();
        out.push(Item {
            kind: if word.sep {
                ItemKind::Sep
            } else {
                ItemKind::Word
            },
            key: OnceCell::new(),
            id: Cell::new(word.id),
            text,
            start,
            end,
            cap: word.cap,
            caps: false,
            newline_before,
        });
        newline_before = false;
    };
    EXPANSIONS.with(|memo| match memo.try_borrow_mut() {
        Ok(mut memo) => {
            if let Some(words) = memo.get(expansion.words) {
                words.iter().for_each(|w| push(w, expansion.words));
                return;
            }
            let words = read(expansion.words);
            words.iter().for_each(|w| push(w, expansion.words));
            if memo.len() >= EXPANSIONS_KEPT {
                memo.clear();
            }
            memo.insert(expansion.words.into(), words);
        }
        Err(_) => read(expansion.words)
            .iter()
            .for_each(|w| push(w, expansion.words)),
    });
    // (A document number is the document's: its words are read where they are.)
    if !expansion.number.is_empty() {
        read(expansion.number)
            .iter()
            .for_each(|w| push(w, expansion.number));
    }
}

/// The items of `text[range]`, abbreviations spelled out: first by the role-only readings
/// of the tagger, then by the expander's dictionaries (document numbers stay as written).
/// `raw` holds the [`raw_items`] of a paragraph around the range (the keys they have
/// computed are kept); those that start outside the range are dropped.
pub(crate) fn spelled_out<'a>(
    text: &'a str,
    range: Range<usize>,
    mut raw: Vec<Item<'a>>,
    expander: &'a Expander,
    vocab: &Vocab,
) -> Vec<Item<'a>> {
    // Items start in order. Those before the range are dropped last, so that the items of
    // the range are moved once, when they are spelled out, rather than twice.
    let hi = raw.partition_point(|it| it.start < range.end);
    raw.truncate(hi);
    let lo = raw.partition_point(|it| it.start < range.start);
    let Some(slice) = text.get(range.clone()) else {
        raw.drain(..lo);
        return raw;
    };
    let base = range.start;
    let capitals = raw
        .get(lo..)
        .unwrap_or_default()
        .iter()
        .any(|it| it.caps || it.text.bytes().any(|b| b.is_ascii_uppercase()));
    // (start, end, expansion) of every abbreviation the dictionaries spell out, read as
    // the items are.
    let mut next = capitals
        .then(|| expander.find_iter(slice))
        .into_iter()
        .flatten()
        .filter_map(|m| {
            if !matches!(m.kind(), MatchKind::Expansion | MatchKind::Definition) {
                return None;
            }
            let words = m.expansion()?;
            let number = m
                .number_span()
                .and_then(|number| slice.get(number.range()))
                .unwrap_or_default();
            Some((
                base + m.start(),
                base + m.end(),
                Expansion { words, number },
            ))
        })
        .peekable();
    // Where the items change: (first raw item replaced, raw items replaced, expansion).
    // Found first, so that the items between are moved in blocks, and a window with
    // nothing to spell out keeps its items as they are.
    let mut splices: Vec<(usize, usize, Expansion<'a>, usize, usize)> = Vec::with_capacity(8);
    let mut k = lo;
    while let Some(item) = raw.get(k) {
        while next.peek().is_some_and(|e| e.0 < item.start) {
            next.next();
        }
        // Only a word in capitals or the start of an abbreviation changes anything: the
        // items before the next of either are passed over.
        let stop = next.peek().map_or(usize::MAX, |e| e.0);
        if !item.caps && item.start < stop {
            let rest = raw.get(k + 1..).unwrap_or_default();
            k += 1 + rest
                .iter()
                .position(|it| it.caps || it.start >= stop)
                .unwrap_or(rest.len());
            continue;
        }
        // A dictionary form over several words ("UB MTTQ") wins over a role-only reading
        // of its first word ("UB").
        let longer = next
            .peek()
            .is_some_and(|e| e.0 == item.start && e.1 > item.end);
        if item.is_word() && item.caps && !longer {
            if let Some(&words) = vocab.role_abbreviations.get(item.text) {
                let reading = Expansion { words, number: "" };
                splices.push((k, 1, reading, item.start, item.end));
                k += 1;
                continue;
            }
        }
        match next.peek() {
            Some(&(start, end, expansion)) if start == item.start => {
                // The raw items the abbreviation covers (items start in order).
                let n = raw
                    .get(k..)
                    .unwrap_or_default()
                    .iter()
                    .take_while(|it| it.start < end)
                    .count();
                splices.push((k, n, expansion, start, end));
                next.next();
                k += n.max(1);
            }
            _ => k += 1,
        }
    }
    if splices.is_empty() {
        raw.drain(..lo);
        return raw;
    }
    let mut out = Vec::with_capacity(raw.len() - lo + 4 * splices.len());
    let mut rest = raw.into_iter();
    if let Some(last_before) = lo.checked_sub(1) {
        drop(rest.nth(last_before));
    }
    let mut at = lo;
    for (k, n, expansion, start, end) in splices {
        out.extend(rest.by_ref().take(k.saturating_sub(at)));
        let nl = rest.next().is_some_and(|first| first.newline_before);
        rest.by_ref().take(n.saturating_sub(1)).for_each(drop);
        push_expansion(&mut out, expansion, start, end, nl);
        at = k + n;
    }
    out.extend(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::super::vocab::NOT_A_PHRASE_WORD;
    use super::*;

    /// The memo gives every written word the number its key has in the lexicon, on first
    /// sight and after, whatever the case or tone placement it is written with.
    #[test]
    fn word_numbers_are_those_of_their_keys() {
        let number = |word: &str| {
            let key = Key::new(word);
            word_id(word, || &key)
        };
        for word in [
            "Chủ", "chủ", "CHỦ", "tịch", "Uỷ", "Ủy", "ủy", "Nguyễn", "xyz", "đ/c",
        ] {
            let expected = lexicon().id(&Key::new(word));
            assert_eq!(number(word), expected, "{word}");
            assert_eq!(number(word), expected, "{word}, remembered");
        }
        assert_ne!(number("Chủ"), NOT_A_PHRASE_WORD);
        assert_eq!(number("CHỦ"), number("chủ"));
        assert_eq!(number("Uỷ"), number("ủy"));
        assert_eq!(number("xyz"), NOT_A_PHRASE_WORD);
    }
}
