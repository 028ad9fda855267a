//! The words the tagger knows: titles, organizations, administrative levels, the cues that
//! introduce a person, the surnames, role-only readings of abbreviations, and the place
//! names that look like personal names. All of it is compiled once into phrase tables keyed
//! by [`Key`], so that case and tone-mark placement ("Đảng uỷ" / "đảng ủy") do not count.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::key::{FxBuild, Key};
use super::token::{Item, ItemKind};
use super::Level;
use crate::text::is_word_char;

/// The surname list, one per line (see the file's header).
const SURNAMES: &str = include_str!("../../dictionaries/tag/surnames.txt");

/// Titles (chức danh), in official capitalization. Longer titles win over their prefixes
/// ("Phó Bí thư Thường trực" over "Phó Bí thư"). `true`: the title can stand alone as a role;
/// `false`: it only makes a role with an organization after it ("Trưởng Công an", "Đại biểu
/// Hội đồng nhân dân"), since "phó", "trưởng" or "đại biểu" alone are ordinary words.
const TITLES: &[(&str, bool)] = &[
    ("Bí thư", true),
    ("Phó Bí thư", true),
    ("Phó Bí thư Thường trực", true),
    ("Tổng Bí thư", true),
    ("Chủ tịch", true),
    ("Phó Chủ tịch", true),
    ("Phó Chủ tịch Thường trực", true),
    ("Ủy viên", false),
    ("Ủy viên Ban Thường vụ", true),
    ("Ủy viên Thường vụ", true),
    ("Ủy viên Ban Chấp hành", true),
    ("Ủy viên Thường trực", true),
    ("Ủy viên Ban Thường trực", true),
    ("Quận ủy viên", true),
    ("Huyện ủy viên", true),
    ("Thành ủy viên", true),
    ("Tỉnh ủy viên", true),
    ("Thị ủy viên", true),
    ("Đảng ủy viên", true),
    ("Trưởng", false),
    ("Phó", false),
    ("Trưởng ban", true),
    ("Phó Trưởng ban", true),
    ("Phó Trưởng ban Thường trực", true),
    ("Tổ trưởng", true),
    ("Tổ phó", true),
    ("Trưởng khu phố", true),
    ("Phó Trưởng khu phố", true),
    ("Trưởng ấp", true),
    ("Trưởng thôn", true),
    ("Giám đốc", false),
    ("Phó Giám đốc", false),
    ("Trưởng phòng", true),
    ("Phó Trưởng phòng", true),
    ("Chánh", false),
    ("Phó Chánh", false),
    ("Chánh Văn phòng", true),
    ("Phó Chánh Văn phòng", true),
    ("Đại biểu", false),
    ("Chuyên viên", false),
    ("Công chức", false),
    ("Chính trị viên", true),
    ("Chính trị viên phó", true),
    ("Chỉ huy trưởng", true),
    ("Chỉ huy phó", true),
    ("Chủ nhiệm", false),
    ("Phó Chủ nhiệm", false),
    ("Thủ tướng", true),
    ("Phó Thủ tướng", true),
    ("Bộ trưởng", true),
    ("Thứ trưởng", true),
    ("Hiệu trưởng", true),
    ("Phó Hiệu trưởng", true),
    ("Chánh án", true),
    ("Viện trưởng", true),
];

/// How an organization relates to the administrative levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OrgKind {
    /// A body that exists at every level and takes the level from the text ("Đảng ủy
    /// phường", "Ủy ban nhân dân xã").
    Body,
    /// A Party committee that names its level itself ("Quận ủy", "Tỉnh ủy"); a place name
    /// may follow it directly ("Thành ủy Tuyên Quang").
    Committee,
}

/// Organizations with a fixed official name.
const ORGANIZATIONS: &[(&str, OrgKind)] = &[
    ("Ủy ban nhân dân", OrgKind::Body),
    ("Hội đồng nhân dân", OrgKind::Body),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam", OrgKind::Body),
    ("Ủy ban Mặt trận Tổ quốc", OrgKind::Body),
    ("Mặt trận Tổ quốc Việt Nam", OrgKind::Body),
    ("Mặt trận Tổ quốc", OrgKind::Body),
    ("Ủy ban Mặt trận", OrgKind::Body),
    ("Đảng ủy", OrgKind::Body),
    ("Đảng bộ", OrgKind::Body),
    ("Chi bộ", OrgKind::Body),
    ("Ban Chấp hành", OrgKind::Body),
    ("Ban Thường vụ", OrgKind::Body),
    ("Ban Thường trực", OrgKind::Body),
    ("Ban Chỉ huy Quân sự", OrgKind::Body),
    ("Ban Công tác Mặt trận", OrgKind::Body),
    ("Ủy ban Kiểm tra", OrgKind::Body),
    ("Hội Liên hiệp Phụ nữ", OrgKind::Body),
    ("Hội Phụ nữ", OrgKind::Body),
    ("Hội Cựu chiến binh", OrgKind::Body),
    ("Hội Nông dân", OrgKind::Body),
    ("Hội Người cao tuổi", OrgKind::Body),
    ("Hội Chữ thập đỏ", OrgKind::Body),
    ("Hội Khuyến học", OrgKind::Body),
    ("Đoàn Thanh niên Cộng sản Hồ Chí Minh", OrgKind::Body),
    ("Đoàn Thanh niên", OrgKind::Body),
    ("Công an", OrgKind::Body),
    ("Công đoàn", OrgKind::Body),
    ("Quân sự", OrgKind::Body),
    ("Tòa án nhân dân", OrgKind::Body),
    ("Viện Kiểm sát nhân dân", OrgKind::Body),
    // The fields of commune civil servants (công chức cấp xã), Nghị định 33/2023/NĐ-CP
    // Điều 5: "Công chức Văn hóa - Xã hội xã".
    ("Văn phòng - Thống kê", OrgKind::Body),
    ("Địa chính - Xây dựng", OrgKind::Body),
    ("Tài chính - Kế toán", OrgKind::Body),
    ("Tư pháp - Hộ tịch", OrgKind::Body),
    ("Văn hóa - Xã hội", OrgKind::Body),
    ("Quận ủy", OrgKind::Committee),
    ("Huyện ủy", OrgKind::Committee),
    ("Thành ủy", OrgKind::Committee),
    ("Tỉnh ủy", OrgKind::Committee),
    ("Thị ủy", OrgKind::Committee),
];

/// Names of a Party or Front "Ban" that may be written in lower case after "Trưởng ban"
/// ("Trưởng ban dân vận"). "Xây dựng Đảng ủy" is the commune-level Ban Xây dựng Đảng (set
/// up in 2025) of the Đảng ủy, written with "Đảng" once ("Trưởng ban xây dựng Đảng ủy xã").
const BAN_NAMES: &[(&str, &str)] = &[
    ("Dân vận", "Dân vận"),
    ("Tuyên giáo", "Tuyên giáo"),
    ("Tuyên giáo và Dân vận", "Tuyên giáo và Dân vận"),
    ("Tổ chức", "Tổ chức"),
    ("Kiểm tra", "Kiểm tra"),
    ("Xây dựng Đảng", "Xây dựng Đảng"),
    ("Xây dựng Đảng ủy", "Xây dựng Đảng Đảng ủy"),
    ("Công tác Mặt trận", "Công tác Mặt trận"),
    ("Chỉ huy Quân sự", "Chỉ huy Quân sự"),
    ("Chỉ đạo", "Chỉ đạo"),
    ("Điều hành", "Điều hành"),
    ("Giám sát", "Giám sát"),
    ("Thanh tra nhân dân", "Thanh tra nhân dân"),
    ("Pháp chế", "Pháp chế"),
    ("Kinh tế - Xã hội", "Kinh tế - Xã hội"),
    ("Văn hóa - Xã hội", "Văn hóa - Xã hội"),
    ("Kinh tế - Ngân sách", "Kinh tế - Ngân sách"),
    ("Dân tộc", "Dân tộc"),
    ("Nội chính", "Nội chính"),
    ("Nông thôn mới", "Nông thôn mới"),
];

/// Nouns that head an organization's proper name ("Ban Dân vận", "Phòng Tư pháp", "Trung
/// tâm Chính trị"): after one of them, capitalized words belong to the name.
const ORG_HEADS: &[&str] = &[
    "Ban",
    "Hội",
    "Phòng",
    "Trung tâm",
    "Văn phòng",
    "Sở",
    "Cục",
    "Chi cục",
    "Ủy ban",
    "Trường",
    "Viện",
    "Bệnh viện",
    "Đoàn",
];

