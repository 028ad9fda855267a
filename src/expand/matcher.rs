//! Finding abbreviations: a cheap candidate scan, then an anchored Aho-Corasick search at
//! each candidate.
//!
//! Why not feed every byte through the automaton? An abbreviation can only start at the start
//! of a word, and the keys start with only a few dozen distinct bytes (mostly capital ASCII
//! letters and the first byte of "Đ"). Running text is mostly lower-case letters, spaces and
//! the continuation bytes of accented letters, so a vectorizable scan for those first bytes,
//! then a table of valid two-byte key prefixes, rejects almost every position before the
//! automaton is consulted. The automaton then runs anchored, so it stops at the first byte
//! that no key continues with.

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};
use unicode_normalization::UnicodeNormalization;

use crate::text::{word_ends_at, word_starts_at};

/// One compiled key: which entry it belongs to.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Key {
    pub(crate) entry: u32,
}

/// An automaton over every surface form, with the prefilter tables that go with it.
#[derive(Clone, Debug)]
pub(crate) struct KeySet {
    /// The Aho-Corasick automaton, walked by hand from `start` one byte at a time: an
    /// anchored walk over a few bytes costs less than a search call, and it sees every key
    /// that ends along the way, longest last.
    dfa: DFA,
    start: StateID,
    keys: Vec<Key>,
    scan: CandidateScan,
    /// Bit `(b0 << 8) | b1` is set when some key starts with bytes `b0 b1`, or is one byte
    /// long and starts with `b0`.
    pairs: Box<[u64; 1024]>,
    /// The exact set of the first three bytes of keys (for a two-byte key, its two bytes
    /// and each byte that may follow it). Capitalized words ("Thường", "Phó") share their first
    /// two bytes with some key far more often than their first three.
    triples: Triples,
    /// Whether the key starting at a candidate must start at a word start: true when every
    /// key starts with a word character (then a position inside a word is skipped early).
    keys_start_with_word_char: bool,
}

/// A raw hit: the key's entry and the byte range of the surface form in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Hit {
    pub(crate) entry: u32,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

impl KeySet {
    /// Compiles `(surface form, entry, numbered)` triples; a numbered form ("P" of "P10")
    /// is always followed by a digit, which the prefilter uses. With `variants`, each form is also compiled in
    /// decomposed form and with the look-alikes of Đ/đ, so that text in any Unicode form
    /// matches. With `case_insensitive`, forms also match in any letter case.
    pub(crate) fn build<'a>(
        forms: impl IntoIterator<Item = (&'a str, u32, bool)>,
        variants: bool,
        case_insensitive: bool,
    ) -> Result<KeySet, String> {
        let mut patterns: Vec<String> = Vec::new();
        let mut numbered_patterns = Vec::new();
        let mut keys = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (form, entry, numbered) in forms {
            let mut spellings = vec![form.to_string()];
            // "UB MTTQ" is also typed with a no-break space or two spaces; matching those
            // directly keeps the caller's bytes without a normalization pass.
            if form.contains(' ') {
                spellings.push(form.replace(' ', "\u{A0}"));
                spellings.push(form.replace(' ', "  "));
            }
            if case_insensitive {
                spellings.push(form.to_lowercase());
                spellings.push(form.to_uppercase());
            }
            if variants {
                let mut more = Vec::new();
                for s in &spellings {
                    let nfd: String = s.nfd().collect();
                    more.push(nfd);
                    more.extend(look_alike_spellings(s));
                }
                spellings.extend(more);
            }
            for s in spellings {
                if seen.insert(s.clone()) {
                    patterns.push(s);
                    numbered_patterns.push(numbered);
                    keys.push(Key { entry });
                }
            }
        }
        let dfa = DFA::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .ascii_case_insensitive(case_insensitive)
            .build(&patterns)
            .map_err(|e| e.to_string())?;
        let start = dfa.start_state(Anchored::Yes).map_err(|e| e.to_string())?;

        let mut first = [false; 256];
        let mut pairs = Box::new([0u64; 1024]);
        let mut triples = Triples::default();
        let mut keys_start_with_word_char = true;
        for (p, &numbered) in patterns.iter().zip(&numbered_patterns) {
            let b = p.as_bytes();
            let mut firsts = vec![b[0]];
            if case_insensitive && b[0].is_ascii_alphabetic() {
                firsts.push(b[0] ^ 0x20);
            }
            keys_start_with_word_char &= p.chars().next().is_some_and(crate::text::is_word_char);
            let ends_with_word_char = p.chars().next_back().is_some_and(crate::text::is_word_char);
            triples.add_key(b, numbered, ends_with_word_char, case_insensitive);
            for &f in &firsts {
                first[f as usize] = true;
                match b.get(1) {
                    Some(&s) => {
                        set_pair(&mut pairs, f, s);
                        if case_insensitive && s.is_ascii_alphabetic() {
                            set_pair(&mut pairs, f, s ^ 0x20);
                        }
                    }
                    None if numbered => (b'0'..=b'9').for_each(|s| set_pair(&mut pairs, f, s)),
                    None => (0..=255u8).for_each(|s| set_pair(&mut pairs, f, s)),
                }
            }
        }
        Ok(KeySet {
            dfa,
            start,
            keys,
            scan: CandidateScan::new(&first),
            pairs,
            triples,
            keys_start_with_word_char,
        })
    }

