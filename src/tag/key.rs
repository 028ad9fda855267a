//! Comparison keys of words: look-alike letters mapped, lower case, each word's tone mark
//! moved to its end. "Uỷ" and "ủy" get the same key (tone placement does not count, as in
//! the project's scoring rules), while "quận" and "quân" stay apart.
//!
//! The tagger computes a key for every word it reads, so keys are built without the NFD
//! iterator (one character's canonical decomposition at a time) and stored inline: the key
//! of a real Vietnamese syllable fits in [`INLINE`] bytes, so no word costs an allocation.

use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use super::vocab::word_char;
use crate::text::{is_tone_mark, unlook_alike};

/// Keys up to this many bytes are stored inline. A seven-letter syllable such as
/// "nghiêng" with a tone mark decomposes to about a dozen bytes; 22 leaves room for most
/// abbreviations and numbers, and keeps a key (and so each word item of the tokenizer) a
/// word smaller than 30 did: the items of a paragraph are written and read for every byte
/// of the text.
const INLINE: usize = 22;

/// The comparison key of a word (or of a separator: the character, every dash as "-").
#[derive(Clone)]
pub(crate) struct Key(Repr);

#[derive(Clone)]
enum Repr {
    Inline { len: u8, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl Key {
    /// The key of the word or phrase `s`.
    pub(crate) fn new(s: &str) -> Key {
        inline_key(s).unwrap_or_else(|| write_key::<KeyWriter>(s).finish())
    }

    /// A key that is `s` itself.
    #[cfg(test)]
    pub(crate) fn verbatim(s: &str) -> Key {
        let mut w = KeyWriter::default();
        w.push_str(s);
        w.finish()
    }

    /// A key that is the character `c` itself (a separator's), built without the general
    /// writer: the tokenizer makes one for every separator.
    pub(crate) fn of_char(c: char) -> Key {
        let mut bytes = [0u8; INLINE];
        let len = c.encode_utf8(&mut bytes).len();
        // A character is at most four bytes.
        Key(Repr::Inline {
            len: u8::try_from(len).unwrap_or(0),
            bytes,
        })
    }

    pub(crate) fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Inline { len, bytes } => bytes.get(..usize::from(*len)).unwrap_or_default(),
            Repr::Heap(s) => s.as_bytes(),
        }
    }

    /// The key as text. Keys are built from whole characters, so this is never empty for a
    /// non-empty key.
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.as_bytes()).unwrap_or_default()
    }

    /// Whether the key holds an ASCII digit (the tagger tells it from a word's text).
    #[cfg(test)]
    pub(crate) fn has_digit(&self) -> bool {
        self.as_bytes().iter().any(u8::is_ascii_digit)
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Key) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_bytes().hash(state);
    }
}

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

