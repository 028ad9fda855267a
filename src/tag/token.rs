//! The items of a paragraph: its words and separators, with the abbreviations spelled out
//! ("UB MTTQ" becomes the words "Ủy ban Mặt trận Tổ quốc", each keeping the span of the
//! abbreviation), ready for the phrase tables.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::key::{FxBuild, Key};
use super::vocab::{
    ascii_class, char_class, lexicon, scalar_class, sep_key, word_char, CharClass, Vocab, WordId,
    WrittenWords,
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
        self.kind == ItemKind::Word && self.key() == Key::new(w)
    }

    /// The word's number in the [`Lexicon`](super::vocab::Lexicon) (of its key: a
    /// separator's is its character's), looked up when first asked for. (Inlined: it is
    /// asked again and again of the same words, and then only reads what was kept.)
    #[inline]
    pub(crate) fn id(&self) -> WordId {
        let id = self.id.get();
        if id != UNSET {
            return id;
        }
        self.look_up_id()
    }

    /// [`Item::id`], looked up and kept.
    #[inline(never)]
    fn look_up_id(&self) -> WordId {
        let id = if self.kind == ItemKind::Word {
            word_id(self.text, || self.key())
        } else {
            lexicon().id(&self.key())
        };
        self.id.set(id);
        id
    }

    pub(crate) fn is_sep(&self, c: char) -> bool {
        self.kind == ItemKind::Sep && self.key().as_str().starts_with(c)
    }

    /// The comparison key of a word (its text's [`Key`]), or the separator character
    /// (the first of its text: a separator of an expansion may be longer), every dash as
    /// "-". Computed at each call, not kept: words are compared with the vocabulary by
    /// their numbers ([`Item::id`]), and the few other comparisons do not make up for a
    /// key's room in every item of a paragraph.
    pub(crate) fn key(&self) -> Key {
        match self.kind {
            ItemKind::Word => Key::new(self.text),
            ItemKind::Sep | ItemKind::Break => {
                Key::of_char(sep_key(self.text.chars().next().unwrap_or('-')))
            }
        }
    }
}

/// The [`Lexicon`](super::vocab::Lexicon) number of the word written `text`, whose key
/// `key` computes.
///
/// A text repeats its words, so numbers are kept by the words as written, per thread (the
/// number of a written word never changes: keeping it only saves computing its key and
/// looking that up again). See [`WrittenWords`] for how many are kept.
fn word_id(text: &str, key: impl FnOnce() -> Key) -> WordId {
    thread_local! {
        static WORDS: RefCell<WrittenWords> = RefCell::new(WrittenWords::default());
    }
    WORDS.with(|words| {
        let Ok(mut words) = words.try_borrow_mut() else {
            return lexicon().id(&key());
        };
        words.id(text, || lexicon().id(&key()))
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

    /// All capitals: two letters or more and no lower-case one.
    fn caps(&self) -> bool {
        self.letters >= 2 && !self.lower
    }
}

/// Whether `byte` goes on a word without being decoded, once its case is settled, told by
/// the byte after it (`next`): ASCII letters and digits; the lead bytes C3–C8
/// (U+00C0–U+023F, word characters all but "×" and "÷", C3 97 and C3 B7); the lead byte E1
/// before B8–BB (U+1E00–U+1EFF, Vietnamese letters with a tone mark, all letters); and
/// continuation bytes (only ever reached after one of those leads). Seeing the next byte
/// keeps the commonest letters outside ASCII in the fast paths.
///
/// Written without branches, so that [`BlockMasks::new`] classes a block with it in vector
/// operations; [`GOES_ON`] holds it for the byte-at-a-time path.
#[inline(always)]
const fn goes_on(byte: u8, next: u8) -> bool {
    let alphanumeric = ((byte | 0x20).wrapping_sub(b'a') < 26) | (byte.wrapping_sub(b'0') < 10);
    alphanumeric
        | (byte & 0xC0 == 0x80)
        | (byte.wrapping_sub(0xC4) < 5)
        | ((byte == 0xC3) & (next != 0x97) & (next != 0xB7))
        | ((byte == 0xE1) & (next & 0xFC == 0xB8))
}

/// [`goes_on`] of every byte and the one after it, at
/// `GOES_ON[usize::from(u16::from_le_bytes([byte, next]))]`.
static GOES_ON: [bool; 1 << 16] = {
    let mut table = [false; 1 << 16];
    let mut index = 0usize;
    while index < 1 << 16 {
        table[index] = goes_on((index & 0xFF) as u8, (index >> 8) as u8);
        index += 1;
    }
    table
};

/// The end of the word going on at byte `i` of `s` (a character boundary), read without
/// classing its characters: the caller has settled the word's case already.
#[inline]
fn word_end(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    // Before `last`, a byte has one after it.
    let last = bytes.len().saturating_sub(1);
    while i < last {
        let Some(pair) = bytes
            .get(i..i + 2)
            .and_then(|p| <[u8; 2]>::try_from(p).ok())
        else {
            break;
        };
        let pair = u16::from_le_bytes(pair);
        if GOES_ON.get(usize::from(pair)) == Some(&true) {
            i += 1;
            continue;
        }
        // An ASCII byte (its high bit clear) ends the word.
        if pair & 0x80 == 0 {
            return i;
        }
        // A lead byte the table left to be decoded ("×", "÷", characters of three or four
        // bytes but U+1E00–U+1EFF).
        match multibyte_class_at(s, i) {
            Some((len, class)) if class.word() => i += len,
            _ => return i,
        }
    }
    // The last byte, with none after it: a letter, a digit, or the end of a character
    // whose lead was gone past, goes on.
    match bytes.get(i) {
        Some(b) if i == last && (b.is_ascii_alphanumeric() || !b.is_ascii()) => i + 1,
        _ => i,
    }
}

/// The length and class of the character at byte `i` of `s` (a character boundary):
/// decoded here for ASCII, two bytes, and U+1000–U+1FFF (Vietnamese letters with a tone
/// mark), by [`multibyte_class_at`] for the rest.
#[inline(always)]
fn class_at(s: &str, i: usize) -> Option<(usize, CharClass)> {
    let bytes = s.as_bytes();
    let b = *bytes.get(i)?;
    if b.is_ascii() {
        return Some((1, ascii_class(b)));
    }
    if b < 0xE0 {
        let c = u32::from(*bytes.get(i + 1)? & 0x3F);
        return Some((2, scalar_class((u32::from(b & 0x1F) << 6) | c)));
    }
    if b == 0xE1 {
        if let Some(&[c1, c2]) = bytes.get(i + 1..i + 3) {
            let u = 0x1000 | (u32::from(c1 & 0x3F) << 6) | u32::from(c2 & 0x3F);
            return Some((3, scalar_class(u)));
        }
    }
    multibyte_class_at(s, i)
}

/// [`class_at`] for a character of several bytes, decoded from the UTF-8 bytes directly.
/// Rare in Vietnamese text, which [`class_at`] and [`word_end`] mostly read themselves.
#[cold]
fn multibyte_class_at(s: &str, i: usize) -> Option<(usize, CharClass)> {
    let bytes = s.as_bytes();
    let b = *bytes.get(i)?;
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
    Some((len, scalar_class(u)))
}

/// [`raw_items_into`] a new vector.
#[cfg(test)]
pub(crate) fn raw_items(text: &str, range: Range<usize>) -> Vec<Item<'_>> {
    let mut items = Vec::new();
    raw_items_into(text, range, &mut items);
    items
}

/// A [`START`] of an ASCII lower-case letter: a word whose case is settled at once.
const LOWER: u8 = 1;
/// A [`START`] of an ASCII capital or digit: a word whose case is read on.
const CASED: u8 = 2;
/// A [`START`] of ASCII punctuation: a separator of one byte.
const PUNCT: u8 = 3;
/// A [`START`] of ASCII white space (a single space is skipped before the table is asked).
const BLANK: u8 = 4;
/// A [`START`] of a byte that is not ASCII: the character is decoded and classed.
const OTHER: u8 = 5;

/// How an item starting with a given byte is read (one load for the commonest cases).
const START: [u8; 256] = {
    let mut table = [OTHER; 256];
    let mut b = 0usize;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_lowercase() {
            LOWER
        } else if byte.is_ascii_alphanumeric() {
            CASED
        } else if matches!(byte, 9..=13 | b' ') {
            BLANK
        } else {
            PUNCT
        };
        b += 1;
    }
    table
};