/// Administrative levels, from the smallest. "TP" is the usual short form of "thành phố"
/// in running text ("HĐND TP Tuyên Quang").
const LEVELS: &[(&str, Level)] = &[
    ("tổ dân phố", Level::ResidentialGroup),
    ("khu phố", Level::Quarter),
    ("ấp", Level::Hamlet),
    ("thôn", Level::Village),
    ("phường", Level::Ward),
    ("xã", Level::Commune),
    ("thị trấn", Level::Township),
    ("quận", Level::UrbanDistrict),
    ("huyện", Level::RuralDistrict),
    ("thị xã", Level::Town),
    ("thành phố", Level::City),
    ("tp", Level::City),
    ("tỉnh", Level::Province),
    ("Trung ương", Level::Central),
];

/// Words that introduce a personal name: honorifics and forms of address, "đồng chí" and its
/// short form, and the ranks of the People's Army and Police (Luật Sĩ quan Quân đội nhân
/// dân 1999, Điều 10; Luật Công an nhân dân 2018, Điều 22).
const CUES: &[&str] = &[
    "đồng chí",
    "đ/c",
    "ông",
    "bà",
    "anh",
    "chị",
    "Đại tướng",
    "Thượng tướng",
    "Trung tướng",
    "Thiếu tướng",
    "Đại tá",
    "Thượng tá",
    "Trung tá",
    "Thiếu tá",
    "Đại úy",
    "Thượng úy",
    "Trung úy",
    "Thiếu úy",
];

/// Words that put a capitalized run after them in a place: administrative levels, and
/// streets, which are often named after people ("đường Lê Lợi", "phố Hồng Hà").
const PLACE_WORDS: &[&str] = &[
    "tổ dân phố",
    "khu phố",
    "ấp",
    "thôn",
    "phường",
    "xã",
    "thị trấn",
    "quận",
    "huyện",
    "thị xã",
    "thành phố",
    "tp",
    "tỉnh",
    "đường",
    "phố",
    "ngõ",
    "hẻm",
    "cầu",
    "chợ",
    "khu",
];

/// Place names that begin with a listed surname and are not people: provinces and cities
/// ("Hà Nội", "Thái Bình"), and the city and the youth union named after Hồ Chí Minh.
const NOT_PEOPLE: &[&str] = &[
    "Hồ Chí Minh",
    "Hà Nội",
    "Hà Nam",
    "Hà Tĩnh",
    "Hà Giang",
    "Cao Bằng",
    "Lâm Đồng",
    "Thái Bình",
    "Thái Nguyên",
    "Thái Lan",
    "Đồng Nai",
    "Đồng Tháp",
    "An Giang",
    "Ninh Bình",
    "Ninh Thuận",
    "Sơn La",
    "Hoa Kỳ",
    "Cà Mau",
    "Bạc Liêu",
    "Bà Rịa",
    "Hồ Tây",
    "Hồ Gươm",
    "Hồ Hoàn Kiếm",
    "Kim Bảng",
    "Văn Quan",
];

/// Readings of abbreviations that only make sense inside a role and are not in the general
/// dictionaries (a "CT" outside a role is as likely "Chỉ thị"). They take precedence over
/// the dictionaries inside roles. Sources: the articles of the project's corpus (040:
/// "PBTĐU - CT UBND phường", "TVĐU - CT UBMTTQ VN phường", "PCT UBND"; 062: "Phó BT đảng
/// uỷ"; 003 and 032: "Ủy viên BTV"; 025: "UVTV"; 052: "BCHQS huyện"; 043: "Hội LHPN"; 048:
/// "Hội CCB").
const ROLE_ABBREVIATIONS: &[(&str, &str)] = &[
    ("PBTĐU", "Phó Bí thư Đảng ủy"),
    ("TVĐU", "Ủy viên Ban Thường vụ Đảng ủy"),
    ("CT", "Chủ tịch"),
    ("PCT", "Phó Chủ tịch"),
    ("BT", "Bí thư"),
    ("PBT", "Phó Bí thư"),
    ("BTV", "Ban Thường vụ"),
    ("UVTV", "Ủy viên Thường vụ"),
    ("UVBCH", "Ủy viên Ban Chấp hành"),
    ("BCHQS", "Ban Chỉ huy Quân sự"),
    ("LHPN", "Liên hiệp Phụ nữ"),
    ("CCB", "Cựu chiến binh"),
    ("TNCS", "Thanh niên Cộng sản"),
    ("QU", "Quận ủy"),
    ("HU", "Huyện ủy"),
    ("UB", "Ủy ban"),
    ("UBMT", "Ủy ban Mặt trận"),
    ("MTTQVN", "Mặt trận Tổ quốc Việt Nam"),
    ("TP", "thành phố"),
    ("TPHCM", "thành phố Hồ Chí Minh"),
];

/// Lower-case words that end an organization's name when they follow it: conjunctions,
/// prepositions and the verbs that usually come after a role in news text.
const STOP_WORDS: &[&str] = &[
    "và", "của", "cùng", "tại", "với", "đã", "được", "để", "trong", "về", "là", "có", "các",
    "những", "đến", "dự", "từ", "theo", "khi", "đang", "sẽ", "thì", "mà", "cho", "này", "đó",
    "kiêm", "gồm", "phát", "chủ", "trao", "tham", "làm", "nêu", "báo", "tặng", "đồng", "ra", "lên",
    "vừa", "nhấn", "thay", "giữ", "đề", "kết", "ghi", "chúc", "đọc", "công",
];

/// [`is_word_char`], with fast answers for ASCII and for the Latin blocks that hold every
/// Vietnamese letter (the general Unicode tables are slow for them).
pub(crate) fn word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') {
        c != '\u{D7}' && c != '\u{F7}'
    } else if is_combining_diacritic(c) {
        // The marks of decomposed text, every one a combining mark.
        true
    } else {
        is_word_char(c)
    }
}

/// The Combining Diacritical Marks block (U+0300–U+036F): every tone and vowel mark of
/// decomposed Vietnamese.
pub(crate) fn is_combining_diacritic(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}')
}

/// [`char::is_alphabetic`], with fast answers for ASCII and the Latin blocks (all their
/// characters but "×" and "÷" are letters).
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') {
        c != '\u{D7}' && c != '\u{F7}'
    } else {
        c.is_alphabetic()
    }
}

/// What the tokenizer and the name scan ask about a character, answered at once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct CharClass(u8);

impl CharClass {
    const WORD: u8 = 1;
    const LETTER: u8 = 2;
    const UPPER: u8 = 4;
    const LOWER: u8 = 8;
    const SPACE: u8 = 16;

    /// The class from the general Unicode properties (and [`word_char`]).
    fn compute(c: char) -> CharClass {
        let mut bits = 0;
        for (yes, bit) in [
            (word_char(c), CharClass::WORD),
            (is_letter(c), CharClass::LETTER),
            (c.is_uppercase(), CharClass::UPPER),
            (c.is_lowercase(), CharClass::LOWER),
            (c.is_whitespace(), CharClass::SPACE),
        ] {
            if yes {
                bits |= bit;
            }
        }
        CharClass(bits)
    }

    /// [`word_char`].
    pub(crate) fn word(self) -> bool {
        self.0 & CharClass::WORD != 0
    }
    /// [`is_letter`].
    pub(crate) fn letter(self) -> bool {
        self.0 & CharClass::LETTER != 0
    }
    /// [`char::is_uppercase`].
    pub(crate) fn upper(self) -> bool {
        self.0 & CharClass::UPPER != 0
    }
    /// [`char::is_lowercase`].
    pub(crate) fn lower(self) -> bool {
        self.0 & CharClass::LOWER != 0
    }
    /// [`char::is_whitespace`].
    pub(crate) fn space(self) -> bool {
        self.0 & CharClass::SPACE != 0
    }
}