/// The key of a word of ASCII and [`LATIN`] letters whose key fits in [`INLINE`] bytes
/// (nearly every word), written straight into the inline bytes; `None` sends the word to
/// [`write_key`], which gives the same key the slower way.
fn inline_key(s: &str) -> Option<Key> {
    let mut bytes = [0u8; INLINE];
    if s.is_ascii() {
        let dst = bytes.get_mut(..s.len())?;
        for (d, b) in dst.iter_mut().zip(s.bytes()) {
            *d = b.to_ascii_lowercase();
        }
        let len = u8::try_from(s.len()).ok()?;
        return Some(Key(Repr::Inline { len, bytes }));
    }
    let table = letters();
    let mut len = 0usize;
    let mut push = |bytes: &mut [u8; INLINE], b: u8| -> Option<()> {
        *bytes.get_mut(len)? = b;
        len += 1;
        Some(())
    };
    // The tone marks of the current word, written at its end (as in [`write_key_fast`]).
    let mut tones = [' '; MAX_TONES];
    let mut n_tones = 0usize;
    let flush = |bytes: &mut [u8; INLINE],
                 push: &mut dyn FnMut(&mut [u8; INLINE], u8) -> Option<()>,
                 tones: &[char]|
     -> Option<()> {
        for t in tones {
            for &b in t.encode_utf8(&mut [0; 4]).as_bytes() {
                push(bytes, b)?;
            }
        }
        Some(())
    };
    for c in s.chars() {
        if let Ok(b) = u8::try_from(c) {
            if b.is_ascii_alphanumeric() {
                push(&mut bytes, b.to_ascii_lowercase())?;
                continue;
            }
            if b.is_ascii() {
                flush(&mut bytes, &mut push, tones.get(..n_tones)?)?;
                n_tones = 0;
                push(&mut bytes, b)?;
                continue;
            }
        }
        let letter = letter_index(c)
            .and_then(|i| table.get(i))
            .filter(|l| l.ok)?;
        for &b in letter.base() {
            push(&mut bytes, b)?;
        }
        for &t in letter.tones.iter().take(usize::from(letter.n_tones)) {
            *tones.get_mut(n_tones)? = t;
            n_tones += 1;
        }
    }
    flush(&mut bytes, &mut push, tones.get(..n_tones)?)?;
    let len = u8::try_from(len).ok()?;
    Some(Key(Repr::Inline { len, bytes }))
}

/// Builds a key inline, spilling to the heap only for keys longer than [`INLINE`].
struct KeyWriter {
    len: usize,
    bytes: [u8; INLINE],
    heap: Option<String>,
}

impl Default for KeyWriter {
    fn default() -> KeyWriter {
        KeyWriter {
            len: 0,
            bytes: [0; INLINE],
            heap: None,
        }
    }
}

impl KeyWriter {
    fn finish(self) -> Key {
        match self.heap {
            Some(s) => Key(Repr::Heap(s.into_boxed_str())),
            // `len` never exceeds INLINE while `heap` is None.
            None => Key(Repr::Inline {
                len: u8::try_from(self.len).unwrap_or(0),
                bytes: self.bytes,
            }),
        }
    }
}

/// Where a key is written: inline or into a `String`.
trait KeySink {
    /// An empty sink with room for the key of an `n`-byte string.
    fn with_room(n: usize) -> Self;
    fn push(&mut self, c: char);
    fn push_str(&mut self, s: &str) {
        s.chars().for_each(|c| self.push(c));
    }
}

impl KeySink for KeyWriter {
    fn with_room(_: usize) -> KeyWriter {
        KeyWriter::default()
    }

    fn push_str(&mut self, s: &str) {
        let end = self.len + s.len();
        match self.bytes.get_mut(self.len..end) {
            Some(dst) if self.heap.is_none() => {
                dst.copy_from_slice(s.as_bytes());
                self.len = end;
            }
            _ => s.chars().for_each(|c| self.push(c)),
        }
    }

    fn push(&mut self, c: char) {
        if let Some(s) = &mut self.heap {
            s.push(c);
            return;
        }
        if let (Ok(b), Some(slot)) = (u8::try_from(c), self.bytes.get_mut(self.len)) {
            if b.is_ascii() {
                *slot = b;
                self.len += 1;
                return;
            }
        }
        let mut buf = [0u8; 4];
        let enc = c.encode_utf8(&mut buf).as_bytes();
        let end = self.len + enc.len();
        if let Some(dst) = self.bytes.get_mut(self.len..end) {
            dst.copy_from_slice(enc);
            self.len = end;
        } else {
            let mut s = String::with_capacity(end * 2);
            s.push_str(
                std::str::from_utf8(self.bytes.get(..self.len).unwrap_or_default())
                    .unwrap_or_default(),
            );
            s.push(c);
            self.heap = Some(s);
        }
    }
}

impl KeySink for String {
    fn with_room(n: usize) -> String {
        // Tone marks and vowel-shape marks of decomposed letters take a few more bytes.
        String::with_capacity(n + n / 2 + 4)
    }