/// The end of the white space from byte `i` of `s`, and how many line feeds it holds.
fn blank_end(s: &str, mut i: usize) -> (usize, usize) {
    let bytes = s.as_bytes();
    let mut newlines = 0;
    while let Some(&b) = bytes.get(i) {
        let Some((len, class)) = class_at(s, i) else {
            break;
        };
        if !class.space() {
            break;
        }
        newlines += usize::from(b == b'\n');
        i += len;
    }
    (i, newlines)
}

/// The end of the word whose first character (of class `class`, `len` bytes, not
/// lower-case) is at byte `i` of `s`, whether it starts with a capital, and whether it is
/// all capitals.
#[inline(always)]
fn cased_word(s: &str, i: usize, class: CharClass, len: usize) -> (usize, bool, bool) {
    // Most such words go on with a lower-case letter ("Văn", "Đồng"): their case is
    // settled there.
    if let Some((next, second)) = class_at(s, i + len) {
        if second.word() && second.lower() {
            return (word_end(s, i + len + next), class.upper(), false);
        }
    }
    cased_word_on(s, i, class, len)
}

/// [`cased_word`], reading on until the case is settled. Rare enough (abbreviations with
/// letters outside ASCII, words in capitals) to be kept out of the way of the common paths.
#[cold]
fn cased_word_on(s: &str, mut i: usize, class: CharClass, len: usize) -> (usize, bool, bool) {
    let bytes = s.as_bytes();
    let mut flags = WordFlags::default();
    flags.add(class);
    i += len;
    // ASCII capitals and digits: the whole of most abbreviations and numbers.
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_uppercase() {
            flags.letters += 1;
        } else if !b.is_ascii_digit() {
            if b.is_ascii() && !b.is_ascii_lowercase() {
                return (i, flags.cap, flags.caps());
            }
            break;
        }
        i += 1;
    }
    // Once the word has a lower-case letter, its case is settled (not all capitals): the
    // rest is only read to its end.
    while !flags.lower {
        let Some((len, class)) = class_at(s, i) else {
            break;
        };
        if !class.word() {
            break;
        }
        flags.add_more(class);
        i += len;
    }
    if flags.lower {
        i = word_end(s, i);
    }
    (i, flags.cap, flags.caps())
}

