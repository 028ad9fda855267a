//! The fast path: finding, in one pass over the bytes, every place where a default step might
//! change something.
//!
//! Clean Vietnamese text is ASCII plus the two-byte letters U+00C0..U+01BF (lead bytes
//! C3..C6), the three-byte block U+1E80..U+1EFF (E1 BA xx, E1 BB xx) and the punctuation
//! U+2010..U+203F (E2 80 90..BF: dashes, quotes, ellipsis), all of which are already NFC and
//! need no step, except Ð (C3 90), ð (C3 B0), Ɖ (C6 89) and the narrow no-break space U+202F
//! (E2 80 AF). So the scanner looks at the bytes 64 at a time, each with the one after it,
//! with comparisons only (which the compiler turns into vector instructions): a space before a
//! space or a control character, any other lead byte, or one of those look-alikes. The
//! quarters of a block where something is flagged are tested again with the byte after next,
//! which lets the punctuation through; only the positions still flagged are looked at one by
//! one, where [`nfc::is_plain`] decides with the full Unicode data.

use super::nfc;

const BLOCK: usize = 64;
const QUARTER: usize = BLOCK / 4;
/// The bytes one block test reads: the block and the two after it.
const WINDOW: usize = BLOCK + 2;

/// Whether the position holding `b0`, followed by `b1` and `b2`, may need a step: a superset
/// of the problems, checked exactly at the flagged positions only. Without `PUNCT`, every
/// three-byte character E2 xx xx is flagged: the block test is cheaper without the third
/// byte, and the blocks it flags for punctuation alone are few (a dash or a quote every few
/// hundred bytes) and found clean by the test with `PUNCT`.
#[inline(always)]
fn flag<const PUNCT: bool>(b0: u8, b1: u8, b2: u8) -> u8 {
    let space = (b0 == b' ') as u8 & (b1 <= b' ') as u8;
    let lead = (b0 >= 0xC0) as u8;
    let latin = (b0.wrapping_sub(0xC3) < 4) as u8;
    let viet_e1 = (b0 == 0xE1) as u8 & ((b1 & 0xFE) == 0xBA) as u8;
    let punct = if PUNCT {
        (b0 == 0xE2) as u8 & (b1 == 0x80) as u8 & (b2 >= 0x90) as u8 & (b2 != 0xAF) as u8
    } else {
        0
    };
    // Ð (C3 90), ð (C3 B0) and Ɖ (C6 89) are the pairs after a lead byte C3..C6 whose two
    // bytes XOR to 53, 73 or 4F; so are a few rare letters (Ì, C3 8C, among them), which
    // the exact test then lets through. One XOR costs less than testing both bytes.
    let x = b0 ^ b1;
    let look_alike = latin & (((x & 0xDF) == 0x53) as u8 | (x == 0x4F) as u8);
    space | (lead & ((latin | viet_e1 | punct) ^ 1)) | look_alike
}

/// Which quarters of the block (16 positions each) have a position flagged, punctuation
/// included: byte `k` of the answer is not zero for quarter `k`. Only those quarters are
/// then looked at again.
#[inline(always)]
fn dirty_quarters(w: &[u8; WINDOW]) -> u32 {
    let mut bad = [0u8; 4];
    for (k, b) in bad.iter_mut().enumerate() {
        for j in 0..QUARTER {
            let i = QUARTER * k + j;
            *b |= flag::<false>(w[i], w[i + 1], w[i + 2]);
        }
    }
    u32::from_le_bytes(bad)
}

/// The flagged positions of quarter `k` of the block, one bit each (punctuation let
/// through).
#[inline(always)]
fn quarter_mask(w: &[u8; WINDOW], k: usize) -> u64 {
    let mut flags = [0u8; QUARTER];
    for (j, f) in flags.iter_mut().enumerate() {
        let i = QUARTER * k + j;
        *f = flag::<true>(w[i], w[i + 1], w[i + 2]);
    }
    gather(&flags)
}

/// One bit for each flag (0 or 1), in order; at most 64 flags.
#[inline(always)]
fn gather(flags: &[u8]) -> u64 {
    let mut mask = 0u64;
    for (h, part) in flags.chunks_exact(8).enumerate() {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(part);
        // Gathers the low bit of each of the eight bytes into one byte.
        let bits = (u64::from_le_bytes(eight).wrapping_mul(0x0102_0408_1020_4080)) >> 56;
        mask |= bits << (8 * h);
    }
    mask
}

