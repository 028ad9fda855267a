//! The normalize capability, through the public API: named tables of real cases per step,
//! the round trips over every Vietnamese letter, and the offset contract.

use std::borrow::Cow;

use unicode_normalization::UnicodeNormalization;
use viettat::{Encoding, Normalizer, Rule, Span, ToneStyle};

fn default(text: &str) -> String {
    Normalizer::default().normalize(text).into_owned()
}

fn check(cases: &[(&str, &str)], n: &Normalizer) {
    for (input, want) in cases {
        assert_eq!(n.normalize(input), *want, "input: {input:?}");
        // Normalizing twice changes nothing more.
        assert_eq!(n.normalize(want), *want, "idempotent: {want:?}");
    }
}

/// The 67 accented letters of the alphabet (66 vowel forms and đ), lowercase.
const ACCENTED: &str = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";

#[test]
fn accented_letters_round_trip_through_nfd_and_look_alikes() {
    assert_eq!(ACCENTED.chars().count(), 67);
    let n = Normalizer::default();
    let upper: String = ACCENTED.to_uppercase();
    assert_eq!(upper.chars().count(), 67);
    for c in ACCENTED.chars().chain(upper.chars()) {
        let nfc = c.to_string();
        let nfd: String = nfc.nfd().collect();
        if c != 'đ' && c != 'Đ' {
            assert_ne!(nfd, nfc, "{c} decomposes");
        }
        // Alone, inside a word, and next to other decomposed letters.
        assert_eq!(n.normalize(&nfd), nfc, "{c}");
        assert_eq!(n.normalize(&format!("x{nfd}n")), format!("x{nfc}n"), "{c}");
        assert_eq!(
            n.normalize(&format!("{nfd}{nfd}")),
            format!("{nfc}{nfc}"),
            "{c}"
        );
        assert!(
            matches!(n.normalize(&nfc), Cow::Borrowed(_)),
            "{c} is already NFC"
        );
    }
    // Ð typed for Đ before every vowel form, both cases.
    for v in "aăâeêioôơuưy".chars().flat_map(|b| {
        let word: String = std::iter::once(b).collect();
        [word.clone(), word.to_uppercase()]
    }) {
        assert_eq!(n.normalize(&format!("Ð{v}")), format!("Đ{v}"));
        assert_eq!(
            n.normalize(&format!("ð{v}").nfd().collect::<String>()),
            format!("đ{v}")
        );
    }
}

#[test]
fn look_alikes() {
    let n = Normalizer::default();
    check(
        &[
            ("Ðại hội", "Đại hội"),
            ("ðồng chí", "đồng chí"),
            ("Chủ tịch HÐND xã", "Chủ tịch HĐND xã"),
            ("ÐU-UBND phường", "ĐU-UBND phường"),
            ("Ɖà Nẵng", "Đà Nẵng"),
            ("QÐ-UBND", "QĐ-UBND"),
            // Icelandic and Faroese words stay.
            ("Guðrún Sigurðardóttir", "Guðrún Sigurðardóttir"),
            ("með", "með"),
            ("GUÐRÚN", "GUÐRÚN"),
        ],
        &n,
    );
    let off = Normalizer::builder().look_alikes(false).build();
    assert_eq!(off.normalize("Ðại"), "Ðại");
}

#[test]
fn spacing() {
    let n = Normalizer::default();
    check(
        &[
            ("Ngọc\u{A0}Lâm", "Ngọc Lâm"),
            ("Ngọc\u{202F}Lâm", "Ngọc Lâm"),
            ("Ngọc\u{200B}Lâm", "NgọcLâm"),
            ("\u{FEFF}Tin tức", "Tin tức"),
            ("Việt\u{AD}Nam", "ViệtNam"),
            ("các đồng chí  trưởng", "các đồng chí trưởng"),
            ("a \u{200B} b", "a b"),
            ("a \u{A0} b", "a b"),
            (
                "dòng cuối   \nhai  \r\nba \t\n",
                "dòng cuối\nhai\r\nba \t\n",
            ),
            ("kết thúc   ", "kết thúc"),
            (
                "            Nhìn chung,  toàn thể",
                "            Nhìn chung, toàn thể",
            ),
            ("\r\n  thụt lề\r\n", "\r\n  thụt lề\r\n"),
            ("   \n", "\n"),
            // An emoji sequence keeps its joiner; a letter does not.
            ("👨\u{200D}👩", "👨\u{200D}👩"),
            ("a\u{200D}b", "ab"),
            // A zero-width space between a letter and its mark: both go together.
            ("a\u{200B}\u{301}", "á"),
        ],
        &n,
    );
    let off = Normalizer::builder().spacing(false).build();
    assert_eq!(off.normalize("a  b\u{A0}c "), "a  b\u{A0}c ");
}