/// The end of "đ/c" (đồng chí, one word) if the word `s[start..end]` is "đ" or "Đ" and
/// "/c" or "/C" follows it, and whether it starts with a capital. Its two letters are all
/// capitals unless "đ" or "c" is lower-case.
fn dong_chi(s: &str, start: usize, end: usize) -> Option<(usize, bool)> {
    let bytes = s.as_bytes();
    let (&[0xC4, d @ (0x90 | 0x91)], &[b'/', b'c' | b'C']) =
        (bytes.get(start..end)?, bytes.get(end..end + 2)?)
    else {
        return None;
    };
    if class_at(s, end + 2).is_some_and(|(_, class)| class.word()) {
        return None;
    }
    Some((end + 2, d == 0x90))
}

impl<'t> Item<'t> {
    /// An item of the text as written: `text` starts at byte `start` of the viewed text
    /// (marked after a line break later, if it is).
    #[inline(always)]
    fn raw(kind: ItemKind, text: &'t str, start: usize, cap: bool, caps: bool) -> Item<'t> {
        Item {
            kind,
            id: Cell::new(UNSET),
            text,
            start,
            end: start + text.len(),
            cap,
            caps,
            newline_before: false,
        }
    }
}

/// The raw words and separators of `text[range]`, into `items` (cleared first), so that
/// one buffer serves paragraph after paragraph: a document's paragraphs mostly name
/// nobody, and their items are dropped as soon as they are read.
///
/// The text is read in blocks of 64 bytes ([`BlockMasks`]): the bytes are classed all at
/// once, without a branch per byte, and the items of the block are walked through the
/// masks, so that the path an item takes does not depend on its first byte (which the
/// processor cannot guess). An item the masks cannot settle (a character to decode, white
/// space other than one space, a word with letters outside ASCII and none of them known to
/// be lower-case, "đ/c") is read by [`scalar_item`].
pub(crate) fn raw_items_into<'t>(text: &'t str, range: Range<usize>, items: &mut Vec<Item<'t>>) {
    items.clear();
    let Some(rest) = text.get(range.clone()) else {
        return;
    };
    // About one item per four bytes of Vietnamese text: room for all of them at once.
    items.reserve(rest.len() / 3 + 4);
    let bytes = rest.as_bytes();
    let cases = first_cases();
    let base = range.start;
    // The item that follows a line break, marked once it is read (most items follow none,
    // and are pushed without asking).
    let mut after_newline: Option<usize> = None;
    // The start of the block: an item's start, or a byte after a space.
    let mut at = 0;
    let mut tail;
    while at < bytes.len() {
        let block = match bytes.get(at..).and_then(<[u8]>::first_chunk::<BLOCK_READ>) {
            Some(block) => block,
            None => {
                // The last bytes, followed by zeros (a zero byte ends a word).
                let left = bytes.get(at..).unwrap_or_default();
                tail = [0u8; BLOCK_READ];
                if let Some(head) = tail.get_mut(..left.len()) {
                    head.copy_from_slice(left);
                }
                &tail
            }
        };
        // Bytes of the text in the block.
        let live = bytes.len() - at;
        let masks = BlockMasks::new(block, live);
        let mut p = masks.not_space.trailing_zeros() as usize;
        // Where the next block starts, once this one has given what it could.
        at = loop {
            if p >= BLOCK {
                break at + BLOCK;
            }
            let read = masks.item(block, p, cases);
            if read.fast {
                let start = at + p;
                let stop = at + read.end;
                let text = rest.get(start..stop).unwrap_or_default();
                items.push(Item::raw(
                    read.kind,
                    text,
                    base + start,
                    read.cap,
                    read.caps,
                ));
                p = read.end + masks.next_start(read.end);
                continue;
            }
            if read.end >= BLOCK && p > 0 {
                // The item goes on past the block: the next block starts with it.
                break at + p;
            }
            let Some(left) = rest.get(at + p..) else {
                break bytes.len();
            };
            let Some(left) = scalar_item(items, left, range.end, &mut after_newline) else {
                break bytes.len();
            };
            let next = bytes.len() - left.len();
            if next >= at + BLOCK {
                break next;
            }
            let q = next - at;
            p = q + masks.next_start(q);
        };
    }
    mark_newline(items, after_newline);
}

/// The bytes classed at once by [`BlockMasks`].
const BLOCK: usize = 64;
/// The bytes read for a block: the byte after the last one decides whether it goes on a
/// word (and reading eight more keeps the read a whole number of words).
const BLOCK_READ: usize = BLOCK + 8;

/// What the bytes of a block are, one bit per byte (bit `j` for byte `j`).
struct BlockMasks {
    /// Bytes that go on a word, as [`goes_on`] tells them by the byte after.
    word: u64,
    /// Bytes of the text that are not a space.
    not_space: u64,
    /// ASCII lower-case letters.
    lower: u64,
    /// ASCII capitals.
    upper: u64,
    /// Bytes outside ASCII.
    high: u64,
}

/// An item read from the masks: its kind, end (in the block) and capital, and whether
/// that is all there is to it (else [`scalar_item`] reads it).
struct BlockItem {
    kind: ItemKind,
    end: usize,
    cap: bool,
    caps: bool,
    fast: bool,
}

/// The class bits of a byte in a block, before they are gathered into masks.
const CLASS_WORD: u8 = 1;
const CLASS_NOT_SPACE: u8 = 2;
const CLASS_LOWER: u8 = 4;
const CLASS_UPPER: u8 = 8;
const CLASS_HIGH: u8 = 16;