/// The flagged positions of the block, one bit each (punctuation let through).
#[inline(always)]
fn block_mask(w: &[u8; WINDOW]) -> u64 {
    let dirty = dirty_quarters(w);
    let mut mask = 0u64;
    for k in 0..4 {
        if (dirty >> (8 * k)) & 0xFF != 0 {
            mask |= quarter_mask(w, k) << (QUARTER * k);
        }
    }
    mask
}

/// Whether a space at `p` starts a run of spaces that the space pass may shorten: it is
/// followed by a space, a line break or the end, and does not follow a space.
fn is_space_run_start(bytes: &[u8], p: usize) -> bool {
    bytes.get(p) == Some(&b' ')
        && matches!(bytes.get(p + 1), None | Some(b' ' | b'\n' | b'\r'))
        && (p == 0 || bytes.get(p - 1) != Some(&b' '))
}

/// Where runs of spaces start (see [`is_space_run_start`]), for a text whose characters need
/// no more looking at.
pub(crate) fn space_runs(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // The end is padded with a line break, as in [`Scanner`].
        let mut w = [b'\n'; BLOCK + 1];
        let block = match bytes.get(i..i + BLOCK + 1) {
            Some(b) => <&[u8; BLOCK + 1]>::try_from(b).unwrap_or(&w),
            None => {
                let rest = bytes.get(i..).unwrap_or(&[]);
                w[..rest.len()].copy_from_slice(rest);
                &w
            }
        };
        let mut bad = 0u8;
        for k in 0..BLOCK {
            bad |= (block[k] == b' ') as u8 & (block[k + 1] <= b' ') as u8;
        }
        if bad != 0 {
            let mut flags = [0u8; BLOCK];
            for (k, f) in flags.iter_mut().enumerate() {
                *f = (block[k] == b' ') as u8 & (block[k + 1] <= b' ') as u8;
            }
            let mut mask = gather(&flags);
            while mask != 0 {
                let p = i + mask.trailing_zeros() as usize;
                mask &= mask - 1;
                if is_space_run_start(bytes, p) {
                    runs.push(p);
                }
            }
        }
        i += BLOCK;
    }
    runs
}

/// One pass over a text: hands out the characters that are not plain, in order, and notes on
/// the way where runs of spaces start.
pub(crate) struct Scanner<'t> {
    text: &'t str,
    /// Start of the block whose flagged positions are in `mask`.
    base: usize,
    /// Flagged positions of that block not looked at yet.
    mask: u64,
    /// Start of the next block.
    next: usize,
    /// Every position where [`is_space_run_start`] holds, among those scanned.
    spaces: Vec<usize>,
}