    /// The entry of pattern `pattern`.
    fn entry_of(&self, pattern: usize) -> u32 {
        self.keys[pattern].entry
    }

    /// The next hit at or after byte `from`, leftmost first, longest at that start, whole
    /// words only. `accept` may veto a hit (for example a numbered entry without its
    /// number); it returns the hit's real end, which may be past the key (the number).
    pub(crate) fn next_hit(
        &self,
        text: &str,
        from: usize,
        accept: impl FnMut(u32, usize, usize) -> Option<usize>,
    ) -> Option<Hit> {
        match self.scan.lanes {
            0 => self.next_hit_with::<0>(text, from, accept),
            1 => self.next_hit_with::<1>(text, from, accept),
            2 => self.next_hit_with::<2>(text, from, accept),
            3 => self.next_hit_with::<3>(text, from, accept),
            _ => self.next_hit_with::<MAX_LANES>(text, from, accept),
        }
    }

    fn next_hit_with<const LANES: usize>(
        &self,
        text: &str,
        from: usize,
        mut accept: impl FnMut(u32, usize, usize) -> Option<usize>,
    ) -> Option<Hit> {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut word_start = from;
        while word_start < n {
            let mut marks = match bytes.get(word_start..word_start + 8) {
                Some(w) => self
                    .scan
                    .marks::<LANES>(u64::from_le_bytes(w.try_into().ok()?)),
                // The last few bytes: every position is looked at.
                None => HIGH & ((1u64 << (8 * (n - word_start))) - 1),
            };
            while marks != 0 {
                let i = word_start + (marks.trailing_zeros() / 8) as usize;
                marks &= marks - 1;
                let first = bytes[i];
                if !self.scan.is_first(first) {
                    continue;
                }
                let second = bytes.get(i + 1).copied().unwrap_or(0);
                if !has_pair(&self.pairs, first, second) && i + 1 < n {
                    continue;
                }
                let third = bytes.get(i + 2).copied().unwrap_or(0);
                if !self.triples.admits(first, second, third) && i + 2 < n {
                    continue;
                }
                if self.keys_start_with_word_char && !word_starts_at(text, i) {
                    continue;
                }
                if let Some(hit) = self.longest_at(text, i, &mut accept) {
                    return Some(hit);
                }
            }
            word_start += 8;
        }
        None
    }