#[test]
fn clean_text_is_borrowed() {
    let seed = include_str!("../examples/ngoc-lam.txt");
    let n = Normalizer::default();
    let once = n.normalize(seed).into_owned();
    assert!(matches!(n.normalize(&once), Cow::Borrowed(_)));
    assert!(n.is_normalized(&once));
    // The seed itself has no-break spaces.
    assert!(!n.is_normalized(seed));
}

/// Open syllables with oa, oe, uy differ between the conventions; nothing else does.
/// Columns: old style, new style. Capitals and mixed case included.
const STYLE_PAIRS: &[(&str, &str)] = &[
    ("hòa", "hoà"),
    ("hóa", "hoá"),
    ("hỏa", "hoả"),
    ("xõa", "xoã"),
    ("họa", "hoạ"),
    ("khỏe", "khoẻ"),
    ("lòe", "loè"),
    ("xòe", "xoè"),
    ("khóe", "khoé"),
    ("thủy", "thuỷ"),
    ("lũy", "luỹ"),
    ("Ủy", "Uỷ"),
    ("ủy", "uỷ"),
    ("túy", "tuý"),
    ("tụy", "tuỵ"),
    ("HÒA", "HOÀ"),
    ("Hòa", "Hoà"),
    ("THỦY", "THUỶ"),
    ("KhỏE", "KhoẺ"),
];

/// Syllables written the same in both conventions: every other cluster, gi/qu initials,
/// closed syllables.
const SAME_IN_BOTH: &[&str] = &[
    // After qu and gi the u and i belong to the initial.
    "quý",
    "quà",
    "quả",
    "Quỳnh",
    "quyết",
    "quốc",
    "già",
    "giữa",
    "giường",
    "gì",
    "gìn",
    // Closed syllables: the mark goes on the last vowel.
    "hoàng",
    "thuyết",
    "khoắng",
    "toán",
    "huýt",
    "xoòng",
    "Huỳnh",
    "hoạch",
    "khuếch",
    // Vowels with a shape mark take it: ươ on ơ, uyê on ê...
    "người",
    "nước",
    "rượu",
    "cứu",
    "cửa",
    "thuở",
    "việt",
    "yếu",
    "khuấy",
    "tuổi",
    "chuyển",
    // Two vowels, open: the first.
    "bảo",
    "mái",
    "cáu",
    "máy",
    "kéo",
    "mía",
    "chịu",
    "gói",
    "múa",
    "túi",
    "mùa",
    // Three vowels, open, no shape: the middle.
    "khoái",
    "xoáy",
    "ngoẻo",
    "khuỷu",
    "oái",
    // Capitals.
    "VIỆT",
    "NGƯỜI",
    "QUÝ",
    "HOÀNG",
];

#[test]
fn tone_styles_both_directions() {
    let old = Normalizer::builder().tone(ToneStyle::Old).build();
    let new = Normalizer::builder().tone(ToneStyle::New).build();
    let keep = Normalizer::default();
    for &(o, n) in STYLE_PAIRS {
        assert_eq!(new.normalize(o), n, "{o} → new");
        assert_eq!(new.normalize(n), n, "{n} stays new");
        assert_eq!(old.normalize(n), o, "{n} → old");
        assert_eq!(old.normalize(o), o, "{o} stays old");
        assert_eq!(keep.normalize(o), o);
        assert_eq!(keep.normalize(n), n);
    }
    for &w in SAME_IN_BOTH {
        assert_eq!(new.normalize(w), w, "{w} new");
        assert_eq!(old.normalize(w), w, "{w} old");
    }
    assert_eq!(
        new.normalize("Ủy ban nhân dân hòa giải, khỏe mạnh"),
        "Uỷ ban nhân dân hoà giải, khoẻ mạnh"
    );
}

#[test]
fn misplaced_marks_are_repaired() {
    let cases = [
        ("baỏ", "bảo"),
        ("nứơc", "nước"),
        ("Vịêt", "Việt"),
        ("ngừơi", "người"),
        ("NỨƠC", "NƯỚC"),
        ("qúy", "quý"),
        ("hoàng", "hoàng"),
        ("khoàng", "khoàng"),
        ("tuổi", "tuổi"),
        ("tủôi", "tuổi"),
    ];
    for style in [ToneStyle::Old, ToneStyle::New] {
        let n = Normalizer::builder().tone(style).build();
        for (bad, good) in cases {
            assert_eq!(n.normalize(bad), good, "{style:?}");
        }
    }
    let repair = Normalizer::builder().repair_tones(true).build();
    for (bad, good) in cases {
        assert_eq!(repair.normalize(bad), good);
    }
    // Repair alone keeps either convention as written.
    assert_eq!(repair.normalize("hòa hoà"), "hòa hoà");
    // Words that are not Vietnamese syllables are left alone.
    assert_eq!(repair.normalize("café Müller"), "café Müller");
}