/// Gathers bit 0 of each byte of `x` into the low 8 bits (byte `j` to bit `j`).
#[inline(always)]
fn gather_low_bits(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Byte j's bit lands at bit 56 + j; the other products fall below bit 56 or past 63.
    const SPREAD: u64 = 0x0102_0408_1020_4080;
    (x & ONES).wrapping_mul(SPREAD) >> 56
}

impl BlockMasks {
    /// The masks of the first `live` bytes of `block` (past those, nothing is marked but
    /// what a zero byte is: not a word byte).
    #[inline(always)]
    fn new(block: &[u8; BLOCK_READ], live: usize) -> BlockMasks {
        // Classed byte by byte in straight-line code the compiler turns into vector
        // operations.
        let classes: [u8; BLOCK] = std::array::from_fn(|j| {
            let b = block.get(j).copied().unwrap_or(0);
            let next = block.get(j + 1).copied().unwrap_or(0);
            (u8::from(goes_on(b, next)) * CLASS_WORD)
                | (u8::from(b != b' ') * CLASS_NOT_SPACE)
                | (u8::from(b.wrapping_sub(b'a') < 26) * CLASS_LOWER)
                | (u8::from(b.wrapping_sub(b'A') < 26) * CLASS_UPPER)
                | (u8::from(b >= 0x80) * CLASS_HIGH)
        });
        let mut masks = BlockMasks {
            word: 0,
            not_space: 0,
            lower: 0,
            upper: 0,
            high: 0,
        };
        for (k, chunk) in classes.chunks_exact(8).enumerate() {
            let Ok(chunk) = <[u8; 8]>::try_from(chunk) else {
                continue;
            };
            let x = u64::from_le_bytes(chunk);
            masks.word |= gather_low_bits(x) << (8 * k);
            masks.not_space |= gather_low_bits(x >> CLASS_NOT_SPACE.trailing_zeros()) << (8 * k);
            masks.lower |= gather_low_bits(x >> CLASS_LOWER.trailing_zeros()) << (8 * k);
            masks.upper |= gather_low_bits(x >> CLASS_UPPER.trailing_zeros()) << (8 * k);
            masks.high |= gather_low_bits(x >> CLASS_HIGH.trailing_zeros()) << (8 * k);
        }
        if live < BLOCK {
            masks.not_space &= (1u64 << live) - 1;
        }
        masks
    }

    /// How far past byte `p` (below [`BLOCK`]) the next item starts: past the spaces.
    /// [`BLOCK`] or more when the block has no other item.
    #[inline(always)]
    fn next_start(&self, p: usize) -> usize {
        (self.not_space >> p).trailing_zeros() as usize
    }

    /// The item starting at byte `p` (below [`BLOCK`]) of `block`, not a space.
    #[inline(always)]
    fn item(&self, block: &[u8; BLOCK_READ], p: usize, cases: &FirstCases) -> BlockItem {
        // (Written without a branch: which way an item goes cannot be guessed.)
        let byte = |j: usize| block.get(j).copied().unwrap_or(0);
        let first = FIRST_BYTES
            .get(usize::from(byte(p)))
            .copied()
            .unwrap_or(FirstByte::NONE);
        let word = (self.word >> p) & 1 != 0;
        // A word ends at its first byte that does not go on; anything else is one byte
        // (or decoded by the scalar path).
        let end = p + ((!self.word >> p).trailing_zeros() as usize).max(1);
        let after = byte(end.min(BLOCK_READ - 1));
        let case = cases.of(first, byte(p + 1), byte(p + 2));
        // The word's bits (end is below 64 when the word fits).
        let span = (1u64 << end.min(BLOCK - 1)).wrapping_sub(1 << p);
        let lower = (self.lower & span != 0) | (case & FIRST_LOWER != 0);
        // A word of ASCII letters and digits only (a number, an abbreviation) has its case
        // in the masks too: all capitals when it has two capitals or more and no
        // lower-case letter.
        let ascii = self.high & span == 0;
        let caps = !lower & ((self.upper & span).count_ones() >= 2);
        // A word is settled by the masks when it starts with a character that it can,
        // ends before an ASCII byte (else the byte must be decoded) other than a "/" after
        // a word starting outside ASCII (the "đ" of "đ/c"; a "/" mostly follows a number,
        // "01/2020"), and holds a lower-case letter or is all ASCII (else its case must be
        // read: letters outside ASCII, none of them known to be lower-case).
        let settled_word = word
            & (first.settles & SETTLES_WORD != 0)
            & (after < 0x80)
            & ((after != b'/') | (byte(p) < 0x80))
            & (lower | ascii);
        BlockItem {
            kind: if word { ItemKind::Word } else { ItemKind::Sep },
            end,
            cap: case & FIRST_UPPER != 0,
            caps: word & caps,
            fast: (end < BLOCK) & (settled_word | (first.settles & SETTLES_SEP != 0)),
        }
    }
}

/// Case bits of the first character of a word.
const FIRST_UPPER: u8 = 1;
const FIRST_LOWER: u8 = 2;

/// [`FIRST_UPPER`] and [`FIRST_LOWER`] of the characters a word settled by a block can
/// start with (ASCII letters and digits, U+00C0–U+023F, U+1E00–U+1EFF), from
/// [`scalar_class`]: U+0000–U+03FF at their value, U+1E00–U+1EFF at theirs less 0x1800.
struct FirstCases(Box<[u8; 0x800]>);