    /// The longest key starting at `i` that ends at a word end (and that `accept` takes).
    /// A longer key that fails the word-end test gives way to a shorter one ("TP.HCMC" still
    /// has "TP." at its start).
    fn longest_at(
        &self,
        text: &str,
        i: usize,
        accept: &mut impl FnMut(u32, usize, usize) -> Option<usize>,
    ) -> Option<Hit> {
        // Every key that ends along the walk, as (end, pattern); a few at most, since keys
        // nest only a few deep ("TP." in "TP.HCM"). Should more nest, the shortest go.
        const NESTED: usize = 8;
        let mut ends = [(0usize, 0u32); NESTED];
        let mut found = 0usize;
        let mut sid = self.start;
        for (k, &b) in text.as_bytes().get(i..)?.iter().enumerate() {
            sid = self.dfa.next_state(Anchored::Yes, sid, b);
            if !self.dfa.is_special(sid) {
                continue;
            }
            if self.dfa.is_dead(sid) {
                break;
            }
            if self.dfa.is_match(sid) {
                let pid = self.dfa.match_pattern(sid, 0);
                // Only a key that starts where the walk started.
                if self.dfa.pattern_len(pid) == k + 1 {
                    if found == NESTED {
                        ends.copy_within(1.., 0);
                        found -= 1;
                    }
                    ends[found] = (i + k + 1, pid.as_u32());
                    found += 1;
                }
            }
        }
        // Longest first (see above).
        for &(e, pattern) in ends[..found].iter().rev() {
            if !text.is_char_boundary(e) {
                continue;
            }
            let entry = self.entry_of(pattern as usize);
            let key_ends_with_word_char = text[i..e]
                .chars()
                .next_back()
                .is_some_and(crate::text::is_word_char);
            if let Some(real_end) = accept(entry, i, e) {
                if real_end != e || !key_ends_with_word_char || word_ends_at(text, e) {
                    return Some(Hit {
                        entry,
                        start: i,
                        end: real_end,
                    });
                }
            }
        }
        None
    }
}

/// The three-byte prefixes keys can appear with in text, exactly: for each two-byte prefix
/// of a key, the set of bytes that may come third. Capitalized words such as "Thường" or
/// "Trần" share their first two bytes with a key ("ThS", "TrS") far more often than their
/// first three, and each one stopped here is an automaton walk saved.
#[derive(Clone, Debug)]
struct Triples {
    /// For each two-byte prefix, 1 + the index of its set in `thirds` (0: no key).
    slot: Box<[u16]>,
    thirds: Vec<[u64; 4]>,
}

impl Default for Triples {
    fn default() -> Triples {
        Triples {
            slot: vec![0u16; 1 << 16].into_boxed_slice(),
            thirds: Vec::new(),
        }
    }
}

impl Triples {
    fn add(&mut self, a: u8, b: u8, c: u8) {
        let pair = (usize::from(a) << 8) | usize::from(b);
        let Some(slot) = self.slot.get_mut(pair) else {
            return;
        };
        if *slot == 0 {
            self.thirds.push([0; 4]);
            // Keys share far fewer than 65,535 two-byte prefixes; a set beyond that (never
            // reached) would share the last slot, admitting more, never fewer.
            *slot = u16::try_from(self.thirds.len()).unwrap_or(u16::MAX);
        }
        if let Some(set) = self.thirds.get_mut(usize::from(*slot) - 1) {
            set[usize::from(c >> 6)] |= 1 << (c & 63);
        }
    }

    /// Records the prefixes `key` can start text with. A key shorter than three bytes is
    /// followed by anything that does not continue its word.
    fn add_key(
        &mut self,
        key: &[u8],
        numbered: bool,
        ends_with_word_char: bool,
        case_insensitive: bool,
    ) {
        let mut put = |a: u8, b: u8, c: u8| {
            if case_insensitive {
                // Every case combination of the ASCII letters among the three bytes.
                for mask in 0..8u8 {
                    let flip = |x: u8, bit: u8| {
                        if mask & bit != 0 && x.is_ascii_alphabetic() {
                            x ^ 0x20
                        } else {
                            x
                        }
                    };
                    self.add(flip(a, 1), flip(b, 2), flip(c, 4));
                }
            } else {
                self.add(a, b, c);
            }
        };
        let may_follow = |c: u8| !(ends_with_word_char && c.is_ascii_alphanumeric());
        match *key {
            [a, b, c, ..] => put(a, b, c),
            // A one-byte numbered key ("P"): a digit, then anything.
            [a] if numbered => (b'0'..=b'9').for_each(|d| (0..=255).for_each(|c| put(a, d, c))),
            [a] => (0..=255)
                .filter(|&b| may_follow(b))
                .for_each(|b| (0..=255).for_each(|c| put(a, b, c))),
            [a, b] => (0..=255)
                .filter(|&c| may_follow(c))
                .for_each(|c| put(a, b, c)),
            [] => {}
        }
    }