/// The classes of the ASCII characters, computed at compile time: the tokenizer asks for
/// one per byte of most text, and this answers without the lazily built table below.
const ASCII_CLASSES: [CharClass; 128] = {
    let mut table = [CharClass(0); 128];
    let mut b = 0u8;
    while b < 128 {
        let mut bits = 0;
        if b.is_ascii_alphanumeric() {
            bits |= CharClass::WORD;
        }
        if b.is_ascii_alphabetic() {
            bits |= CharClass::LETTER;
        }
        if b.is_ascii_uppercase() {
            bits |= CharClass::UPPER;
        }
        if b.is_ascii_lowercase() {
            bits |= CharClass::LOWER;
        }
        // `char::is_whitespace` for ASCII: tab, line feed, vertical tab, form feed, carriage
        // return, space.
        if matches!(b, 9..=13 | 32) {
            bits |= CharClass::SPACE;
        }
        table[b as usize] = CharClass(bits);
        b += 1;
    }
    table
};

/// The class of the ASCII character `b` (an empty class for other bytes).
pub(crate) fn ascii_class(b: u8) -> CharClass {
    ASCII_CLASSES
        .get(usize::from(b))
        .copied()
        .unwrap_or_default()
}

/// The characters whose classes are kept in a table: everything up to the end of the
/// combining diacritics (ASCII, the Latin blocks, decomposed marks), then Latin Extended
/// Additional, which holds most Vietnamese letters with tone marks, and General
/// Punctuation (dashes, curly quotes, ellipsis). Other characters ask the Unicode tables.
const TABLE_LOW: u32 = 0x370;
const TABLE_EXT: (u32, u32) = (0x1E00, 0x2070);

/// The class of `c`, from a table computed once (from the general properties, so the two
/// always agree) for the characters of Vietnamese text.
#[inline]
pub(crate) fn char_class(c: char) -> CharClass {
    if c.is_ascii() {
        return ascii_class(c as u8);
    }
    scalar_class(u32::from(c))
}

/// [`char_class`] of the character whose scalar value is `u`, for a decoder that has the
/// value rather than the `char` (an empty class if `u` is not a scalar value).
#[inline]
pub(crate) fn scalar_class(u: u32) -> CharClass {
    static TABLE: OnceLock<Vec<CharClass>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        (0..TABLE_LOW)
            .chain(TABLE_EXT.0..TABLE_EXT.1)
            .map(|u| char::from_u32(u).map_or(CharClass::default(), CharClass::compute))
            .collect()
    });
    let index = if u < TABLE_LOW {
        Some(u)
    } else if (TABLE_EXT.0..TABLE_EXT.1).contains(&u) {
        Some(u - TABLE_EXT.0 + TABLE_LOW)
    } else {
        None
    };
    index
        .and_then(|i| table.get(usize::try_from(i).ok()?))
        .copied()
        .unwrap_or_else(|| char::from_u32(u).map_or(CharClass::default(), CharClass::compute))
}

/// The key of a separator item: every dash is "-".
pub(crate) fn sep_key(c: char) -> char {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
        c => c,
    }
}

/// False when the word written `text` cannot have the key `key`: a key keeps the word's
/// leading ASCII character in place, lower-cased (see [`Starts`]), so a word that starts
/// with another ASCII character has another key.
pub(crate) fn may_have_key(text: &str, key: &Key) -> bool {
    match (text.as_bytes().first(), key.as_bytes().first()) {
        (Some(&b), Some(&k)) if b.is_ascii() => b.to_ascii_lowercase() == k,
        _ => true,
    }
}

impl Vocab {
    /// False when no title can start with the word `it`, told from its text alone: the
    /// key of a word written in ASCII is ASCII (its letters lower-cased), and a title
    /// whose first word has an ASCII key is rare (none is listed). Most words of running
    /// text tried as the start of a role are ruled out here before their number is looked
    /// up.
    pub(crate) fn may_start_title(&self, it: &Item<'_>) -> bool {
        !it.text.is_ascii() || titles_start_in_ascii()
    }

    /// Whether a title, an organization, a level or a Ban's name ends with the word `it`.
    pub(crate) fn ends_role_phrase(&self, it: &Item<'_>) -> bool {
        usize::try_from(it.id())
            .ok()
            .and_then(|i| self.role_ends.get(i))
            .is_some_and(|&end| end)
    }
}

/// Whether the first word of some title has an ASCII key.
fn titles_start_in_ascii() -> bool {
    static ASCII: OnceLock<bool> = OnceLock::new();
    *ASCII.get_or_init(|| {
        TITLES.iter().any(|(title, _)| {
            title
                .split_whitespace()
                .next()
                .is_some_and(|w| Key::new(w).as_bytes().is_ascii())
        })
    })
}

/// Phrases keyed by their words' keys, looked up at a position of an item list. The
/// longest phrase wins.
#[derive(Debug)]
pub(crate) struct PhraseTable<V> {
    /// The phrases, as words of the [`Lexicon`], by their first word, longest first.
    by_first: Vec<Vec<(Vec<WordId>, V)>>,
    starts: Starts,
}

/// The ASCII starts of the phrases' first keys, so that a word that starts with ASCII can
/// be ruled out from its text alone, before its key is computed and hashed: most words
/// looked up start no phrase.
///
/// A key keeps a word's leading ASCII characters in place, lower-cased (tone marks go to
/// the end of the word, look-alikes and decompositions concern other characters only): a
/// word whose first two bytes are ASCII has a key starting with those two bytes lower-cased.
#[derive(Clone, Debug)]
struct Starts {
    /// Bit `b` of `first`: some first key starts with the ASCII byte `b`.
    first: u128,
    /// Bit `b * 128 + c` of `pairs` (64 bits a word): some first key starts with the ASCII
    /// bytes `b`, `c`; bit `b * 128`: some first key is `b` alone.
    pairs: Box<[u64; 256]>,
    /// Some first key has no word character, as a separator's has (its character): only
    /// then can a phrase start at a separator.
    non_word: bool,
}

impl Starts {
    fn new<'k>(keys: impl Iterator<Item = &'k Key>) -> Starts {
        let mut starts = Starts {
            first: 0,
            pairs: Box::new([0; 256]),
            non_word: false,
        };
        for key in keys {
            starts.non_word |= !key.as_str().chars().any(word_char);
            let bytes = key.as_bytes();
            let Some(&k0) = bytes.first().filter(|b| b.is_ascii()) else {
                continue;
            };
            starts.first |= 1 << k0;
            let pair = bytes.get(1).copied().unwrap_or(0);
            if pair.is_ascii() {
                let bit = usize::from(k0) * 128 + usize::from(pair);
                if let Some(p) = starts.pairs.get_mut(bit / 64) {
                    *p |= 1 << (bit % 64);
                }
            }
        }
        starts
    }

    /// The starts of `self` and of `other` together.
    fn union(&self, other: &Starts) -> Starts {
        let mut pairs = self.pairs.clone();
        for (p, q) in pairs.iter_mut().zip(other.pairs.iter()) {
            *p |= q;
        }
        Starts {
            first: self.first | other.first,
            pairs,
            non_word: self.non_word || other.non_word,
        }
    }

    /// False when no first key can be the key of the item `it`: a word ruled out by its
    /// text, or a separator (whose key is its character, never a word character) when
    /// every first key has a word character.
    #[inline]
    fn may_start_item(&self, it: &Item<'_>) -> bool {
        if it.kind == ItemKind::Word {
            self.may_start(it.text)
        } else {
            self.non_word
        }
    }

    /// False when no first key can be the key of the word `text`.
    #[inline]
    fn may_start(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let Some(&b0) = bytes.first().filter(|b| b.is_ascii()) else {
            return true;
        };
        let k0 = b0.to_ascii_lowercase();
        match bytes.get(1) {
            Some(&b1) if !b1.is_ascii() => self.first & (1 << k0) != 0,
            next => {
                let k1 = next.map_or(0, u8::to_ascii_lowercase);
                let bit = usize::from(k0) * 128 + usize::from(k1);
                self.pairs
                    .get(bit / 64)
                    .is_some_and(|p| p & (1 << (bit % 64)) != 0)
            }
        }
    }
}

