//! TCVN3 (TCVN 5712:1993, the "ABC" fonts such as .VnTime): the 8-bit Vietnamese encoding of
//! most administrative documents typed before Unicode. ASCII stays ASCII; the letters with
//! marks sit in bytes 0xA1..0xFE. A TCVN3 file opened as Latin-1 or Windows-1252 shows them as
//! the Latin-1 characters with the same numbers ("tæ chøc héi nghÞ" for "tổ chức hội nghị"),
//! so the table is keyed by those characters, U+00A1..U+00FE, which is also what a raw byte
//! becomes when decoded one byte to one character.
//!
//! TCVN3 has codes only for the lowercase letters and for the capitals without a tone (Ă Â Ê
//! Ô Ơ Ư Đ): ABC fonts draw the other capitals with a separate capitals font (.VnTimeH) from
//! the lowercase codes, so those decode to lowercase letters.

/// Byte 0xA1 + i (or character U+00A1 + i) decodes to `TABLE[i]`; `'\0'` marks a byte with no
/// letter. Written from the published TCVN3 (VN3) code chart.
const TABLE: [char; 94] = [
    'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ', 'ă', 'â', 'ê', 'ô', 'ơ', 'ư', 'đ', '\0', // A1..AF
    '\0', '\0', '\0', '\0', '\0', 'à', 'ả', 'ã', 'á', 'ạ', '\0', 'ằ', 'ẳ', 'ẵ', 'ắ',
    '\0', // B0..BF
    '\0', '\0', '\0', '\0', '\0', '\0', 'ặ', 'ầ', 'ẩ', 'ẫ', 'ấ', 'ậ', 'è', '\0', 'ẻ',
    'ẽ', // C0..CF
    'é', 'ẹ', 'ề', 'ể', 'ễ', 'ế', 'ệ', 'ì', 'ỉ', '\0', '\0', '\0', 'ĩ', 'í', 'ị',
    'ò', // D0..DF
    '\0', 'ỏ', 'õ', 'ó', 'ọ', 'ồ', 'ổ', 'ỗ', 'ố', 'ộ', 'ờ', 'ở', 'ỡ', 'ớ', 'ợ', 'ù', // E0..EF
    '\0', 'ủ', 'ũ', 'ú', 'ụ', 'ừ', 'ử', 'ữ', 'ứ', 'ự', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ', // F0..FE
];

/// The letter that the TCVN3 code shown as `c` stands for, if any.
pub(crate) fn decode(c: char) -> Option<char> {
    let i = (c as u32).checked_sub(0xA1)?;
    TABLE.get(i as usize).copied().filter(|&d| d != '\0')
}

/// The TCVN3 code of a letter, as the Latin-1 character with that number (for tests and for
/// writing examples).
#[cfg(test)]
pub(crate) fn encode(letter: char) -> Option<char> {
    let i = TABLE.iter().position(|&d| d == letter)?;
    char::from_u32(0xA1 + i as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::letters::accented_letters;

    #[test]
    fn every_lowercase_letter_and_the_plain_capitals() {
        let mut n = 0;
        for c in accented_letters() {
            let code = encode(c).unwrap_or_else(|| panic!("{c} has a TCVN3 code"));
            assert_eq!(decode(code), Some(c));
            n += 1;
        }
        assert_eq!(n, 67);
        for c in ['Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'] {
            assert_eq!(decode(encode(c).unwrap()), Some(c));
        }
        // No two codes for one letter.
        let mut seen: Vec<char> = TABLE.iter().copied().filter(|&c| c != '\0').collect();
        seen.sort_unstable();
        let before = seen.len();
        seen.dedup();
        assert_eq!(seen.len(), before);
        assert_eq!(before, 74);
    }

    #[test]
    fn the_corpus_example() {
        let decoded: String = "tæ chøc héi nghÞ"
            .chars()
            .map(|c| decode(c).unwrap_or(c))
            .collect();
        assert_eq!(decoded, "tổ chức hội nghị");
        let d: String = "ViÖt Nam §¶ng ng\u{AD}êi Hµ Néi"
            .chars()
            .map(|c| decode(c).unwrap_or(c))
            .collect();
        assert_eq!(d, "Việt Nam Đảng người Hà Nội");
    }
}