    fn push(&mut self, c: char) {
        String::push(self, c);
    }

    fn push_str(&mut self, s: &str) {
        String::push_str(self, s);
    }
}

/// The key of `s` as a `String` (for names and roles compared once per mention).
pub(crate) fn key(s: &str) -> String {
    write_key(s)
}

/// At most this many tone marks are held before the end of a word on the fast path (a
/// real syllable has one; more sends the word to the general path).
const MAX_TONES: usize = 8;

/// Writes the key of `s` into `out`.
fn write_key<S: KeySink>(s: &str) -> S {
    let mut out = S::with_room(s.len());
    // Most words are plain ASCII: lower-cased without decomposing.
    if s.is_ascii() {
        s.bytes()
            .for_each(|b| out.push(char::from(b.to_ascii_lowercase())));
        return out;
    }
    if write_key_fast(s, &mut out) {
        return out;
    }
    let mut out = S::with_room(s.len());
    write_key_nfd(s, &mut out);
    out
}

/// Writes the key of `s` one character at a time through [`letters`]; false (with `out`
/// half written) if `s` needs the general path.
fn write_key_fast(s: &str, out: &mut impl KeySink) -> bool {
    let table = letters();
    let mut tones = [' '; MAX_TONES];
    let mut n_tones = 0usize;
    for c in s.chars() {
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else {
                tones.iter().take(n_tones).for_each(|&t| out.push(t));
                n_tones = 0;
                out.push(c);
            }
            continue;
        }
        let Some(letter) = letter_index(c).and_then(|i| table.get(i)).filter(|l| l.ok) else {
            return false;
        };
        out.push_str(letter.as_str());
        for &t in letter.tones.iter().take(usize::from(letter.n_tones)) {
            let Some(slot) = tones.get_mut(n_tones) else {
                return false;
            };
            *slot = t;
            n_tones += 1;
        }
    }
    tones.iter().take(n_tones).for_each(|&t| out.push(t));
    true
}

/// A Latin letter's share of a key: its canonical decomposition lower-cased without the
/// tone marks, and the tone marks, which go to the end of the word.
#[derive(Clone, Copy)]
struct Letter {
    bytes: [u8; 8],
    len: u8,
    tones: [char; 2],
    n_tones: u8,
    /// False for the few characters that do not fit (not letters, or longer parts).
    ok: bool,
}

impl Letter {
    fn base(&self) -> &[u8] {
        self.bytes.get(..usize::from(self.len)).unwrap_or_default()
    }

    fn as_str(&self) -> &str {
        let bytes = self.bytes.get(..usize::from(self.len)).unwrap_or_default();
        std::str::from_utf8(bytes).unwrap_or_default()
    }
}

/// The Latin blocks that hold every Vietnamese letter, in the order of the table.
const LATIN: [(char, char); 2] = [('\u{C0}', '\u{24F}'), ('\u{1E00}', '\u{1EFF}')];

fn letter_index(c: char) -> Option<usize> {
    let mut base = 0usize;
    for (first, last) in LATIN {
        if (first..=last).contains(&c) {
            return Some(base + (c as usize - first as usize));
        }
        base += last as usize - first as usize + 1;
    }
    None
}