impl<V> PhraseTable<V> {
    fn new(entries: impl IntoIterator<Item = (&'static str, V)>) -> PhraseTable<V> {
        let lexicon = lexicon();
        let mut by_first: Vec<Vec<(Vec<WordId>, V)>> = Vec::new();
        let mut first_keys: Vec<Key> = Vec::new();
        for (phrase, value) in entries {
            let keys: Vec<Key> = phrase.split_whitespace().map(Key::new).collect();
            let words: Vec<WordId> = keys.iter().map(|k| lexicon.id(k)).collect();
            // (A phrase with a word outside the lexicon could never match: the lexicon is
            // built from every list of phrases, and a test checks that none is left out.)
            let (Some(first), Some(first_key)) = (words.first(), keys.first()) else {
                continue;
            };
            if words.contains(&NOT_A_PHRASE_WORD) {
                continue;
            }
            let slot = usize::try_from(*first).unwrap_or(usize::MAX);
            if slot >= by_first.len() {
                by_first.resize_with(slot + 1, Vec::new);
            }
            if let Some(list) = by_first.get_mut(slot) {
                if list.is_empty() {
                    first_keys.push(first_key.clone());
                }
                list.push((words, value));
            }
        }
        for list in &mut by_first {
            list.sort_by_key(|e| std::cmp::Reverse(e.0.len()));
        }
        let starts = Starts::new(first_keys.iter());
        PhraseTable { by_first, starts }
    }

    /// The numbers of the last words of the phrases.
    fn last_words(&self) -> impl Iterator<Item = WordId> + '_ {
        self.by_first
            .iter()
            .flatten()
            .filter_map(|p| p.0.last().copied())
    }

    /// The phrases whose first word is `it`, longest first.
    fn starting_with(&self, it: &Item) -> &[(Vec<WordId>, V)] {
        usize::try_from(it.id())
            .ok()
            .and_then(|i| self.by_first.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// The longest phrase at `items[i..]`: how many items it covers, and its value.
    pub(crate) fn longest(&self, items: &[Item], i: usize) -> Option<(usize, &V)> {
        let first = items.get(i)?;
        if !self.starts.may_start_item(first) || first.kind == ItemKind::Break {
            return None;
        }
        // (Each phrase found starts with the item's word: only the words after it are
        // compared.)
        self.starting_with(first).iter().find_map(|(words, value)| {
            let matches = words.iter().enumerate().skip(1).all(|(k, &w)| {
                items
                    .get(i + k)
                    .is_some_and(|it| it.id() == w && it.kind != ItemKind::Break)
            });
            matches.then_some((words.len(), value))
        })
    }

    /// The first words of the phrases, each with the length of its longest phrase.
    fn firsts(&self) -> Vec<(usize, usize)> {
        self.by_first
            .iter()
            .enumerate()
            .filter_map(|(id, list)| Some((id, list.iter().map(|p| p.0.len()).max()?)))
            .collect()
    }

    /// The first two words of the phrases of two words or more.
    fn pairs(&self) -> Vec<(WordId, WordId)> {
        self.by_first
            .iter()
            .flatten()
            .filter_map(|p| Some((*p.0.first()?, *p.0.get(1)?)))
            .collect()
    }

    /// Whether a phrase starts with the word `it` (told from its text alone when it can
    /// be, before its number is looked up).
    pub(crate) fn starts_with(&self, it: &Item) -> bool {
        self.starts.may_start_item(it) && !self.starting_with(it).is_empty()
    }
}

/// The role tables (titles, organizations, levels, heads of organizations) with a phrase
/// that starts with a word, by the word's number: the name scan asks at every word of a
/// name whether a role starts there, and one lookup answers for every table (most words of
/// names start none).
#[derive(Debug)]
pub(crate) struct FirstWords {
    /// Per [`WordId`]: the bits of the tables ([`FIRST_TITLE`]...) with a phrase starting
    /// with the word.
    tables: Vec<u16>,
    /// The starts of the first words of the tables.
    starts: Starts,
    /// The first two words of every title, organization and level of two words or more:
    /// bit `first * words + second`, for the numbers of the lexicon's `words` words.
    long_roles: Vec<u64>,
    /// How many words the lexicon has.
    words: usize,
}

/// A title starts with the word ([`FirstWords`]).
pub(crate) const FIRST_TITLE: u16 = 1;
/// A title of two words or more starts with the word.
pub(crate) const FIRST_LONG_TITLE: u16 = 1 << 1;
/// An organization starts with the word.
pub(crate) const FIRST_ORG: u16 = 1 << 2;
/// An organization of two words or more starts with the word.
pub(crate) const FIRST_LONG_ORG: u16 = 1 << 3;
/// A level starts with the word.
pub(crate) const FIRST_LEVEL: u16 = 1 << 4;
/// A level of two words or more starts with the word.
pub(crate) const FIRST_LONG_LEVEL: u16 = 1 << 5;
/// The head of an organization's name starts with the word.
pub(crate) const FIRST_ORG_HEAD: u16 = 1 << 6;

impl FirstWords {
    fn new(vocab: &Vocab) -> FirstWords {
        let mut tables: Vec<u16> = Vec::new();
        let mut starts: Option<Starts> = None;
        // (first words and their longest phrases, text filter, bit for any phrase, bit for
        // a phrase of two words or more) of each table asked at a name word.
        fn asked<V>(
            table: &PhraseTable<V>,
            any: u16,
            long: u16,
        ) -> (Vec<(usize, usize)>, &Starts, u16, u16) {
            (table.firsts(), &table.starts, any, long)
        }
        let asked = [
            asked(&vocab.titles, FIRST_TITLE, FIRST_LONG_TITLE),
            asked(&vocab.orgs, FIRST_ORG, FIRST_LONG_ORG),
            asked(&vocab.levels, FIRST_LEVEL, FIRST_LONG_LEVEL),
            asked(&vocab.org_heads, FIRST_ORG_HEAD, FIRST_ORG_HEAD),
        ];
        for (by_first, table_starts, any, long) in asked {
            for (id, longest) in by_first {
                if id >= tables.len() {
                    tables.resize(id + 1, 0);
                }
                if let Some(t) = tables.get_mut(id) {
                    *t |= any;
                    if longest >= 2 {
                        *t |= long;
                    }
                }
            }
            starts = Some(match starts.take() {
                Some(s) => s.union(table_starts),
                None => table_starts.clone(),
            });
        }
        let words = lexicon().ids.len();
        let mut long_roles = vec![0u64; (words * words).div_ceil(64)];
        for (first, second) in (vocab.titles.pairs().into_iter())
            .chain(vocab.orgs.pairs())
            .chain(vocab.levels.pairs())
        {
            let (Ok(first), Ok(second)) = (usize::try_from(first), usize::try_from(second)) else {
                continue;
            };
            let bit = first * words + second;
            if let Some(w) = long_roles.get_mut(bit / 64) {
                *w |= 1 << (bit % 64);
            }
        }
        FirstWords {
            tables,
            starts: starts.unwrap_or_else(|| Starts::new(std::iter::empty())),
            long_roles,
            words,
        }
    }

    /// False when no title, organization or level of two words or more starts with the
    /// items `first` and `second`.
    #[inline]
    pub(crate) fn may_start_long_role(&self, first: &Item<'_>, second: Option<&Item<'_>>) -> bool {
        second.is_some_and(|second| {
            if second.kind == ItemKind::Break {
                return false;
            }
            let (Ok(a), Ok(b)) = (usize::try_from(first.id()), usize::try_from(second.id())) else {
                return false;
            };
            // (Words outside the lexicon start no phrase.)
            a < self.words
                && b < self.words
                && self
                    .long_roles
                    .get((a * self.words + b) / 64)
                    .is_some_and(|w| w & (1 << ((a * self.words + b) % 64)) != 0)
        })
    }

    /// The tables ([`FIRST_TITLE`]...) with a phrase whose first word is `it`: a bit is
    /// set exactly when that table's [`PhraseTable::starts_with`] says yes.
    #[inline]
    pub(crate) fn of(&self, it: &Item<'_>) -> u16 {
        if !self.starts.may_start_item(it) {
            return 0;
        }
        usize::try_from(it.id())
            .ok()
            .and_then(|i| self.tables.get(i))
            .copied()
            .unwrap_or(0)
    }
}

/// The last words of the cues: a cue is looked for before a capitalized word only if the
/// word before it ends one, and most words before a capitalized word end none.
#[derive(Debug)]
pub(crate) struct CueEnds {
    /// Per [`WordId`]: whether a cue ends with the word.
    ends: Vec<bool>,
    /// The starts of their keys.
    starts: Starts,
}

impl CueEnds {
    fn new() -> CueEnds {
        let keys: Vec<Key> = CUES
            .iter()
            .filter_map(|cue| cue.split_whitespace().last())
            .map(Key::new)
            .collect();
        let mut ends = Vec::new();
        for key in &keys {
            let Ok(id) = usize::try_from(lexicon().id(key)) else {
                continue;
            };
            if id >= ends.len() {
                ends.resize(id + 1, false);
            }
            if let Some(end) = ends.get_mut(id) {
                *end = true;
            }
        }
        CueEnds {
            ends,
            starts: Starts::new(keys.iter()),
        }
    }

    /// False when no cue ends with the item `it`.
    #[inline]
    pub(crate) fn may_end(&self, it: &Item<'_>) -> bool {
        self.starts.may_start_item(it)
            && usize::try_from(it.id())
                .ok()
                .and_then(|i| self.ends.get(i))
                .is_some_and(|&end| end)
    }
}

/// The number of a word of the phrase tables (or of [`PARSER_WORDS`]) in the [`Lexicon`];
/// the other words of the text have [`NOT_A_PHRASE_WORD`].
pub(crate) type WordId = u32;

/// The [`WordId`] of every word that is in no phrase (nor in [`PARSER_WORDS`]).
pub(crate) const NOT_A_PHRASE_WORD: WordId = WordId::MAX;

/// Every word of the phrase tables (and [`PARSER_WORDS`]), by key, numbered: a word of the text is looked up here
/// once (its key hashed once), and then compared with the words of the phrases by number.
#[derive(Debug)]
pub(crate) struct Lexicon {
    ids: HashMap<Key, WordId, FxBuild>,
}

impl Lexicon {
    /// The number of the word whose key is `key`.
    pub(crate) fn id(&self, key: &Key) -> WordId {
        self.ids.get(key).copied().unwrap_or(NOT_A_PHRASE_WORD)
    }
}

/// A memo of [`WordId`]s by the words as written, for [`Item::id`]: a hash table of its
/// own, because most words are short and are then compared as two machine words, where a
/// general map would hash and compare them byte by byte through a string comparison.
///
/// It keeps at most [`WrittenWords::KEPT`] words (about 400 KiB), then starts afresh.
pub(crate) struct WrittenWords {
    /// Open addressing, linear probing; a slot with `len` 0 is free.
    slots: Vec<Slot>,
    used: usize,
    /// Words longer than [`Slot`] holds.
    long: HashMap<Box<str>, WordId, FxBuild>,
}

/// A word of up to 16 bytes, as two little-endian words, zero-padded.
#[derive(Clone, Copy, Default)]
struct Slot {
    a: u64,
    b: u64,
    len: u32,
    id: WordId,
}

impl Default for WrittenWords {
    fn default() -> WrittenWords {
        WrittenWords {
            slots: vec![Slot::default(); WrittenWords::SLOTS],
            used: 0,
            long: HashMap::default(),
        }
    }
}

impl WrittenWords {
    const SLOTS: usize = 1 << 14;
    const KEPT: usize = WrittenWords::SLOTS / 4 * 3;

    /// The number of `text`, computed by `compute` the first time.
    pub(crate) fn id(&mut self, text: &str, compute: impl FnOnce() -> WordId) -> WordId {
        let bytes = text.as_bytes();
        let mut buf = [0u8; 16];
        let (Some(dst), Ok(len @ 1..)) = (buf.get_mut(..bytes.len()), u32::try_from(bytes.len()))
        else {
            return self.id_long(text, compute);
        };
        dst.copy_from_slice(bytes);
        let [a0, a1, a2, a3, a4, a5, a6, a7, b0, b1, b2, b3, b4, b5, b6, b7] = buf;
        let a = u64::from_le_bytes([a0, a1, a2, a3, a4, a5, a6, a7]);
        let b = u64::from_le_bytes([b0, b1, b2, b3, b4, b5, b6, b7]);
        let mask = WrittenWords::SLOTS - 1;
        let hash = (a ^ b.rotate_left(29) ^ u64::from(len)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let mut i = usize::try_from(hash >> 50).unwrap_or(0) & mask;
        loop {
            let Some(slot) = self.slots.get(i) else {
                return compute();
            };
            if slot.len == 0 {
                break;
            }
            if slot.len == len && slot.a == a && slot.b == b {
                return slot.id;
            }
            i = (i + 1) & mask;
        }
        let id = compute();
        if self.used >= WrittenWords::KEPT {
            self.slots.fill(Slot::default());
            self.used = 0;
            // Every slot is free now: the word goes to its hash's own.
            i = usize::try_from(hash >> 50).unwrap_or(0) & mask;
        }
        if let Some(slot) = self.slots.get_mut(i) {
            *slot = Slot { a, b, len, id };
            self.used += 1;
        }
        id
    }

    fn id_long(&mut self, text: &str, compute: impl FnOnce() -> WordId) -> WordId {
        if let Some(&id) = self.long.get(text) {
            return id;
        }
        let id = compute();
        if self.long.len() >= WrittenWords::KEPT {
            self.long.clear();
        }
        self.long.insert(text.into(), id);
        id
    }
}

/// The phrases of the role tables: titles, organizations, names of bans, heads of
/// organizations, levels.
fn role_phrases() -> impl Iterator<Item = &'static str> {
    TITLES
        .iter()
        .map(|t| t.0)
        .chain(ORGANIZATIONS.iter().map(|o| o.0))
        .chain(BAN_NAMES.iter().map(|b| b.0))
        .chain(ORG_HEADS.iter().copied())
        .chain(LEVELS.iter().map(|l| l.0))
}

/// The words the role parser looks for one at a time (its [`Literal`](super::roles::Literal)s:
/// "kiêm", "giữ chức", "tái cử"...), numbered in the lexicon with the words of the phrases
/// so that an item is compared with one by its number, looked up once per item, rather
/// than by its key, computed at every comparison. (A word left out is still compared
/// right, by key.)
const PARSER_WORDS: [&str; 22] = [
    "bầu", "bổ", "chỉ", "chức", "các", "cử", "giữ", "gồm", "kiêm", "nguyên", "nhiệm", "những",
    "thôi", "trúng", "tái", "tục", "từng", "và", "vẫn", "được", "đắc", "định",
];

/// The lexicon of the embedded phrase lists and of [`PARSER_WORDS`], built once per
/// process.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let phrases = role_phrases()
            .chain(CUES.iter().copied())
            .chain(PLACE_WORDS.iter().copied())
            .chain(NOT_PEOPLE.iter().copied())
            .chain(PARSER_WORDS.iter().copied());
        let mut ids: HashMap<Key, WordId, FxBuild> = HashMap::default();
        for word in phrases.flat_map(str::split_whitespace) {
            let next = WordId::try_from(ids.len()).unwrap_or(NOT_A_PHRASE_WORD);
            ids.entry(Key::new(word)).or_insert(next);
        }
        Lexicon { ids }
    })
}

