//! Table tests of the matching rules, on the embedded dictionaries. Each case is a real
//! phrase (most from the articles in the project's corpus) and what `expand` must make of it.

use crate::{Expander, MatchKind, Style};

fn replace(text: &str) -> String {
    Expander::default().expand(text).into_owned()
}

fn first_use(text: &str) -> String {
    Expander::builder()
        .style(Style::FirstUse)
        .build()
        .unwrap()
        .expand(text)
        .into_owned()
}

fn check(cases: &[(&str, &str)], f: impl Fn(&str) -> String) {
    for (input, want) in cases {
        assert_eq!(f(input), *want, "input: {input:?}");
    }
}

#[test]
fn public_types_are_send_sync_unwind_safe() {
    fn assert_all<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
    assert_all::<Expander>();
    assert_all::<crate::ExpanderBuilder>();
    assert_all::<crate::Dictionary>();
    assert_all::<crate::Error>();
    assert_all::<crate::Match<'static>>();
}

#[test]
fn whole_words_only() {
    check(
        &[
            ("TDP", "Tổ dân phố"),
            ("TDPVH", "Tổ dân phố văn hóa"),
            ("XTDP TDPX TDP1 1TDP", "XTDP TDPX TDP1 1TDP"),
            ("ĐTDP", "ĐTDP"),
            ("áTDP", "áTDP"),
            // Decomposed letter touching the abbreviation: still one word.
            ("TDPa\u{300}", "TDPa\u{300}"),
            ("UBND-UBMTTQ", "Ủy ban nhân dân-Ủy ban Mặt trận Tổ quốc"),
            ("ĐU-UBND phường", "Đảng ủy-Ủy ban nhân dân phường"),
            (
                "HĐND- UBND- UB MTTQ",
                "Hội đồng nhân dân- Ủy ban nhân dân- Ủy ban Mặt trận Tổ quốc",
            ),
        ],
        replace,
    );
}

#[test]
fn leftmost_longest() {
    check(
        &[
            ("của UB MTTQ quận", "của Ủy ban Mặt trận Tổ quốc quận"),
            ("trưởng TBCTMT", "trưởng Trưởng ban Công tác Mặt trận"),
            ("ban CTMT", "ban Công tác Mặt trận"),
            ("UBMTTQVN phường", "Ủy ban Mặt trận Tổ quốc Việt Nam phường"),
            (
                "UBMTTQ VN phường",
                "Ủy ban Mặt trận Tổ quốc Việt Nam phường",
            ),
        ],
        replace,
    );
}

#[test]
fn document_numbers_stay_as_written() {
    check(
        &[
            (
                "Kế hoạch số 23/KH-UBND-UBMTTQ",
                "Kế hoạch số 23/KH-UBND-UBMTTQ",
            ),
            ("Quyết định 16/2022/QĐ-UBND", "Quyết định 16/2022/QĐ-UBND"),
            ("Nghị quyết 85-NQ/ĐU", "Nghị quyết 85-NQ/ĐU"),
            ("Nghị quyết 25-\nNQ/TW", "Nghị quyết 25-\nNQ/TW"),
            ("Phường 7 - UBND", "Phường 7 - Ủy ban nhân dân"),
        ],
        replace,
    );
    let expander = Expander::builder()
        .expand_document_numbers(true)
        .build()
        .unwrap();
    assert_eq!(
        expander.expand("số 23/KH-UBND"),
        "số 23/Kế hoạch-Ủy ban nhân dân"
    );
}

#[test]
fn spacing_variants_of_multi_word_forms() {
    check(
        &[
            ("UB\u{a0}MTTQ quận", "Ủy ban Mặt trận Tổ quốc quận"),
            ("UB  MTTQ quận", "Ủy ban Mặt trận Tổ quốc quận"),
        ],
        replace,
    );
}

#[test]
fn expansions_in_the_new_tone_style() {
    let expander = Expander::builder()
        .tone(crate::ToneStyle::New)
        .build()
        .unwrap();
    assert_eq!(expander.expand("UBND, NVH"), "Uỷ ban nhân dân, nhà văn hoá");
}

#[test]
fn web_and_mail_addresses_stay_as_written() {
    check(
        &[
            (
                "xem https://mttq.gov.vn/UBND-TDP nhé",
                "xem https://mttq.gov.vn/UBND-TDP nhé",
            ),
            ("gửi UBND@hanoi.gov.vn", "gửi UBND@hanoi.gov.vn"),
            ("www.UBND.vn và UBND", "www.UBND.vn và Ủy ban nhân dân"),
            ("ANTD.VN", "ANTD.VN"),
            ("(UBND).", "(Ủy ban nhân dân)."),
            // A sentence run together is not an address.
            ("của UBND.Đồng chí", "của Ủy ban nhân dân.Đồng chí"),
            ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ],
        replace,
    );
    let expander = Expander::builder().case_insensitive(true).build().unwrap();
    assert_eq!(expander.expand("trang mttq.gov.vn"), "trang mttq.gov.vn");
}