    #[inline]
    fn admits(&self, a: u8, b: u8, c: u8) -> bool {
        let pair = (usize::from(a) << 8) | usize::from(b);
        match self.slot.get(pair).copied().unwrap_or(0) {
            0 => false,
            slot => self
                .thirds
                .get(usize::from(slot) - 1)
                .is_some_and(|set| set[usize::from(c >> 6)] & (1 << (c & 63)) != 0),
        }
    }
}

fn set_pair(pairs: &mut [u64; 1024], a: u8, b: u8) {
    let bit = ((a as usize) << 8) | b as usize;
    pairs[bit >> 6] |= 1 << (bit & 63);
}

fn has_pair(pairs: &[u64; 1024], a: u8, b: u8) -> bool {
    let bit = ((a as usize) << 8) | b as usize;
    pairs[bit >> 6] & (1 << (bit & 63)) != 0
}

/// Every spelling of `s` with some Đ/đ replaced by a look-alike (Ð U+00D0 / ð U+00F0,
/// Ɖ U+0189 / ɖ U+0256), all occurrences at once per look-alike (mixed spellings within one
/// abbreviation are not worth the blow-up).
fn look_alike_spellings(s: &str) -> Vec<String> {
    if !s.contains(['Đ', 'đ']) {
        return Vec::new();
    }
    [('\u{D0}', '\u{F0}'), ('\u{189}', '\u{256}')]
        .iter()
        .map(|&(upper, lower)| {
            s.chars()
                .map(|c| match c {
                    'Đ' => upper,
                    'đ' => lower,
                    c => c,
                })
                .collect()
        })
        .collect()
}

/// Finds the positions where a key may start, eight bytes at a time.
///
/// Keys start with a capital ASCII letter or one of a few other bytes (the lead byte of "Đ"
/// and "Ư", the "v" of "v/v"). Eight bytes are read as one `u64` and tested with a handful
/// of arithmetic operations that mark, exactly, each byte in the capital range or equal to
/// one of the other first bytes (SWAR: "SIMD within a register", no `unsafe` needed). Only
/// the marked positions are then checked against the exact tables, so the cost per byte of
/// running text is a fraction of an instruction per candidate-free byte.
#[derive(Clone, Debug)]
struct CandidateScan {
    exact: [bool; 256],
    /// `0x80 - lo` and `0x80 - (hi + 1)` for the capital range `lo..=hi`, repeated in each
    /// byte; an empty range is encoded so that it marks nothing.
    upper_ge: u64,
    upper_gt: u64,
    /// Other first bytes as (bits forced to 1, value) pairs repeated in every byte of a
    /// word: a byte is marked when `(byte | bits) == value`. Two first bytes that differ in
    /// one bit share a lane (the lead bytes 0xC4 of "Đ" and 0xC6 of "Ư"). Only the first
    /// `lanes` entries are used.
    others: [(u64, u64); MAX_LANES],
    lanes: usize,
    /// More lanes than `MAX_LANES`: every position is a candidate.
    admit_all: bool,
}

/// Lanes for the first bytes of keys other than capital ASCII letters.
const MAX_LANES: usize = 4;

/// Groups `bytes` into lanes `(bits, value)`: pairs that differ in exactly one bit share one.
fn lanes_for(bytes: &[u8]) -> Vec<(u8, u8)> {
    let mut left: Vec<u8> = bytes.to_vec();
    let mut lanes = Vec::new();
    while let Some(a) = left.pop() {
        match left.iter().position(|&b| (a ^ b).count_ones() == 1) {
            Some(k) => {
                let b = left.remove(k);
                let bit = a ^ b;
                lanes.push((bit, a | bit));
            }
            None => lanes.push((0, a)),
        }
    }
    lanes
}

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = ONES * 0x80;
const LOW7: u64 = ONES * 0x7F;

/// The high bit of each byte of `y` that is zero, exactly (no borrow crosses bytes, since
/// each byte sum stays below 0x100).
#[inline(always)]
fn zero_bytes(y: u64) -> u64 {
    !(((y & LOW7) + LOW7) | y | LOW7)
}