/// The key of the word numbered `id` in the [`lexicon`] (the key of every item whose
/// [`Item::id`] is `id`), if it is a word of the lexicon.
pub(crate) fn lexicon_key(id: WordId) -> Option<&'static str> {
    static KEYS: OnceLock<Vec<Key>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        let ids = &lexicon().ids;
        let mut keys = vec![Key::of_char(' '); ids.len()];
        for (key, &id) in ids {
            if let Some(slot) = usize::try_from(id).ok().and_then(|i| keys.get_mut(i)) {
                slot.clone_from(key);
            }
        }
        keys
    });
    keys.get(usize::try_from(id).ok()?).map(Key::as_str)
}

/// A set of words as written, asked about every capitalized word of a text: most are not
/// in it, and are told so from their first two bytes and length before any hashing.
#[derive(Debug)]
pub(crate) struct WordSet {
    words: HashSet<String, FxBuild>,
    /// Bit [`WordSet::slot`] of each word.
    filter: Box<[u64; 64]>,
}

impl WordSet {
    fn new(words: impl IntoIterator<Item = String>) -> WordSet {
        let words: HashSet<String, FxBuild> = words.into_iter().collect();
        let mut filter = Box::new([0u64; 64]);
        for w in &words {
            let slot = WordSet::slot(w);
            if let Some(bits) = filter.get_mut(slot / 64) {
                *bits |= 1 << (slot % 64);
            }
        }
        WordSet { words, filter }
    }

    /// One of 4096 bits, from the word's first two bytes and its length.
    fn slot(w: &str) -> usize {
        let b = w.as_bytes();
        let b0 = usize::from(b.first().copied().unwrap_or(0));
        let b1 = usize::from(b.get(1).copied().unwrap_or(0));
        (b0 * 31 + b1 * 7 + b.len() * 131) % 4096
    }