/// The key share of every character of [`LATIN`], computed once from its canonical
/// decomposition exactly as [`write_key_nfd`] treats each part (a string of these
/// characters decomposes one character at a time: each decomposition starts with a base
/// letter, so canonical reordering never moves a mark across characters).
fn letters() -> &'static [Letter] {
    static LETTERS: OnceLock<Vec<Letter>> = OnceLock::new();
    LETTERS.get_or_init(|| {
        LATIN
            .iter()
            .flat_map(|&(first, last)| first..=last)
            .map(|c| {
                let mut parts: Vec<char> = Vec::new();
                unicode_normalization::char::decompose_canonical(unlook_alike(c), |d| {
                    parts.push(d)
                });
                let mut text = String::new();
                let mut tones: Vec<char> = Vec::new();
                let mut ok = true;
                for d in parts {
                    if is_tone_mark(d) {
                        tones.push(d);
                    } else if d.is_ascii_alphanumeric() {
                        text.push(d.to_ascii_lowercase());
                    } else if !d.is_ascii() && word_char(d) {
                        text.extend(d.to_lowercase());
                    } else {
                        // A part that would end the word's tone marks: left to the
                        // general path.
                        ok = false;
                    }
                }
                let mut letter = Letter {
                    bytes: [0; 8],
                    len: 0,
                    tones: [' '; 2],
                    n_tones: 0,
                    ok: ok && text.len() <= 8 && tones.len() <= 2,
                };
                if letter.ok {
                    if let Some(dst) = letter.bytes.get_mut(..text.len()) {
                        dst.copy_from_slice(text.as_bytes());
                    }
                    letter.len = u8::try_from(text.len()).unwrap_or(0);
                    for (slot, t) in letter.tones.iter_mut().zip(&tones) {
                        *slot = *t;
                    }
                    letter.n_tones = u8::try_from(tones.len()).unwrap_or(0);
                }
                letter
            })
            .collect()
    })
}

/// The general path: the whole string through NFD (canonical reordering included).
fn write_key_nfd(s: &str, out: &mut impl KeySink) {
    let mut tones = String::new();
    for c in s.chars().map(unlook_alike).nfd() {
        if is_tone_mark(c) {
            tones.push(c);
        } else if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else {
                out.push_str(&tones);
                tones.clear();
                out.push(c);
            }
        } else if word_char(c) {
            c.to_lowercase().for_each(|l| out.push(l));
        } else {
            out.push_str(&tones);
            tones.clear();
            out.push(c);
        }
    }
    out.push_str(&tones);
}

/// A fast hash for the tagger's small tables of short keys (the FxHash mixing step of
/// rustc): the tables are built from the crate's own vocabulary, so hash flooding is not a
/// concern, and SipHash costs more than the rest of a lookup.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(w));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

/// The hasher of the tagger's tables.
pub(crate) type FxBuild = BuildHasherDefault<FxHasher>;

#[cfg(test)]
mod tests {
    use super::*;

    fn slow(s: &str) -> String {
        let mut out = String::new();
        write_key_nfd(s, &mut out);
        out
    }

    /// The key as computed before the fast path existed.
    fn reference(s: &str) -> String {
        if s.is_ascii() {
            return s.to_ascii_lowercase();
        }
        slow(s)
    }

    #[test]
    fn fast_path_matches_nfd() {
        let mut cases: Vec<String> = [
            "Đảng Uỷ",
            "đảng ủy",
            "HÐND",
            "quận",
            "Nguyễn Văn Tuấn",
            "PBTTT",
            "ṍ-ṍx",
            "Thành phố Hồ Chí Minh, (tái cử)",
            "nghiêngnghiêngnghiêngnghiêngnghiêng",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for c in ('\u{C0}'..='\u{24F}').chain('\u{1E00}'..='\u{1EFF}') {
            cases.push(format!("{c}"));
            cases.push(format!("A{c}b{c}-{c}"));
            cases.push(format!("{c}\u{1EA1}{c}"));
        }
        for s in &cases {
            assert_eq!(key(s), reference(s), "{s}");
            assert_eq!(Key::new(s).as_str(), reference(s), "{s}");
        }
    }

    #[test]
    fn combining_diacritics_have_no_case() {
        for c in '\u{300}'..='\u{36F}' {
            assert!(c.to_lowercase().eq([c]), "{c:?}");
        }
    }

    #[test]
    fn long_keys_spill() {
        let s = "Nghiêng".repeat(10);
        assert_eq!(Key::new(&s).as_str(), key(&s));
        assert_eq!(Key::new(&s), Key::verbatim(&key(&s)));
    }
}