impl<'t> Scanner<'t> {
    pub(crate) fn new(text: &'t str) -> Scanner<'t> {
        Scanner {
            text,
            base: 0,
            mask: 0,
            next: 0,
            spaces: Vec::new(),
        }
    }

    /// The first character at or after `floor` that is not plain (not NFC-stable, a
    /// look-alike, a no-break space or an invisible character). `floor` never decreases from
    /// one call to the next; characters before it are passed over.
    pub(crate) fn next_char_problem(&mut self, floor: usize) -> Option<usize> {
        let bytes = self.text.as_bytes();
        loop {
            while self.mask != 0 {
                let p = self.base + self.mask.trailing_zeros() as usize;
                self.mask &= self.mask - 1;
                if bytes.get(p) == Some(&b' ') {
                    if is_space_run_start(bytes, p) {
                        self.spaces.push(p);
                    }
                } else if p >= floor {
                    let c = crate::text::char_at(self.text, p);
                    if c.is_some_and(|c| !nfc::is_plain(c)) {
                        return Some(p);
                    }
                }
            }
            if !self.next_block() {
                return None;
            }
        }
    }

    /// Scans what is left and returns where runs of spaces start, in order.
    pub(crate) fn into_space_runs(mut self) -> Vec<usize> {
        while self.next_char_problem(usize::MAX).is_some() {}
        self.spaces
    }

    /// Moves to the next block with a flagged position; false at the end of the text.
    fn next_block(&mut self) -> bool {
        let bytes = self.text.as_bytes();
        let mut i = self.next;
        while let Some(w) = bytes.get(i..i + WINDOW) {
            let Ok(w) = <&[u8; WINDOW]>::try_from(w) else {
                break;
            };
            let mask = block_mask(w);
            if mask == 0 {
                i += BLOCK;
                continue;
            }
            self.base = i;
            self.mask = mask;
            self.next = i + BLOCK;
            return true;
        }
        let Some(rest) = bytes.get(i..).filter(|r| !r.is_empty()) else {
            self.next = bytes.len();
            return false;
        };
        // The end, padded with line breaks: a space before the end is flagged as before a
        // line break, and nothing else is.
        let mut w = [b'\n'; WINDOW];
        let n = rest.len().min(WINDOW);
        w[..n].copy_from_slice(&rest[..n]);
        self.base = i;
        self.mask = block_mask(&w);
        if n < BLOCK {
            self.mask &= (1u64 << n) - 1;
        }
        self.next = i + BLOCK;
        true
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The first character at or after `from` that is not plain, one character at a time.
    pub(crate) fn next_char_problem_simple(text: &str, from: usize) -> Option<usize> {
        let from = (from..=text.len()).find(|&i| text.is_char_boundary(i))?;
        text.get(from..)?
            .char_indices()
            .find(|&(_, c)| !nfc::is_plain(c))
            .map(|(i, _)| from + i)
    }

    /// The first space at or after `from` followed by a space, a line break or the end.
    pub(crate) fn next_space_problem_simple(bytes: &[u8], from: usize) -> Option<usize> {
        (from..bytes.len()).find(|&p| {
            bytes.get(p) == Some(&b' ')
                && matches!(bytes.get(p + 1), None | Some(b' ' | b'\n' | b'\r'))
        })
    }

    /// Every character problem, asking with floors one past each answer, and the space runs.
    fn scan_all(text: &str) -> (Vec<usize>, Vec<usize>) {
        let mut s = Scanner::new(text);
        let mut chars = Vec::new();
        let mut floor = 0;
        while let Some(p) = s.next_char_problem(floor) {
            chars.push(p);
            floor = p + 1;
        }
        (chars, s.into_space_runs())
    }

    fn scan_all_simple(text: &str) -> (Vec<usize>, Vec<usize>) {
        let mut chars = Vec::new();
        let mut floor = 0;
        while let Some(p) = next_char_problem_simple(text, floor) {
            chars.push(p);
            floor = p + 1;
        }
        let spaces = (0..text.len())
            .filter(|&p| is_space_run_start(text.as_bytes(), p))
            .collect();
        (chars, spaces)
    }

    #[test]
    fn finds_problems_anywhere_in_a_block() {
        let clean = "Phường Ngọc Lâm: Đánh giá hai năm thực hiện Qui chế phối hợp – “tốt”…\n";
        let long = clean.repeat(5);
        assert_eq!(scan_all(&long), (vec![], vec![]));
        for bad in [
            "  ", " \n", " \r\n", "\u{A0}", "a\u{301}", "Ð", "ð", "Ɖ", "ɖ", "\u{200B}", "\u{FEFF}",
            "\u{212B}", "\u{202F}", "\u{2000}", "\u{AD}",
        ] {
            for at in [0, 1, 3, 62, 63, 64, 65, 66, 130, long.len()] {
                let mut p = at.min(long.len());
                while !long.is_char_boundary(p) {
                    p += 1;
                }
                let mut t = long.clone();
                t.insert_str(p, bad);
                let found = scan_all(&t);
                assert_eq!(found, scan_all_simple(&t), "{bad:?} at {p}");
                assert!(
                    found.0.len() + found.1.len() == 1,
                    "{bad:?} at {p}: {found:?}"
                );
            }
        }
        assert_eq!(scan_all("abc "), (vec![], vec![3]));
        assert_eq!(scan_all("ab  c   "), (vec![], vec![2, 5]));
        assert_eq!(scan_all(" \t x"), (vec![], vec![]));
    }

    #[test]
    fn scanner_agrees_with_the_simple_scan() {
        // Pieces with every byte the block test treats specially, at every offset of a block.
        let pieces = [
            " ", "  ", "\n", "\r", "\t", "a", "Đ", "ơ", "ệ", "–", "“", "…", "\u{A0}", "\u{202F}",
            "\u{200B}", "\u{200D}", "\u{2000}", "\u{301}", "Ð", "ð", "Ɖ", "ɖ", "ḍ", "€", "°",
            "\u{212B}", "😀", "é", "İ", "Ì", "ė", "ķ", "Ŋ", "Ƶ", "«", "\u{AD}", "\u{2060}",
            "\u{200C}", "\u{1F71}", "\u{FEFF}",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..3000 {
            let mut t = String::new();
            let n = (seed % 200) as usize;
            for _ in 0..n {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push_str(pieces[(seed % pieces.len() as u64) as usize]);
            }
            let simple = scan_all_simple(&t);
            assert_eq!(space_runs(&t), simple.1, "{t:?}");
            assert_eq!(scan_all(&t), simple, "{t:?}");
        }
    }
}