    pub(crate) fn contains(&self, w: &str) -> bool {
        let slot = WordSet::slot(w);
        let maybe = self
            .filter
            .get(slot / 64)
            .is_some_and(|bits| bits & (1 << (slot % 64)) != 0);
        maybe && self.words.contains(w)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.words.len()
    }
}

/// What [`NameWords`] tells of a word: a surname.
pub(crate) const SURNAME: u8 = 1;
/// What [`NameWords`] tells of a word: the first word of a cue (or "Đ/c").
pub(crate) const CUE_FIRST: u8 = 2;
/// What [`NameWords`] tells of a word: the last word of a cue (or "Đ/c").
pub(crate) const CUE_LAST: u8 = 4;

/// The surnames and the first and last words of the cues (and "Đ/c") as written, each
/// with the sets it is in ([`SURNAME`], [`CUE_FIRST`], [`CUE_LAST`]): the name scan asks
/// about every capitalized word and the word before it, and one lookup answers for the
/// three sets.
///
/// Open addressing on a tag made of the word's first two bytes, last byte and length: most
/// words of a text land on a free slot or on one whose tag differs, and are told apart
/// without comparing text.
#[derive(Debug)]
pub(crate) struct NameWords {
    slots: Box<[NameSlot]>,
    words: Vec<(Box<str>, u8)>,
    /// Bit `b` of `last_starts[b / 64]`: some [`CUE_LAST`] word starts with the byte `b`;
    /// bit `n` of `last_lengths`: some is `n` bytes long.
    last_starts: [u64; 4],
    last_lengths: u64,
}

#[derive(Clone, Copy, Debug)]
struct NameSlot {
    tag: u32,
    /// An index into `words`, or [`NameWords::FREE`].
    word: u16,
}

impl NameWords {
    const FREE: u16 = u16::MAX;

    fn new<'w>(sets: impl IntoIterator<Item = (u8, &'w WordSet)>) -> NameWords {
        let mut flags: HashMap<&str, u8, FxBuild> = HashMap::default();
        for (flag, set) in sets {
            for w in &set.words {
                *flags.entry(w.as_str()).or_default() |= flag;
            }
        }
        let mut words: Vec<(Box<str>, u8)> =
            flags.into_iter().map(|(w, f)| (w.into(), f)).collect();
        words.sort_unstable();
        // At most a quarter of the slots taken, so that probes are short and a free slot
        // is always found.
        let size = (words.len() * 4).next_power_of_two().max(64);
        let mut slots = vec![
            NameSlot {
                tag: 0,
                word: NameWords::FREE,
            };
            size
        ]
        .into_boxed_slice();
        for (index, (w, _)) in words.iter().enumerate() {
            let tag = NameWords::tag(w.as_bytes());
            let mut i = NameWords::home(tag, size);
            while slots.get(i).is_some_and(|s| s.word != NameWords::FREE) {
                i = (i + 1) & (size - 1);
            }
            if let (Some(slot), Ok(word)) = (slots.get_mut(i), u16::try_from(index)) {
                *slot = NameSlot { tag, word };
            }
        }
        let mut last_starts = [0u64; 4];
        let mut last_lengths = 0u64;
        for (w, flags) in &words {
            if flags & CUE_LAST == 0 {
                continue;
            }
            let b = usize::from(w.as_bytes().first().copied().unwrap_or(0));
            if let Some(bits) = last_starts.get_mut(b / 64) {
                *bits |= 1 << (b % 64);
            }
            // (Words of 64 bytes or more are all let through.)
            if let Some(bit) = u32::try_from(w.len())
                .ok()
                .and_then(|n| 1u64.checked_shl(n))
            {
                last_lengths |= bit;
            }
        }
        NameWords {
            slots,
            words,
            last_starts,
            last_lengths,
        }
    }

    /// The word's first two bytes, last byte and length (at most 255), packed.
    #[inline]
    fn tag(b: &[u8]) -> u32 {
        let at = |i: Option<&u8>| u32::from(i.copied().unwrap_or(0));
        at(b.first())
            | at(b.get(1)) << 8
            | at(b.last()) << 16
            | u32::try_from(b.len().min(255)).unwrap_or(255) << 24
    }

    #[inline]
    fn home(tag: u32, size: usize) -> usize {
        usize::try_from(tag.wrapping_mul(0x9E37_79B1) >> 16).unwrap_or(0) & (size - 1)
    }

    /// False when the word `w` is not a [`CUE_LAST`] word, told from its first byte and
    /// length: most words before a capitalized word are ruled out before any lookup.
    #[inline]
    pub(crate) fn may_be_cue_last(&self, w: &str) -> bool {
        let b = usize::from(w.as_bytes().first().copied().unwrap_or(0));
        self.last_starts
            .get(b / 64)
            .is_some_and(|bits| bits & (1 << (b % 64)) != 0)
            && (w.len() >= 64 || self.last_lengths & (1 << (w.len() % 64)) != 0)
    }

    /// The sets the word `w` (as written) is in: [`SURNAME`], [`CUE_FIRST`], [`CUE_LAST`].
    #[inline]
    pub(crate) fn flags(&self, w: &str) -> u8 {
        let b = w.as_bytes();
        let tag = NameWords::tag(b);
        let size = self.slots.len();
        let mut i = NameWords::home(tag, size);
        while let Some(slot) = self.slots.get(i) {
            if slot.word == NameWords::FREE {
                return 0;
            }
            if slot.tag == tag {
                if let Some((word, flags)) = self.words.get(usize::from(slot.word)) {
                    if same_bytes(word.as_bytes(), b) {
                        return *flags;
                    }
                }
            }
            i = (i + 1) & (size - 1);
        }
        0
    }
}

/// Whether `a` and `b` are the same bytes, for words of the same tag ([`NameWords::tag`]):
/// the same length, so that words of up to sixteen bytes are compared as two (overlapping)
/// machine words each rather than through a call.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let four = |x: Option<&[u8; 4]>| x.map(|x| u32::from_le_bytes(*x));
    let eight = |x: Option<&[u8; 8]>| x.map(|x| u64::from_le_bytes(*x));
    match a.len() {
        4..=7 => {
            four(a.first_chunk()) == four(b.first_chunk())
                && four(a.last_chunk()) == four(b.last_chunk())
        }
        8..=16 => {
            eight(a.first_chunk()) == eight(b.first_chunk())
                && eight(a.last_chunk()) == eight(b.last_chunk())
        }
        _ => a == b,
    }
}

/// A title and whether it can stand alone.
#[derive(Debug)]
pub(crate) struct Title {
    pub(crate) name: &'static str,
    pub(crate) standalone: bool,
}

/// An organization and its kind.
#[derive(Debug)]
pub(crate) struct Org {
    pub(crate) name: &'static str,
    pub(crate) kind: OrgKind,
}

/// Everything above, compiled.
#[derive(Debug)]
pub(crate) struct Vocab {
    pub(crate) titles: PhraseTable<Title>,
    pub(crate) orgs: PhraseTable<Org>,
    pub(crate) ban_names: PhraseTable<&'static str>,
    pub(crate) org_heads: PhraseTable<&'static str>,
    pub(crate) levels: PhraseTable<Level>,
    pub(crate) cues: PhraseTable<()>,
    pub(crate) place_words: PhraseTable<()>,
    pub(crate) not_people: PhraseTable<()>,
    /// Surnames as written (NFC, capitalized), for the fast scan.
    pub(crate) surnames: WordSet,
    /// The first words of the cues, capitalized and not, as written (NFC). (The scan asks
    /// [`Vocab::name_words`]; the tests compare it with this set.)
    #[cfg(test)]
    pub(crate) cue_words: WordSet,
    /// The last words of the cues, as written, to check the word before a name. (As
    /// above.)
    #[cfg(test)]
    pub(crate) cue_last_words: WordSet,
    /// The surnames and the first and last words of the cues, asked at once.
    pub(crate) name_words: NameWords,
    /// The tables above with a phrase starting with a word, asked at once.
    pub(crate) first_words: FirstWords,
    /// The last words of the cues.
    pub(crate) cue_ends: CueEnds,
    pub(crate) role_abbreviations: HashMap<&'static str, &'static str, FxBuild>,
    pub(crate) stop_words: HashSet<Key, FxBuild>,
    /// Per [`WordId`]: whether a title, an organization, a level or a Ban's name ends with
    /// the word (the words a role read by the parser can end with, besides the
    /// capitalized words and numbers of names and places).
    role_ends: Vec<bool>,
}