#[test]
fn case_sensitive_by_default() {
    check(&[("Tdp 5, tdp 6", "Tdp 5, tdp 6")], replace);
    let expander = Expander::builder().case_insensitive(true).build().unwrap();
    assert_eq!(
        expander.expand("Tdp 5, tdp 6"),
        "Tổ dân phố 5, Tổ dân phố 6"
    );
}

#[test]
fn any_unicode_form() {
    // Ð (U+00D0) typed for Đ, and an abbreviation in decomposed text.
    check(
        &[
            ("Chủ tịch HÐND phường", "Chủ tịch Hội đồng nhân dân phường"),
            (
                "Chu\u{309} ti\u{323}ch HĐND",
                "Chu\u{309} ti\u{323}ch Hội đồng nhân dân",
            ),
            // A key with a decomposable letter (Ư = U + horn), in decomposed text.
            ("về U\u{31B}DCNTT", "về ứng dụng công nghệ thông tin"),
        ],
        replace,
    );
    let text = "Chủ tịch HÐND";
    let expander = Expander::default();
    let m = expander.find_iter(text).next().unwrap();
    assert_eq!(&text[m.span().range()], "HÐND");
}

#[test]
fn bytes_outside_matches_are_kept() {
    check(
        &[
            (
                "\u{feff}  UBND\u{a0}phường\r\n\tTDP  5\r\n",
                "\u{feff}  Ủy ban nhân dân\u{a0}phường\r\n\tTổ dân phố  5\r\n",
            ),
            ("không có gì", "không có gì"),
        ],
        replace,
    );
}

#[test]
fn headings_in_capitals() {
    check(
        &[
            ("HỘI NGHỊ UBND PHƯỜNG", "HỘI NGHỊ ỦY BAN NHÂN DÂN PHƯỜNG"),
            (
                "HỘI NGHỊ UBND PHƯỜNG\nUBND phường",
                "HỘI NGHỊ ỦY BAN NHÂN DÂN PHƯỜNG\nỦy ban nhân dân phường",
            ),
            ("UBND", "Ủy ban nhân dân"),
            // Only abbreviations on the line: not a heading.
            ("UBND-UBMTTQ", "Ủy ban nhân dân-Ủy ban Mặt trận Tổ quốc"),
            ("TIN TỨC: HĐND", "TIN TỨC: HỘI ĐỒNG NHÂN DÂN"),
        ],
        replace,
    );
}

#[test]
fn a_long_heading_line_costs_no_more_per_match() {
    // One all-capital line of 60,000 abbreviations: checking each match against the whole
    // line would take minutes; the line is scanned once.
    let line = "HỘI NGHỊ UBND ".repeat(20_000);
    let out = Expander::default().expand(&line);
    assert_eq!(out.matches("ỦY BAN NHÂN DÂN").count(), 20_000);
}

#[test]
fn sentence_start_capitalized() {
    check(
        &[
            ("VSMT được chú trọng.", "Vệ sinh môi trường được chú trọng."),
            ("công tác VSMT.", "công tác vệ sinh môi trường."),
            ("Tốt. ANTT ổn định", "Tốt. An ninh trật tự ổn định"),
        ],
        replace,
    );
}

#[test]
fn ambiguous_needs_context() {
    check(
        &[
            ("BCH Quân sự quận", "Ban Chỉ huy Quân sự quận"),
            ("BCH Đảng bộ", "Ban Chấp hành Đảng bộ"),
            ("các đồng chí trong BCH", "các đồng chí trong BCH"),
        ],
        replace,
    );
    let text = "các đồng chí trong BCH";
    let expander = Expander::default();
    let m = expander.find_iter(text).next().unwrap();
    assert_eq!(m.kind(), MatchKind::Ambiguous);
    assert!(m.expansion().is_none());
}

#[test]
fn a_dot_glued_to_the_next_word_becomes_a_space() {
    check(
        &[
            ("TP.Thuận An", "Thành phố Thuận An"),
            ("TP. Thuận An", "Thành phố Thuận An"),
            ("TP.HCM", "Thành phố Hồ Chí Minh"),
        ],
        replace,
    );
}

#[test]
fn numbered_forms() {
    check(
        &[
            ("Bí thư Đảng ủy P10", "Bí thư Đảng ủy Phường 10"),
            (
                "Phó chủ tịch UBND P9)",
                "Phó chủ tịch Ủy ban nhân dân Phường 9)",
            ),
            ("P là chữ, P10a", "P là chữ, P10a"),
        ],
        replace,
    );
}

