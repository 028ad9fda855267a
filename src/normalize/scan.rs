//! The fast path: finding, in one pass over the bytes, the first place where a default step
//! might change something.
//!
//! Clean Vietnamese text is ASCII plus the two-byte letters U+00C0..U+01BF (lead bytes
//! C3..C6) and the three-byte block U+1E80..U+1EFF (E1 BA xx, E1 BB xx), all of which are
//! already NFC and need no step, except Ð (C3 90), ð (C3 B0) and Ɖ (C6 89). So the scanner
//! looks at pairs of bytes, 64 at a time, with comparisons only (which the compiler turns
//! into vector instructions): a space before a space or a line break, any other lead byte, or
//! one of those look-alikes. Only a flagged block is looked at character by character, where
//! [`nfc::is_plain`] decides with the full Unicode data.

use super::nfc;

const BLOCK: usize = 64;

/// Whether the byte pair starting at each position of the block is harmless. `SPACES` and
/// `CHARS` choose which problems to look for.
#[inline(always)]
fn block_is_clean<const SPACES: bool, const CHARS: bool>(block: &[u8; BLOCK + 1]) -> bool {
    let (now, next) = (&block[..BLOCK], &block[1..]);
    let mut bad = 0u8;
    for (&b0, &b1) in now.iter().zip(next) {
        if SPACES {
            let space = (b0 == b' ') as u8;
            let follows = (b1 == b' ') as u8 | (b1 == b'\n') as u8 | (b1 == b'\r') as u8;
            bad |= space & follows;
        }
        if CHARS {
            let lead = (b0 >= 0xC0) as u8;
            let viet_lead = (b0.wrapping_sub(0xC3) < 4) as u8 | (b0 == 0xE1) as u8;
            let eth = (b0 == 0xC3) as u8 & ((b1 == 0x90) as u8 | (b1 == 0xB0) as u8);
            let african_d = (b0 == 0xC6) as u8 & (b1 == 0x89) as u8;
            let other_e1 = (b0 == 0xE1) as u8 & ((b1 & 0xFE) != 0xBA) as u8;
            bad |= (lead & (viet_lead ^ 1)) | eth | african_d | other_e1;
        }
    }
    bad == 0
}

/// Checks characters one by one from `start` (moved forward to a character boundary) until
/// `stop` is passed. Returns `Err(p)` for a problem at `p`, or `Ok(resume)`, a character
/// boundary at or after `stop`.
fn check_chars<const SPACES: bool, const CHARS: bool>(
    text: &str,
    mut start: usize,
    stop: usize,
) -> Result<usize, usize> {
    while start < text.len() && !text.is_char_boundary(start) {
        start += 1;
    }
    let bytes = text.as_bytes();
    let Some(rest) = text.get(start..) else {
        return Ok(text.len());
    };
    for (i, c) in rest.char_indices() {
        let p = start + i;
        if p >= stop {
            return Ok(p);
        }
        if c == ' ' {
            if SPACES && matches!(bytes.get(p + 1), None | Some(b' ' | b'\n' | b'\r')) {
                return Err(p);
            }
        } else if CHARS && !nfc::is_plain(c) {
            return Err(p);
        }
    }
    Ok(text.len())
}

fn next_problem<const SPACES: bool, const CHARS: bool>(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(block) = bytes.get(i..i + BLOCK + 1) {
        let block: &[u8; BLOCK + 1] = block.try_into().ok()?;
        if block_is_clean::<SPACES, CHARS>(block) {
            i += BLOCK;
            continue;
        }
        match check_chars::<SPACES, CHARS>(text, i, i + BLOCK) {
            Err(p) => return Some(p),
            Ok(resume) => i = resume,
        }
    }
    check_chars::<SPACES, CHARS>(text, i, usize::MAX).err()
}

/// The first position at or after `from` where any default step may change something.
pub(crate) fn next_any(text: &str, from: usize) -> Option<usize> {
    next_problem::<true, true>(text, from)
}

/// Like [`next_char_problem`], for text where problems come close together (decomposed
/// text has one every few bytes): looks at the next few characters one by one before going
/// back to whole blocks.
pub(crate) fn next_char_problem_near(text: &str, from: usize) -> Option<usize> {
    match check_chars::<false, true>(text, from, from + 24) {
        Err(p) => Some(p),
        Ok(resume) => next_char_problem(text, resume),
    }
}

/// The first character at or after `from` that is not plain (not NFC-stable, a look-alike, a
/// no-break space or an invisible character).
pub(crate) fn next_char_problem(text: &str, from: usize) -> Option<usize> {
    next_problem::<false, true>(text, from)
}

/// The first space at or after `from` that is followed by a space, a line break or the end.
pub(crate) fn next_space_problem(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(block) = bytes.get(i..i + BLOCK + 1) {
        let block: &[u8; BLOCK + 1] = block.try_into().ok()?;
        if block_is_clean::<true, false>(block) {
            i += BLOCK;
            continue;
        }
        break;
    }
    let rest = bytes.get(i..)?;
    rest.iter().enumerate().find_map(|(k, &b)| {
        let bad = b == b' ' && matches!(rest.get(k + 1), None | Some(b' ' | b'\n' | b'\r'));
        bad.then_some(i + k)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_problems_anywhere_in_a_block() {
        let clean = "Phường Ngọc Lâm: Đánh giá hai năm thực hiện Qui chế phối hợp – “tốt”.\n";
        let long = clean.repeat(5);
        assert_eq!(next_any(&long, 0), None);
        for bad in [
            "  ", " \n", "\u{A0}", "a\u{301}", "Ð", "ð", "Ɖ", "\u{200B}", "\u{FEFF}", "\u{212B}",
        ] {
            for at in [0, 3, 63, 64, 65, 130, long.len()] {
                let mut p = at.min(long.len());
                while !long.is_char_boundary(p) {
                    p += 1;
                }
                let mut t = long.clone();
                t.insert_str(p, bad);
                let found = next_any(&t, 0);
                assert!(
                    found.is_some_and(|f| f <= p + 1),
                    "{bad:?} at {p}: {found:?}"
                );
            }
        }
        assert_eq!(next_any("abc ", 0), Some(3));
        assert_eq!(next_space_problem(b"ab  c", 0), Some(2));
    }
}