#[test]
fn spelling_variants() {
    let n = Normalizer::builder().spelling(true).build();
    check(
        &[
            ("Qui chế phối hợp", "Quy chế phối hợp"),
            ("quí", "quý"),
            ("QUI ĐỊNH", "QUY ĐỊNH"),
            ("quĩ", "quỹ"),
            ("quyết định", "quyết định"),
        ],
        &n,
    );
    assert_eq!(default("Qui chế"), "Qui chế");
}

#[test]
fn legacy_tcvn3_vni_viqr_explicit() {
    let tcvn3 = Normalizer::builder().from(Encoding::Tcvn3).build();
    assert_eq!(
        tcvn3.normalize("Céng hoµ x· héi chñ nghÜa ViÖt Nam"),
        "Cộng hoà xã hội chủ nghĩa Việt Nam"
    );
    assert_eq!(tcvn3.normalize("§¶ng bé ph\u{AD}êng"), "Đảng bộ phường");
    let vni = Normalizer::builder().from(Encoding::Vni).build();
    assert_eq!(
        vni.normalize("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam"),
        "Cộng hòa xã hội chủ nghĩa Việt Nam"
    );
    let viqr = Normalizer::builder().from(Encoding::Viqr).build();
    assert_eq!(
        viqr.normalize("Co^.ng ho`a xa~ ho^.i chu? nghi~a Vie^.t Nam"),
        "Cộng hòa xã hội chủ nghĩa Việt Nam"
    );
    assert_eq!(viqr.normalize("TP. Ha` No^.i"), "TP. Hà Nội");
}

#[test]
fn legacy_auto_repairs_runs_inside_unicode() {
    let auto = Normalizer::builder().from(Encoding::Auto).build();
    check(
        &[
            (
                "ĐU-UBND phường tæ chøc  héi nghÞ Sơ kết",
                "ĐU-UBND phường tổ chức hội nghị Sơ kết",
            ),
            (
                "Hội nghị. Céng hoµ x· héi chñ nghÜa ViÖt Nam. Hết",
                "Hội nghị. Cộng hoà xã hội chủ nghĩa Việt Nam. Hết",
            ),
            ("Ủy ban Vieät Nam coù", "Ủy ban Việt Nam có"),
            // A Unicode word inside a TCVN3 run is not read as VNI.
            ("chÕ hoà gi¶i", "chế hoà giải"),
            ("Sáng Ngày 31/3/2017 có mặt", "Sáng Ngày 31/3/2017 có mặt"),
            ("Tôi là ai, Guðrún?", "Tôi là ai, Guðrún?"),
            // The soft hyphen is TCVN3's ư here, not something to delete.
            ("ng\u{AD}êi d©n", "người dân"),
        ],
        &auto,
    );
    // Raw 8-bit bytes.
    let raw = b"Ban ch\xCAp h\xB5nh \xA7\xB6ng b\xE9";
    let out = auto.normalize_bytes(raw).unwrap();
    assert_eq!(out.text(), "Ban chấp hành Đảng bộ");
    let span = out.offsets().span_to_input(Span::new(
        out.text().find("Đảng").unwrap(),
        out.text().find(" bộ").unwrap(),
    ));
    assert_eq!(&raw[span.range()], b"\xA7\xB6ng");
    // Without a legacy encoding, invalid UTF-8 is an error at the first bad byte.
    let err = Normalizer::default()
        .normalize_bytes(b"ab\xFFcd")
        .unwrap_err();
    assert_eq!(err.offset(), Some(2));
}

#[test]
fn changes_are_reported_with_input_spans() {
    let input = "Ðại  hội\u{A0}xa\u{300} ";
    let n = Normalizer::default().normalize_with_offsets(input);
    assert_eq!(n.text(), "Đại hội xà");
    let got: Vec<(&str, Rule, &str)> = n
        .changes()
        .iter()
        .map(|c| (&input[c.span.range()], c.rule, c.replacement.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("Ð", Rule::LookAlike, "Đ"),
            (" ", Rule::Spaces, ""),
            ("\u{A0}", Rule::NoBreakSpace, " "),
            ("a\u{300}", Rule::Nfc, "à"),
            (" ", Rule::TrailingSpace, ""),
        ]
    );
    assert_eq!(Rule::TrailingSpace.to_string(), "trailing-space");
}

#[test]
fn options_parse() {
    assert_eq!("new".parse::<ToneStyle>().unwrap(), ToneStyle::New);
    assert_eq!("auto".parse::<Encoding>().unwrap(), Encoding::Auto);
    let err = "utf16".parse::<Encoding>().unwrap_err();
    assert!(err.to_string().contains("unknown encoding"));
}