#[test]
fn definitions_in_the_text() {
    let seed = "thực hiện quy chế phối hợp (QCPH) hoạt động. Thực hiện QCPH";
    assert_eq!(
        replace(seed),
        "thực hiện quy chế phối hợp (QCPH) hoạt động. Thực hiện Quy chế phối hợp"
    );
    assert_eq!(first_use(seed), seed);
    assert_eq!(
        first_use("QCPH (quy chế phối hợp) và QCPH"),
        "QCPH (quy chế phối hợp) và QCPH"
    );
}

#[test]
fn an_authors_own_definition_is_left_alone() {
    check(
        &[
            (
                "Khách hàng (KH) được phục vụ",
                "Khách hàng (KH) được phục vụ",
            ),
            ("theo kế hoạch (KH)", "theo kế hoạch (KH)"),
            ("UBND (phường)", "Ủy ban nhân dân (phường)"),
            // A place in parentheses is not a definition (corpus 056).
            (
                "Đảng ủy Phường Thủ Dầu Một (TPHCM) cùng",
                "Đảng ủy Phường Thủ Dầu Một (Thành phố Hồ Chí Minh) cùng",
            ),
            // From the author's definition on, the abbreviation means what the author said.
            (
                "KH số 5. Khách hàng (KH). Mỗi KH",
                "Kế hoạch số 5. Khách hàng (KH). Mỗi KH",
            ),
        ],
        replace,
    );
    assert_eq!(
        first_use("Khách hàng (KH). Mỗi KH được"),
        "Khách hàng (KH). Mỗi KH được"
    );
    let text = "Khách hàng (KH)";
    let expander = Expander::default();
    assert_eq!(
        expander.find_iter(text).next().unwrap().kind(),
        MatchKind::Redefined
    );
}

#[test]
fn first_use_per_entry_across_forms() {
    assert_eq!(
        first_use("UBMTTQ phường và UB MTTQ quận, UBND, UBND"),
        "Ủy ban Mặt trận Tổ quốc (UBMTTQ) phường và UB MTTQ quận, Ủy ban nhân dân (UBND), UBND"
    );
    assert_eq!(first_use("P10 và P9"), "Phường 10 (P10) và P9");
}

#[test]
fn expand_to_and_stream_agree_with_expand() {
    let text = include_str!("../examples/ngoc-lam.txt");
    for style in [Style::Replace, Style::FirstUse] {
        let e = Expander::builder().style(style).build().unwrap();
        let whole = e.expand(text).into_owned();
        let mut to = Vec::new();
        e.expand_to(text, &mut to).unwrap();
        assert_eq!(String::from_utf8(to).unwrap(), whole);
        let mut streamed = Vec::new();
        e.expand_stream(text.as_bytes(), &mut streamed).unwrap();
        assert_eq!(String::from_utf8(streamed).unwrap(), whole);
    }
}

#[test]
fn stream_reports_the_offset_of_invalid_utf8() {
    let mut input = "UBND phường\n".repeat(100_000).into_bytes();
    // The "U" of the last line.
    let bad = input.len() - "UBND phường\n".len();
    input[bad] = 0xFF;
    let mut out = Vec::new();
    let err = Expander::default()
        .expand_stream(&input[..], &mut out)
        .unwrap_err();
    assert_eq!(err.kind(), crate::ErrorKind::InvalidUtf8);
    assert_eq!(err.offset(), Some(bad));
}

/// A reader that hands out its bytes a few at a time, so that every abbreviation, every
/// multi-byte character and every line is split across reads somewhere.
struct Trickle<'a> {
    data: &'a [u8],
    step: usize,
}

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.step = self.step % 7 + 1;
        let n = self.step.min(buf.len()).min(self.data.len());
        buf[..n].copy_from_slice(&self.data[..n]);
        self.data = &self.data[n..];
        Ok(n)
    }
}

#[test]
fn stream_is_independent_of_how_the_input_is_cut() {
    let text = include_str!("../examples/ngoc-lam.txt").repeat(40);
    for style in [Style::Replace, Style::FirstUse] {
        let e = Expander::builder().style(style).build().unwrap();
        let mut out = Vec::new();
        e.expand_stream(
            Trickle {
                data: text.as_bytes(),
                step: 0,
            },
            &mut out,
        )
        .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), e.expand(&text));
    }
}

#[test]
fn stream_handles_lines_longer_than_its_buffer() {
    // One 9 MiB line: the stream has to cut it at a space.
    let line = "UBND phường và UB MTTQ quận ".repeat(9 * 1024 * 1024 / 30);
    let mut out = Vec::new();
    Expander::default()
        .expand_stream(line.as_bytes(), &mut out)
        .unwrap();
    assert_eq!(
        String::from_utf8(out).unwrap(),
        Expander::default().expand(&line)
    );
}