impl Vocab {
    pub(crate) fn new() -> Vocab {
        let surnames: Vec<String> = SURNAMES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(String::from)
            .collect();
        let mut cue_words = Vec::new();
        let mut cue_last_words = Vec::new();
        for cue in CUES {
            if let Some(first) = cue.split_whitespace().next() {
                cue_words.push(first.to_lowercase());
                cue_words.push(capitalize(first));
            }
            if let Some(last) = cue.split_whitespace().last() {
                cue_last_words.push(last.to_lowercase());
                cue_last_words.push(capitalize(last));
            }
        }
        for abbreviated in ["Đ/c", "Đ/C"] {
            cue_last_words.push(abbreviated.to_string());
            cue_words.push(abbreviated.to_string());
        }
        let surnames = WordSet::new(surnames);
        let cue_words = WordSet::new(cue_words);
        let cue_last_words = WordSet::new(cue_last_words);
        let name_words = NameWords::new([
            (SURNAME, &surnames),
            (CUE_FIRST, &cue_words),
            (CUE_LAST, &cue_last_words),
        ]);
        let mut vocab = Vocab {
            titles: PhraseTable::new(
                TITLES
                    .iter()
                    .map(|&(name, standalone)| (name, Title { name, standalone })),
            ),
            orgs: PhraseTable::new(
                ORGANIZATIONS
                    .iter()
                    .map(|&(name, kind)| (name, Org { name, kind })),
            ),
            ban_names: PhraseTable::new(BAN_NAMES.iter().copied()),
            org_heads: PhraseTable::new(ORG_HEADS.iter().map(|&n| (n, n))),
            levels: PhraseTable::new(LEVELS.iter().copied()),
            cues: PhraseTable::new(CUES.iter().map(|&c| (c, ()))),
            place_words: PhraseTable::new(PLACE_WORDS.iter().map(|&c| (c, ()))),
            not_people: PhraseTable::new(NOT_PEOPLE.iter().map(|&c| (c, ()))),
            surnames,
            #[cfg(test)]
            cue_words,
            #[cfg(test)]
            cue_last_words,
            name_words,
            first_words: FirstWords {
                tables: Vec::new(),
                starts: Starts::new(std::iter::empty()),
                long_roles: Vec::new(),
                words: 0,
            },
            cue_ends: CueEnds::new(),
            role_abbreviations: ROLE_ABBREVIATIONS.iter().copied().collect(),
            stop_words: STOP_WORDS.iter().map(|w| Key::new(w)).collect(),
            role_ends: Vec::new(),
        };
        vocab.first_words = FirstWords::new(&vocab);
        let ends: Vec<WordId> = (vocab.titles.last_words())
            .chain(vocab.orgs.last_words())
            .chain(vocab.levels.last_words())
            .chain(vocab.ban_names.last_words())
            .collect();
        for id in ends {
            let Ok(slot) = usize::try_from(id) else {
                continue;
            };
            if slot >= vocab.role_ends.len() {
                vocab.role_ends.resize(slot + 1, false);
            }
            if let Some(end) = vocab.role_ends.get_mut(slot) {
                *end = true;
            }
        }
        vocab
    }
}

