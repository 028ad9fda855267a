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

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};
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
    ac: AhoCorasick,
    keys: Vec<Key>,
    scan: CandidateScan,
    /// Bit `(b0 << 8) | b1` is set when some key starts with bytes `b0 b1`, or is one byte
    /// long and starts with `b0`.
    pairs: Box<[u64; 1024]>,
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
    /// Compiles `(surface form, entry)` pairs. With `variants`, each form is also compiled in
    /// decomposed form and with the look-alikes of Đ/đ, so that text in any Unicode form
    /// matches. With `case_insensitive`, forms also match in any letter case.
    pub(crate) fn build<'a>(
        forms: impl IntoIterator<Item = (&'a str, u32)>,
        variants: bool,
        case_insensitive: bool,
    ) -> Result<KeySet, aho_corasick::BuildError> {
        let mut patterns: Vec<String> = Vec::new();
        let mut keys = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for (form, entry) in forms {
            let mut spellings = vec![form.to_string()];
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
                    keys.push(Key { entry });
                }
            }
        }
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(case_insensitive)
            .build(&patterns)?;

        let mut first = [false; 256];
        let mut pairs = Box::new([0u64; 1024]);
        let mut keys_start_with_word_char = true;
        for p in &patterns {
            let b = p.as_bytes();
            let mut firsts = vec![b[0]];
            if case_insensitive && b[0].is_ascii_alphabetic() {
                firsts.push(b[0] ^ 0x20);
            }
            keys_start_with_word_char &= p.chars().next().is_some_and(crate::text::is_word_char);
            for &f in &firsts {
                first[f as usize] = true;
                match b.get(1) {
                    Some(&s) => {
                        set_pair(&mut pairs, f, s);
                        if case_insensitive && s.is_ascii_alphabetic() {
                            set_pair(&mut pairs, f, s ^ 0x20);
                        }
                    }
                    None => (0..=255u8).for_each(|s| set_pair(&mut pairs, f, s)),
                }
            }
        }
        Ok(KeySet {
            ac,
            keys,
            scan: CandidateScan::new(&first),
            pairs,
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
        mut from: usize,
        mut accept: impl FnMut(u32, usize, usize) -> Option<usize>,
    ) -> Option<Hit> {
        let bytes = text.as_bytes();
        let n = bytes.len();
        while from < n {
            let i = self.scan.next(bytes, from)?;
            from = i + 1;
            let second = bytes.get(i + 1).copied().unwrap_or(0);
            if !has_pair(&self.pairs, bytes[i], second) && i + 1 < n {
                continue;
            }
            if self.keys_start_with_word_char && !word_starts_at(text, i) {
                continue;
            }
            if let Some(hit) = self.longest_at(text, i, &mut accept) {
                return Some(hit);
            }
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
        let mut end = text.len();
        loop {
            let input = Input::new(text).range(i..end).anchored(Anchored::Yes);
            let m = self.ac.find(input)?;
            let e = m.end();
            let entry = self.entry_of(m.pattern().as_usize());
            if text.is_char_boundary(e) {
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
            if e <= i + 1 {
                return None;
            }
            end = e - 1;
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

/// Finds the next byte that can start a key.
///
/// The first bytes of the keys are summarized as one ASCII range plus up to three other byte
/// values; a block of 32 bytes is tested against that summary with plain comparisons, which
/// the compiler turns into vector instructions, and only a block that may hold a candidate
/// is looked at byte by byte against the exact table.
#[derive(Clone, Debug)]
struct CandidateScan {
    exact: [bool; 256],
    ascii_lo: u8,
    ascii_len: u8,
    others: [u8; 3],
    /// More than three non-ASCII first bytes: the summary test admits every non-ASCII byte.
    any_high: bool,
}

impl CandidateScan {
    fn new(exact: &[bool; 256]) -> CandidateScan {
        let ascii: Vec<u8> = (0..128u8).filter(|&b| exact[b as usize]).collect();
        let high: Vec<u8> = (128..=255u8).filter(|&b| exact[b as usize]).collect();
        let (ascii_lo, ascii_len) = match (ascii.first(), ascii.last()) {
            (Some(&lo), Some(&hi)) => (lo, hi - lo + 1),
            _ => (0, 0),
        };
        // Unused slots repeat a real value (or an ASCII byte the range already covers), so
        // they never admit a byte that is not a candidate.
        let filler = high.first().copied().unwrap_or(ascii_lo);
        let mut others = [filler; 3];
        for (slot, &b) in others.iter_mut().zip(&high) {
            *slot = b;
        }
        CandidateScan {
            exact: *exact,
            ascii_lo,
            ascii_len,
            others,
            any_high: high.len() > 3,
        }
    }

    #[inline]
    fn maybe(&self, b: u8) -> bool {
        (b.wrapping_sub(self.ascii_lo) < self.ascii_len)
            | (b == self.others[0])
            | (b == self.others[1])
            | (b == self.others[2])
            | (self.any_high & (b >= 0x80))
    }

    #[inline]
    fn next(&self, bytes: &[u8], from: usize) -> Option<usize> {
        const BLOCK: usize = 32;
        let mut i = from;
        // Byte by byte up to the next block boundary would cost more than it saves; blocks
        // start at `from` instead.
        while i + BLOCK <= bytes.len() {
            let block: &[u8; BLOCK] = bytes[i..i + BLOCK].try_into().ok()?;
            let mut any = false;
            for &b in block {
                any |= self.maybe(b);
            }
            if any {
                for (k, &b) in block.iter().enumerate() {
                    if self.exact[b as usize] {
                        return Some(i + k);
                    }
                }
            }
            i += BLOCK;
        }
        bytes[i..]
            .iter()
            .position(|&b| self.exact[b as usize])
            .map(|k| i + k)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(forms: &[&str], text: &str) -> Vec<String> {
        let ks = KeySet::build(
            forms.iter().enumerate().map(|(i, f)| (*f, i as u32)),
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
    fn candidate_scan_agrees_with_the_table() {
        let mut exact = [false; 256];
        for b in [b'Q', b'U', 0xC4] {
            exact[b as usize] = true;
        }
        let scan = CandidateScan::new(&exact);
        let text =
            "các đồng chí trong thường trực Đảng ủy, tổ trưởng và trưởng ban công tác ở QCPH"
                .as_bytes();
        let mut from = 0;
        let mut found = Vec::new();
        while let Some(i) = scan.next(text, from) {
            found.push(i);
            from = i + 1;
        }
        let expected: Vec<usize> = (0..text.len())
            .filter(|&i| exact[text[i] as usize])
            .collect();
        assert_eq!(found, expected);
    }
}