/// What a block makes of an item's first byte: where its character is in [`FirstCases`]
/// (at `base`, plus the bits `mask` of the payload of the next two bytes shifted right by
/// `shift`: none for ASCII, the next byte's for a lead of two bytes, both for E1), and
/// which items it can settle ([`SETTLES_WORD`], [`SETTLES_SEP`]).
#[derive(Clone, Copy)]
struct FirstByte {
    base: u16,
    mask: u16,
    shift: u8,
    settles: u8,
}

/// A word starting with the byte can be settled by a block: an ASCII letter or digit, or
/// a lead byte of the word characters [`goes_on`] knows without decoding.
const SETTLES_WORD: u8 = 1;
/// The byte is a separator of its own: ASCII, neither a letter, a digit nor white space.
const SETTLES_SEP: u8 = 2;

impl FirstByte {
    const NONE: FirstByte = FirstByte {
        base: 0,
        mask: 0,
        shift: 0,
        settles: 0,
    };
}

const FIRST_BYTES: [FirstByte; 256] = {
    let mut table = [FirstByte::NONE; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        table[b] = if byte.is_ascii() {
            FirstByte {
                base: b as u16,
                mask: 0,
                shift: 0,
                settles: if byte.is_ascii_alphanumeric() {
                    SETTLES_WORD
                } else if matches!(byte, 9..=13 | b' ') {
                    0
                } else {
                    SETTLES_SEP
                },
            }
        } else if byte >= 0xC0 && byte < 0xE0 {
            FirstByte {
                base: ((b as u16 & 0x1F) << 6) & 0x3FF,
                mask: 0x3F,
                shift: 6,
                settles: if byte >= 0xC3 && byte <= 0xC8 {
                    SETTLES_WORD
                } else {
                    0
                },
            }
        } else if byte == 0xE1 {
            FirstByte {
                base: 0x400,
                mask: 0x3FF,
                shift: 0,
                settles: SETTLES_WORD,
            }
        } else {
            FirstByte::NONE
        };
        b += 1;
    }
    table
};

impl FirstCases {
    /// The case bits of the character whose first byte is `at` and next bytes `b1`, `b2`
    /// (right only for a character of one or two bytes, or of three starting with E1: the
    /// first bytes a block settles). Decoded by table, not by asking the length.
    #[inline(always)]
    fn of(&self, at: FirstByte, b1: u8, b2: u8) -> u8 {
        let payload = (usize::from(b1 & 0x3F) << 6) | usize::from(b2 & 0x3F);
        let index = usize::from(at.base) + ((payload >> at.shift) & usize::from(at.mask));
        self.0.get(index).copied().unwrap_or(0)
    }
}

/// The [`FirstCases`], computed once.
fn first_cases() -> &'static FirstCases {
    static CASES: OnceLock<FirstCases> = OnceLock::new();
    CASES.get_or_init(|| {
        let mut table = Box::new([0u8; 0x800]);
        for (index, slot) in (0u32..).zip(table.iter_mut()) {
            // (Only the characters a block settles are asked for.)
            let class = match index {
                0..0x400 => scalar_class(index),
                0x600..0x700 => scalar_class(index + 0x1800),
                _ => CharClass::default(),
            };
            *slot =
                (u8::from(class.upper()) * FIRST_UPPER) | (u8::from(class.lower()) * FIRST_LOWER);
        }
        FirstCases(table)
    })
}

/// Reads the item at the front of `rest` (which ends at byte `end` of the viewed text),
/// or the white space there, byte by byte, pushes what it found, and returns what is
/// left; `None` if nothing can be read (never, on text).
fn scalar_item<'t>(
    items: &mut Vec<Item<'t>>,
    rest: &'t str,
    end: usize,
    after_newline: &mut Option<usize>,
) -> Option<&'t str> {
    let &b = rest.as_bytes().first()?;
    if b == b' ' {
        return Some(rest.strip_prefix(' ').unwrap_or_default());
    }
    let kind = START.get(usize::from(b)).copied().unwrap_or(OTHER);
    if kind == LOWER {
        return Some(push_front(
            items,
            rest,
            end,
            word_end(rest, 1),
            false,
            false,
        ));
    }
    let (len, cap, caps) = if kind == CASED {
        // A capital, then a lower-case letter.
        if b.is_ascii_uppercase() && rest.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) {
            return Some(push_front(items, rest, end, word_end(rest, 2), true, false));
        }
        // ASCII capitals and digits: most abbreviations and numbers, whole.
        let bytes = rest.as_bytes();
        let mut len = 1;
        let mut letters = usize::from(b.is_ascii_uppercase());
        while let Some(&c) = bytes.get(len) {
            if c.is_ascii_uppercase() {
                letters += 1;
            } else if !c.is_ascii_digit() {
                break;
            }
            len += 1;
        }
        if bytes
            .get(len)
            .is_none_or(|c| c.is_ascii() && !c.is_ascii_alphanumeric())
        {
            (len, b.is_ascii_uppercase(), letters >= 2)
        } else {
            cased_word(rest, 0, ascii_class(b), 1)
        }
    } else if kind == PUNCT {
        let (sep, after) = rest.split_at_checked(1)?;
        let start = end - rest.len();
        items.push(Item::raw(ItemKind::Sep, sep, start, false, false));
        return Some(after);
    } else if rest.as_bytes().starts_with("đ".as_bytes()) {
        // The commonest first letter outside ASCII.
        let len = word_end(rest, 2);
        // "đ/c" (đồng chí) is one word.
        match dong_chi(rest, 0, len) {
            Some((len, _)) => (len, false, false),
            None => return Some(push_front(items, rest, end, len, false, false)),
        }
    } else {
        let (len, class) = if kind == BLANK {
            (1, ascii_class(b))
        } else {
            class_at(rest, 0)?
        };
        if class.space() {
            mark_newline(items, after_newline.take());
            let (blank, newlines) = blank_end(rest, 0);
            let rest = rest.get(blank..).unwrap_or_default();
            // A blank line before more text ends a paragraph.
            if newlines >= 2 && !rest.is_empty() && !items.is_empty() {
                let at = end - rest.len();
                items.push(Item {
                    kind: ItemKind::Break,
                    id: Cell::new(UNSET),
                    text: "\n",
                    start: at,
                    end: at,
                    cap: false,
                    caps: false,
                    newline_before: true,
                });
            }
            if newlines > 0 {
                *after_newline = Some(items.len());
            }
            return Some(rest);
        }
        if !class.word() {
            let (sep, after) = rest.split_at_checked(len)?;
            let start = end - rest.len();
            items.push(Item::raw(ItemKind::Sep, sep, start, false, false));
            return Some(after);
        }
        let (len, cap, caps) = if class.lower() {
            (word_end(rest, len), class.upper(), false)
        } else {
            cased_word(rest, 0, class, len)
        };
        // "đ/c" (đồng chí) is one word.
        match dong_chi(rest, 0, len) {
            Some((len, cap)) => (len, cap, cap && rest.as_bytes().get(len - 1) == Some(&b'C')),
            None => (len, cap, caps),
        }
    };
    Some(push_front(items, rest, end, len, cap, caps))
}