#[test]
fn public_types_are_send_sync_unwind_safe() {
    fn assert_all<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    assert_all::<Normalizer>();
    assert_all::<viettat::NormalizerBuilder>();
    assert_all::<viettat::Normalized<'static>>();
    assert_all::<viettat::OffsetMap>();
    assert_all::<viettat::Change>();
}

/// One real word for every vowel cluster of the language, open and closed, and for the gi/qu
/// initials, written with its mark where both conventions put it. Reviewed against the
/// standard rule: a vowel with a shape mark takes the tone (the last one in ươ); otherwise
/// the last vowel of a closed syllable, the first of two or the middle of three in an open
/// one. The oa/oe/uy open syllables, where the conventions differ, are in `STYLE_PAIRS`.
const EVERY_CLUSTER: &[&str] = &[
    // Open, one vowel.
    "má",
    "mè",
    "kế",
    "bí",
    "bó",
    "bố",
    "lờ",
    "bú",
    "tứ",
    "kỷ",
    "ý",
    // Open, two vowels.
    "mái",
    "báo",
    "sáu",
    "máy",
    "đầu",
    "mấy",
    "kéo",
    "nếu",
    "mía",
    "chịu",
    "gói",
    "tối",
    "mới",
    "múa",
    "thuế",
    "túi",
    "thuở",
    "cửa",
    "ngửi",
    "cứu",
    // Open, three vowels.
    "hiếu",
    "yếu",
    "khoái",
    "xoáy",
    "ngoáo",
    "ngoẻo",
    "khuấy",
    "tuổi",
    "khuỷu",
    "người",
    "rượu",
    // Closed.
    "bán",
    "bắt",
    "cần",
    "kém",
    "bến",
    "tím",
    "bóng",
    "một",
    "lớn",
    "cúng",
    "mừng",
    "tiếng",
    "yến",
    "hoàng",
    "khoắng",
    "khoét",
    "xoòng",
    "tuần",
    "khuếch",
    "muốn",
    "huýt",
    "nước",
    "chuyển",
    "Huỳnh",
    // qu and gi initials: their u and i never take the mark.
    "quý",
    "quà",
    "quyết",
    "quốc",
    "quỳnh",
    "quẹo",
    "quạ",
    "già",
    "giữa",
    "giường",
    "giếng",
    "gì",
    "gìn",
    "giỏi",
    // Capitals and mixed case.
    "NGƯỜI",
    "Người",
    "QUỐC",
    "TIẾNG",
    "ChUYỂN",
];

/// `word` with its tone mark moved onto vowel letter number `k` (counting a, e, i, o, u, y
/// with their shape marks), if that is a different place.
fn with_mark_on(word: &str, k: usize) -> Option<String> {
    let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let nfd: Vec<char> = word.nfd().collect();
    let tone = *nfd.iter().find(|c| tones.contains(c))?;
    let bare: Vec<char> = nfd.iter().copied().filter(|c| !tones.contains(c)).collect();
    let vowel_ends: Vec<usize> = bare
        .iter()
        .enumerate()
        .filter(|(_, c)| "aeiouyAEIOUY".contains(**c))
        .map(|(i, _)| {
            // After the vowel's own shape marks.
            let mut j = i + 1;
            while bare
                .get(j)
                .is_some_and(|c| ('\u{300}'..='\u{36F}').contains(c))
            {
                j += 1;
            }
            j
        })
        .collect();
    let at = *vowel_ends.get(k)?;
    let mut moved = bare.clone();
    moved.insert(at, tone);
    let moved: String = moved.into_iter().collect::<String>().nfc().collect();
    (moved != word).then_some(moved)
}

#[test]
fn every_cluster_keeps_or_regains_its_mark() {
    let old = Normalizer::builder().tone(ToneStyle::Old).build();
    let new = Normalizer::builder().tone(ToneStyle::New).build();
    let repair = Normalizer::builder().repair_tones(true).build();
    let mut moved_count = 0;
    for &w in EVERY_CLUSTER {
        assert_eq!(old.normalize(w), w, "{w} in the old style");
        assert_eq!(new.normalize(w), w, "{w} in the new style");
        for k in 0..4 {
            if let Some(bad) = with_mark_on(w, k) {
                moved_count += 1;
                assert_eq!(old.normalize(&bad), w, "{bad} → {w} (old)");
                assert_eq!(new.normalize(&bad), w, "{bad} → {w} (new)");
                assert_eq!(repair.normalize(&bad), w, "{bad} → {w} (repair)");
            }
        }
    }
    assert!(moved_count > 80, "misplacements tried: {moved_count}");
    // The style-dependent ones: from anywhere to the style's place.
    for &(o, n) in STYLE_PAIRS {
        for k in 0..3 {
            if let Some(bad) = with_mark_on(o, k) {
                assert_eq!(old.normalize(&bad), o, "{bad} → {o}");
                assert_eq!(new.normalize(&bad), n, "{bad} → {n}");
            }
        }
    }
}