/// "ông" → "Ông".
fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::super::key::key;
    use super::*;

    /// `start`, then every article of the corpus (when `../shared/corpus` is there).
    fn with_corpus(start: &str) -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        let mut text = String::from(start);
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                text.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
        text
    }

    /// The text filter of the phrase tables never rules out a word whose key starts a
    /// phrase: checked on every word of the corpus, in its cases.
    #[test]
    fn starts_filter_keeps_every_phrase_start() {
        let v = Vocab::new();
        let text = with_corpus("Ủy Uỷ UBND đ/c Đ/C QUV P10 x Q. - – — ‐ ― − , . / ( ) “ Ⓐ\n\nx");
        fn check<V>(name: &str, table: &PhraseTable<V>, it: &Item<'_>) {
            if table.starts_with(it) {
                assert!(table.starts.may_start_item(it), "{name}: {:?}", it.text);
            }
        }
        let upper = text.to_uppercase();
        for t in [text.as_str(), upper.as_str()] {
            for it in super::super::token::raw_items(t, 0..t.len()) {
                check("titles", &v.titles, &it);
                check("orgs", &v.orgs, &it);
                check("ban_names", &v.ban_names, &it);
                check("org_heads", &v.org_heads, &it);
                check("levels", &v.levels, &it);
                check("cues", &v.cues, &it);
                check("place_words", &v.place_words, &it);
                check("not_people", &v.not_people, &it);
            }
        }
    }

    /// A word ruled out as the start of a title, or as a word's key, by its text alone is
    /// never one: checked on every word of the corpus, in its cases.
    #[test]
    fn text_filters_keep_every_match() {
        let v = Vocab::new();
        let text = with_corpus("Ủy Uỷ UBND đ/c Đ/C QUV P10 x Q. Chu\u{309} tịch");
        let upper = text.to_uppercase();
        let keys: Vec<Key> = [
            "kiêm", "và", "bầu", "cử", "gồm", "giữ", "chức", "tái", "trúng", "đắc", "được",
        ]
        .map(Key::new)
        .to_vec();
        for t in [text.as_str(), upper.as_str()] {
            for it in super::super::token::raw_items(t, 0..t.len()) {
                if it.kind == ItemKind::Word && v.titles.starts_with(&it) {
                    assert!(v.may_start_title(&it), "{:?}", it.text);
                }
                for k in &keys {
                    if it.key() == *k {
                        assert!(may_have_key(it.text, k), "{:?}", it.text);
                    }
                }
            }
        }
    }

    /// The phrases of the role tables end with a word, never with punctuation: a run of
    /// roles ends with a word.
    #[test]
    fn role_phrases_end_with_words() {
        for phrase in role_phrases() {
            let last = phrase.split_whitespace().last().unwrap_or_default();
            assert!(last.chars().any(word_char), "{phrase}");
        }
    }

    /// Every phrase of every list is in its table: a phrase with a word missing from the
    /// lexicon would be left out (it could never match).
    #[test]
    fn every_phrase_is_in_its_table() {
        fn check<V>(name: &str, table: &PhraseTable<V>, listed: usize) {
            let words: Vec<_> = table.by_first.iter().flatten().map(|p| &p.0).collect();
            assert_eq!(words.len(), listed, "{name}");
            assert!(words.iter().all(|w| !w.contains(&NOT_A_PHRASE_WORD)));
        }
        let v = Vocab::new();
        check("titles", &v.titles, TITLES.len());
        check("orgs", &v.orgs, ORGANIZATIONS.len());
        check("ban_names", &v.ban_names, BAN_NAMES.len());
        check("org_heads", &v.org_heads, ORG_HEADS.len());
        check("levels", &v.levels, LEVELS.len());
        check("cues", &v.cues, CUES.len());
        check("place_words", &v.place_words, PLACE_WORDS.len());
        check("not_people", &v.not_people, NOT_PEOPLE.len());
    }

    /// The memo answers a word with the number it was first given, tells words apart by
    /// every byte (short words as two machine words, long ones through the map), and
    /// still answers right after it has started afresh.
    #[test]
    fn written_words_remember_and_start_afresh() {
        let mut w = WrittenWords::default();
        assert_eq!(w.id("Nguyễn", || 7), 7);
        assert_eq!(w.id("Nguyễn", || 8), 7);
        assert_eq!(w.id("nguyễn", || 9), 9);
        assert_eq!(w.id("Nguyễ", || 10), 10);
        let long = "nghiêngnghiêngnghiêng";
        assert!(long.len() > 16);
        assert_eq!(w.id(long, || 3), 3);
        assert_eq!(w.id(long, || 4), 3);
        let number = |i: usize| WordId::try_from(i).unwrap_or(NOT_A_PHRASE_WORD);
        for i in 0..WrittenWords::KEPT * 2 {
            assert_eq!(w.id(&format!("w{i}"), || number(i)), number(i));
        }
        for i in (0..WrittenWords::KEPT * 2).step_by(97) {
            assert_eq!(w.id(&format!("w{i}"), || number(i)), number(i));
        }
        // Remembered since the last fresh start: the latest words.
        let last = WrittenWords::KEPT * 2 - 1;
        assert_eq!(w.id(&format!("w{last}"), || 0), number(last));
    }

    /// The words of the corpus, in its cases, with a few more: the input of the checks
    /// of the lookups that answer for several tables at once.
    fn corpus_text() -> String {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
        let mut text = String::from(
            "Ủy Uỷ UBND đ/c Đ/C Đ/c đ/C QUV P10 x Q. - – — , / Ⓐ Ð/c Nguye\u{302}\u{303}n \
             o\u{302}ng Đại uý ĐẠI ÚY Thành Ủy viên Văn hóa - Xã hội Trung ương x/ông\n\nx",
        );
        if let Ok(entries) = std::fs::read_dir(&dir) {
            for e in entries.flatten() {
                text.push_str(&std::fs::read_to_string(e.path()).unwrap_or_default());
            }
        }
        let (upper, lower) = (text.to_uppercase(), text.to_lowercase());
        text.push_str(&upper);
        text.push_str(&lower);
        text
    }

    /// [`NameWords`] answers as the three sets it stands for: on every word of the corpus,
    /// every word of the sets, and those words cut short or made longer.
    #[test]
    fn name_words_agree_with_their_sets() {
        let v = Vocab::new();
        let expected = |w: &str| {
            let mut flags = 0;
            for (set, flag) in [
                (&v.surnames, SURNAME),
                (&v.cue_words, CUE_FIRST),
                (&v.cue_last_words, CUE_LAST),
            ] {
                if set.contains(w) {
                    flags |= flag;
                }
            }
            flags
        };
        let text = corpus_text();
        let mut words: Vec<String> = super::super::token::raw_items(&text, 0..text.len())
            .iter()
            .map(|it| it.text.to_string())
            .collect();
        for set in [&v.surnames, &v.cue_words, &v.cue_last_words] {
            for w in &set.words {
                words.push(w.clone());
                words.push(format!("{w}x"));
                words.push(format!("x{w}"));
                words.push(w.to_uppercase());
                words.extend(w.char_indices().map(|(i, _)| w[..i].to_string()));
            }
        }
        words.push(String::new());
        assert!(words.iter().any(|w| expected(w) != 0));
        for w in &words {
            assert_eq!(v.name_words.flags(w), expected(w), "{w:?}");
            if expected(w) & CUE_LAST != 0 {
                assert!(v.name_words.may_be_cue_last(w), "{w:?}");
            }
        }
    }

    /// [`lexicon_key`] gives every word of the lexicon its key, and no other number one.
    #[test]
    fn lexicon_keys_are_those_of_their_numbers() {
        let ids = &lexicon().ids;
        assert!(!ids.is_empty());
        for (key, &id) in ids {
            assert_eq!(lexicon_key(id), Some(key.as_str()));
        }
        let past = WordId::try_from(ids.len()).unwrap_or(NOT_A_PHRASE_WORD);
        assert_eq!(lexicon_key(past), None);
        assert_eq!(lexicon_key(NOT_A_PHRASE_WORD), None);
    }

    /// [`same_bytes`] tells apart words of every length that differ in any one byte.
    #[test]
    fn same_bytes_compares_every_byte() {
        for len in 0usize..24 {
            let a: Vec<u8> = (b'a'..=b'z').cycle().take(len).collect();
            assert!(same_bytes(&a, &a.clone()));
            if let Some(shorter) = a.get(..len.wrapping_sub(1)) {
                assert!(!same_bytes(&a, shorter), "{len}");
            }
            for i in 0..len {
                let mut b = a.clone();
                if let Some(x) = b.get_mut(i) {
                    *x ^= 0x80;
                }
                assert!(!same_bytes(&a, &b), "{len} {i}");
            }
        }
    }

    /// [`FirstWords`] answers as the tables it stands for, on every item of the corpus and
    /// every word of the tables: each table's bit is set exactly when a phrase of the table
    /// starts with the item (of two words or more, for the bits of long phrases), and a
    /// title, organization or level of two words or more found at an item is one that
    /// [`FirstWords::may_start_long_role`] lets through.
    #[test]
    fn first_words_agree_with_their_tables() {
        let v = Vocab::new();
        fn bits<V>(table: &PhraseTable<V>, it: &Item<'_>, any: u16, long: u16) -> u16 {
            let phrases = table.starting_with(it);
            let mut bits = 0;
            if !phrases.is_empty() {
                bits |= any;
            }
            if phrases.iter().any(|p| p.0.len() >= 2) {
                bits |= long;
            }
            bits
        }
        let mut text = corpus_text();
        for phrase in TITLES
            .iter()
            .map(|t| t.0)
            .chain(ORGANIZATIONS.iter().map(|o| o.0))
            .chain(LEVELS.iter().map(|l| l.0))
            .chain(ORG_HEADS.iter().copied())
            .chain(CUES.iter().copied())
            .chain(PLACE_WORDS.iter().copied())
            .chain(NOT_PEOPLE.iter().copied())
        {
            text.push_str(phrase);
            text.push_str(" , ");
        }
        let items = super::super::token::raw_items(&text, 0..text.len());
        let mut long_roles = 0;
        for (k, it) in items.iter().enumerate() {
            let expected = bits(&v.titles, it, FIRST_TITLE, FIRST_LONG_TITLE)
                | bits(&v.orgs, it, FIRST_ORG, FIRST_LONG_ORG)
                | bits(&v.levels, it, FIRST_LEVEL, FIRST_LONG_LEVEL)
                | bits(&v.org_heads, it, FIRST_ORG_HEAD, FIRST_ORG_HEAD);
            assert_eq!(v.first_words.of(it), expected, "{:?}", it.text);
            for table in [&v.cues, &v.place_words, &v.not_people] {
                assert_eq!(
                    table.starts_with(it),
                    !table.starting_with(it).is_empty(),
                    "{:?}",
                    it.text
                );
            }
            let long = |m: Option<(usize, _)>| m.is_some_and(|m| m.0 >= 2);
            if long(v.titles.longest(&items, k).map(|m| (m.0, ())))
                || long(v.orgs.longest(&items, k).map(|m| (m.0, ())))
                || long(v.levels.longest(&items, k).map(|m| (m.0, ())))
            {
                long_roles += 1;
                assert!(
                    v.first_words.may_start_long_role(it, items.get(k + 1)),
                    "{:?}",
                    it.text
                );
            }
        }
        assert!(long_roles > 100);
    }

    #[test]
    fn keys_ignore_case_and_tone_placement_only() {
        assert_eq!(key("Đảng Uỷ"), key("đảng ủy"));
        assert_eq!(key("HÐND"), key("HĐND"));
        assert_ne!(key("quận"), key("quân"));
        assert_ne!(key("xã"), key("xa"));
    }

    #[test]
    fn fast_char_classes_agree_with_unicode() {
        for c in ('\u{80}'..='\u{24F}')
            .chain('\u{300}'..='\u{36F}')
            .chain('\u{1E00}'..='\u{1EFF}')
        {
            assert_eq!(word_char(c), is_word_char(c), "{c:?}");
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn char_class_table_agrees_with_unicode() {
        for c in ('\0'..='\u{2FFF}').chain(['\u{FEFF}', '\u{1F600}']) {
            assert_eq!(char_class(c), CharClass::compute(c), "{c:?}");
        }
    }

    #[test]
    fn lists_are_clean() {
        let v = Vocab::new();
        assert!(v.surnames.len() >= 150);
        let mut seen = HashSet::new();
        for line in SURNAMES.lines().filter(|l| !l.starts_with('#')) {
            assert!(seen.insert(line), "duplicate surname {line}");
            assert!(
                unicode_normalization::is_nfc(line),
                "surname not NFC: {line}"
            );
            assert!(
                line.chars().next().is_some_and(char::is_uppercase),
                "{line}"
            );
        }
        for (list, name) in [
            (TITLES.iter().map(|t| t.0).collect::<Vec<_>>(), "titles"),
            (ORGANIZATIONS.iter().map(|t| t.0).collect(), "organizations"),
            (BAN_NAMES.iter().map(|b| b.1).collect(), "ban names"),
            (NOT_PEOPLE.to_vec(), "not people"),
        ] {
            let mut seen = HashSet::new();
            for item in list {
                assert!(seen.insert(key(item)), "duplicate in {name}: {item}");
                assert!(unicode_normalization::is_nfc(item), "{item}");
            }
        }
    }
}