impl CandidateScan {
    fn new(exact: &[bool; 256]) -> CandidateScan {
        let upper: Vec<u8> = (b'A'..=b'Z').filter(|&b| exact[b as usize]).collect();
        let others: Vec<u8> = (0..=255u8)
            .filter(|&b| exact[b as usize] && !b.is_ascii_uppercase())
            .collect();
        // For x < 0x80: x + (0x80 - lo) has its high bit set exactly when x >= lo.
        let (upper_ge, upper_gt) = match (upper.first(), upper.last()) {
            (Some(&lo), Some(&hi)) => (
                ONES * u64::from(0x80 - lo),
                ONES * u64::from(0x80 - (hi + 1)),
            ),
            // lo = 0x80 marks no byte (x + 0 keeps the high bit clear for x < 0x80).
            _ => (0, 0),
        };
        let lanes = lanes_for(&others);
        let mut slots = [(0, 0); MAX_LANES];
        for (slot, &(bits, value)) in slots.iter_mut().zip(&lanes) {
            *slot = (ONES * u64::from(bits), ONES * u64::from(value));
        }
        CandidateScan {
            exact: *exact,
            upper_ge,
            upper_gt,
            others: slots,
            lanes: lanes.len().min(MAX_LANES),
            admit_all: lanes.len() > MAX_LANES,
        }
    }

    /// The high bit of each byte of `word` that may start a key (a superset of the exact
    /// first bytes: the capital range may hold letters no key starts with).
    /// `N` is the number of lanes in use, a constant so that the loop over lanes unrolls
    /// into straight-line code (see [`KeySet::next_hit`]).
    #[inline(always)]
    fn marks<const N: usize>(&self, word: u64) -> u64 {
        let x7 = word & LOW7;
        let ascii = !word & HIGH;
        let mut m = ((x7 + self.upper_ge) & !(x7 + self.upper_gt)) & ascii;
        for &(bits, value) in &self.others[..N] {
            m |= zero_bytes((word | bits) ^ value);
        }
        if self.admit_all {
            m = HIGH;
        }
        m
    }

    #[inline(always)]
    fn is_first(&self, b: u8) -> bool {
        self.exact[b as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(forms: &[&str], text: &str) -> Vec<String> {
        let ks = KeySet::build(
            forms.iter().enumerate().map(|(i, f)| (*f, i as u32, false)),
            true,
            false,
        )
        .unwrap();
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(h) = ks.next_hit(text, from, |_, _, e| Some(e)) {
            out.push(text[h.start..h.end].to_string());
            from = h.end;
        }
        out
    }

    #[test]
    fn leftmost_longest_whole_words() {
        let forms = [
            "TDP", "TDPVH", "UB MTTQ", "MTTQ", "CTMT", "TBCTMT", "TP.", "TP.HCM",
        ];
        assert_eq!(hits(&forms, "TDPVH và TDP"), ["TDPVH", "TDP"]);
        assert_eq!(hits(&forms, "UB MTTQ phường, MTTQ"), ["UB MTTQ", "MTTQ"]);
        assert_eq!(hits(&forms, "trưởng TBCTMT, ban CTMT"), ["TBCTMT", "CTMT"]);
        assert_eq!(hits(&forms, "XTDP TDPX TDP1 ĐTDP"), Vec::<String>::new());
        assert_eq!(hits(&forms, "TP.HCM, TP.HCMC"), ["TP.HCM", "TP."]);
    }

    #[test]
    fn swar_marks_are_exact_for_the_other_bytes_and_miss_nothing() {
        let mut exact = [false; 256];
        for b in [b'C', b'Q', b'U', b'T', b'v', 0xC4, 0xC6] {
            exact[b as usize] = true;
        }
        let scan = CandidateScan::new(&exact);
        assert_eq!(scan.lanes, 2, "0xC4 and 0xC6 share a lane");
        // Every byte value in every lane.
        for b in 0..=255u8 {
            for lane in 0..8 {
                let word = (u64::from(b) << (8 * lane))
                    | ((ONES * u64::from(b'x')) & !(0xFF << (8 * lane)));
                let marked = scan.marks::<2>(word) & (0x80 << (8 * lane)) != 0;
                let in_range = (b'C'..=b'U').contains(&b);
                assert_eq!(
                    marked,
                    in_range || exact[b as usize],
                    "byte {b:#x} in lane {lane}"
                );
            }
        }
    }
}