/// Pushes the word of `len` bytes at the front of `rest` (which ends at byte `end` of the
/// viewed text), and returns what follows it, past one space (most words are followed
/// by one).
#[inline(always)]
fn push_front<'t>(
    items: &mut Vec<Item<'t>>,
    rest: &'t str,
    end: usize,
    len: usize,
    cap: bool,
    caps: bool,
) -> &'t str {
    let Some((word, after)) = rest.split_at_checked(len) else {
        return "";
    };
    items.push(Item::raw(ItemKind::Word, word, end - rest.len(), cap, caps));
    after.strip_prefix(' ').unwrap_or(after)
}

/// Marks the item `k`, if any, as coming after a line break.
fn mark_newline(items: &mut [Item<'_>], k: Option<usize>) {
    if let Some(item) = k.and_then(|k| items.get_mut(k)) {
        item.newline_before = true;
    }
}

/// Where the spelled-out items of a window change: (first raw item replaced, raw items
/// replaced, expansion, span of the abbreviation). Kept by the caller from one window to
/// the next, as the items are.
pub(crate) type Splices<'a> = Vec<(usize, usize, Expansion<'a>, usize, usize)>;

/// An abbreviation spelled out: the dictionary's words, then the document number written
/// after the abbreviation, if any ("P10": "phường", "10").
#[derive(Clone, Copy)]
pub(crate) struct Expansion<'a> {
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

/// [`spelled_out_into`] a new vector.
#[cfg(test)]
pub(crate) fn spelled_out<'a>(
    text: &'a str,
    range: Range<usize>,
    raw: &[Item<'a>],
    expander: &'a Expander,
    vocab: &Vocab,
) -> Vec<Item<'a>> {
    let mut out = Vec::new();
    spelled_out_into(text, range, raw, expander, vocab, &mut out, &mut Vec::new());
    out
}

/// The items of `text[range]`, abbreviations spelled out, into `out` (cleared first):
/// first by the role-only readings of the tagger, then by the expander's dictionaries
/// (document numbers stay as written). `raw` holds the raw items of a paragraph around the
/// range (the keys they have computed are kept); those that start outside the range are
/// left out. One buffer serves paragraph after paragraph, as the raw items' buffer does
/// (see [`raw_items_into`]), and so does `splices`.
pub(crate) fn spelled_out_into<'a>(
    text: &'a str,
    range: Range<usize>,
    raw: &[Item<'a>],
    expander: &'a Expander,
    vocab: &Vocab,
    out: &mut Vec<Item<'a>>,
    splices: &mut Splices<'a>,
) {
    out.clear();
    let hi = raw.partition_point(|it| it.start < range.end);
    let raw = raw.get(..hi).unwrap_or_default();
    let lo = raw.partition_point(|it| it.start < range.start);
    let Some(slice) = text.get(range.clone()) else {
        out.extend_from_slice(raw.get(lo..).unwrap_or_default());
        return;
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
    splices.clear();
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
    out.reserve(raw.len() - lo + 4 * splices.len());
    // The raw items between the splices are copied in blocks.
    let mut at = lo;
    for &(k, n, expansion, start, end) in splices.iter() {
        out.extend_from_slice(raw.get(at..k).unwrap_or_default());
        let nl = raw.get(k).is_some_and(|first| first.newline_before);
        push_expansion(out, expansion, start, end, nl);
        at = k + n;
    }
    out.extend_from_slice(raw.get(at..).unwrap_or_default());
}

#[cfg(test)]
mod tests {
    use super::super::vocab::NOT_A_PHRASE_WORD;
    use super::*;

    /// The memo gives every written word the number its key has in the lexicon, on first
    /// sight and after, whatever the case or tone placement it is written with.
    #[test]
    fn word_numbers_are_those_of_their_keys() {
        let number = |word: &str| word_id(word, || Key::new(word));
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

    /// [`goes_on`], written for vector code, says what the byte classes say, for every
    /// byte and the one after it.
    #[test]
    fn the_word_byte_rule_is_the_byte_classes() {
        for byte in 0..=u8::MAX {
            for next in 0..=u8::MAX {
                let expected = match byte {
                    b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' | 0x80..=0xBF | 0xC4..=0xC8 => true,
                    0xC3 => next != 0x97 && next != 0xB7,
                    0xE1 => matches!(next, 0xB8..=0xBB),
                    _ => false,
                };
                assert_eq!(goes_on(byte, next), expected, "{byte:02X} {next:02X}");
            }
        }
    }

    /// An item as compared: kind, text, span, and the three flags.
    type Seen<'a> = (ItemKind, &'a str, usize, usize, bool, bool, bool);

    fn seen<'a>(items: &[Item<'a>]) -> Vec<Seen<'a>> {
        items
            .iter()
            .map(|it| {
                let flags = (it.cap, it.caps, it.newline_before);
                (
                    it.kind, it.text, it.start, it.end, flags.0, flags.1, flags.2,
                )
            })
            .collect()
    }

    /// The items of `text[range]` read a character at a time from the general Unicode
    /// properties: what [`raw_items_into`] must give, however it reads.
    fn reference(text: &str, range: Range<usize>) -> Vec<Seen<'_>> {
        let mut out = Vec::new();
        let Some(slice) = text.get(range.clone()) else {
            return out;
        };
        let base = range.start;
        let word = crate::text::is_word_char;
        let chars: Vec<(usize, char)> = slice.char_indices().collect();
        let at = |k: usize| chars.get(k).map_or(slice.len(), |&(i, _)| i);
        let mut newlines = 0;
        let mut k = 0;
        while let Some(&(i, c)) = chars.get(k) {
            if c.is_whitespace() {
                newlines += usize::from(c == '\n');
                k += 1;
                continue;
            }
            if newlines >= 2 && !out.is_empty() {
                out.push((
                    ItemKind::Break,
                    "\n",
                    base + i,
                    base + i,
                    false,
                    false,
                    true,
                ));
            }
            let nl = newlines > 0;
            newlines = 0;
            if !word(c) {
                k += 1;
                let t = &slice[i..at(k)];
                out.push((ItemKind::Sep, t, base + i, base + at(k), false, false, nl));
                continue;
            }
            while chars.get(k).is_some_and(|&(_, c)| word(c)) {
                k += 1;
            }
            let mut end = at(k);
            let rest = &slice[end..];
            if matches!(&slice[i..end], "đ" | "Đ")
                && (rest.starts_with("/c") || rest.starts_with("/C"))
                && !rest[2..].chars().next().is_some_and(word)
            {
                end += 2;
                k += 2;
            }
            let w = &slice[i..end];
            let cap = w.chars().next().is_some_and(char::is_uppercase);
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            let caps = letters >= 2 && !w.chars().any(char::is_lowercase);
            out.push((ItemKind::Word, w, base + i, base + end, cap, caps, nl));
        }
        out
    }

    fn check(text: &str) {
        let mut items = Vec::new();
        raw_items_into(text, 0..text.len(), &mut items);
        assert_eq!(seen(&items), reference(text, 0..text.len()), "{text:?}");
        // A range inside a longer text: spans count from the text's start.
        let padded = format!("x. {text} .y");
        let range = 3..3 + text.len();
        raw_items_into(&padded, range.clone(), &mut items);
        assert_eq!(seen(&items), reference(&padded, range), "{padded:?}");
    }

    /// Strings where the fast paths of the tokenizer meet the exact one.
    const TRICKY: &[&str] = &[
        "",
        " ",
        "Chủ tịch UBND xã Ngọc Lâm, ông Nguyễn Văn A.",
        "ĐỒNG CHÍ NGUYỄN VĂN A - BÍ THƯ ĐẢNG ỦY",
        "đ/c Lâm, Đ/C LÂM, Đ/c, đ/C, đ/cx, đ/c1, đ/, đ/c",
        "Đ/c\u{301} đ/cà xđ/c đđ/c",
        "a\n\nb\n \n c\r\n\r\nd\t\u{B}\u{C}e",
        "\n\nđầu\n\n",
        "a\u{A0}b\u{2003}c\u{3000}d\u{2028}e\u{85}f",
        "–Chủ tịch — “Phó” ‘x’ … 1×2÷3 a×b Ä÷ö",
        "mặt đặc ỗ ặ× ė× ×ặ a÷ặ ô÷ Ợ× ×",
        // Continuation bytes 97 and B7 after leads other than C3, characters after E1
        // outside U+1E00–U+1EFF (word characters or not), and words ending the text.
        "kỷ ặ ķ ŷ Ʒ ė aᚠb ᚠ a\u{1680}b a\u{180E}b ẗ xà xạ",
        "xạ",
        "xà",
        "x×",
        "xᚠ",
        "x\u{1680}",
        "TDPa\u{300} Nguye\u{302}\u{303}n A\u{301}BC U\u{31B}\u{309}Y",
        "\u{301}abc \u{301}ABC \u{301}",
        "ǅemal ǈ Ǉ ǲx ß SS ŉ ĸ ƻ ǀa ȺȾ ɐɑ ɀ Ɂ",
        "Ḁḁ ẞ Ỳỳ Ỹ ỹ Ỿỿ ἀ Ἀ ᾈ",
        "H2O 10A a1 1a A1B 12 2024 ½ ² Ⅻ ⅻ",
        "ΑΒΓ αβγ Кириллица ПРИВЕТ 中文 日本語 한국어 ﬁ Ǆ",
        "e\u{1E00}x\u{1EFF}\u{1F00}\u{1DFF}\u{E0100}\u{10FFFF}",
        "x\u{E1}\u{F7}y C\u{C0}\u{DF}\u{24F}\u{250}",
        "a,b.c;d:e!f?g(h)i[j]k{l}m\"n'o-p_q/r\\s|t@u#v$w%x^y&z*",
        "A B C AB ABC aB Ab a",
        // Words before "/" and words of ASCII capitals and digits (settled by a block),
        // and their neighbours.
        "x/c X/C Đa/c a/ cđ/c 1/2 QĐ/TW",
        "UBND, 2020. A1 AB1 1AB 1A2B Ab1 aB1 X9Y 0 99/2020/ND-CP UBND× UBNDà UBNDĐ HĐND 9đ",
        "\u{1}\u{7F}\u{80}\u{9F}\u{AD}\u{200B}\u{FEFF}",
        "😀a😀 a😀b 𝐀𝐁 𝐚",
    ];

    /// The tokenizer gives exactly the items of the reference on strings chosen to
    /// exercise every path.
    #[test]
    fn tokenizer_agrees_with_the_reference() {
        for text in TRICKY {
            check(text);
        }
        // Every pair of the characters of the strings above, and of a few more.
        let mut chars: Vec<char> = TRICKY.iter().flat_map(|t| t.chars()).collect();
        chars.extend(['\u{C0}', '\u{D7}', '\u{D8}', '\u{F7}', '\u{F8}', '\u{1E9E}']);
        chars.sort_unstable();
        chars.dedup();
        for &a in &chars {
            for &b in &chars {
                check(&format!("{a}{b}"));
                check(&format!("{a}{b} {b}{a}x"));
            }
        }
    }

    /// The strings above and a few long runs at every distance from the edge of a block
    /// of [`BLOCK`] bytes: a word, a character of several bytes, white space or the end
    /// of the text falls on the edge, inside longer text.
    #[test]
    fn tokenizer_agrees_across_block_edges() {
        let long_word = "a".repeat(2 * BLOCK + 3);
        let long_capital = format!("Đ{}", "ườ".repeat(BLOCK));
        let long_caps = format!("{}1 ", "AB".repeat(BLOCK / 2 + 3));
        let long_number = format!("{}, ", "2".repeat(BLOCK + 3));
        let spaces = " ".repeat(BLOCK + 5);
        let lines = "\n".repeat(BLOCK + 5);
        let mut tails: Vec<&str> = TRICKY.to_vec();
        tails.extend([
            long_word.as_str(),
            long_capital.as_str(),
            long_caps.as_str(),
            long_number.as_str(),
            spaces.as_str(),
            lines.as_str(),
            "ường đ/c Nguyễn UBND 2024 × ÷ – x",
        ]);
        // Fillers of every length, ending in a word, a separator, a space or a character
        // of several bytes.
        let fillers = ["ab cd ", "Ủy ban, ", "ườ ", "x\n"];
        for tail in tails {
            for filler in fillers {
                for pad in 0..=BLOCK + 8 {
                    let mut text: String = filler.chars().cycle().take(pad).collect();
                    text.push_str(tail);
                    check(&text);
                    text.push_str(tail);
                    check(&text);
                }
            }
        }
    }

    /// Every character of the blocks before the CJK ones, after a settled word, inside an
    /// unsettled one and at the start of one.
    #[test]
    fn tokenizer_agrees_on_every_character() {
        let mut text = String::new();
        for c in (0..0x3000).filter_map(char::from_u32) {
            text.clear();
            for (before, after) in [("a", ""), ("Ab", "c"), ("A", "b"), ("AB", "C"), ("", "b")] {
                text.push_str(before);
                text.push(c);
                text.push_str(after);
                text.push(' ');
            }
            check(&text);
        }
    }

    /// A string mostly made of what Vietnamese text holds, with the odd character from
    /// anywhere.
    fn vietnamese_like() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            6 => proptest::sample::select(vec![
                "a", "Đ", "đ", "ủ", "Ủ", "ế", "Ế", "B", "z", "1", " ", " ", "\n", "\n\n",
                ",", ".", "/", "c", "C", "–", "“", "\u{A0}", "\u{301}", "×", "÷", "ß", "\t",
            ])
            .prop_map(String::from),
            1 => any::<char>().prop_map(String::from),
            1 => (0u32..0x3000).prop_filter_map("a character", char::from_u32).prop_map(String::from),
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn tokenizer_agrees_on_any_text(text in ".*") {
            check(&text);
        }

        #[test]
        fn tokenizer_agrees_on_vietnamese_like_text(text in vietnamese_like()) {
            check(&text);
        }

        /// Texts of several blocks.
        #[test]
        fn tokenizer_agrees_on_long_text(parts in proptest::collection::vec(vietnamese_like(), 1..8)) {
            check(&parts.concat());
        }
    }
}
