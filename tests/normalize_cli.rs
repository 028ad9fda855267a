//! `viettat normalize`: the wiring of options, inputs, outputs, exit codes and messages.

use std::fs;

mod common;

use common::{stderr, stdout, viettat};

#[test]
fn default_steps_on_stdin() {
    let o = viettat(&["normalize"], "Ðại  hội\u{A0}Ðảng bô\u{323} \n".as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "Đại hội Đảng bộ\n");
    let o = viettat(
        &["normalize", "--no-spacing", "--no-look-alikes"],
        "Ðại  hội \n".as_bytes(),
    );
    assert_eq!(stdout(&o), "Ðại  hội \n");
}

#[test]
fn tone_and_spelling_options() {
    let o = viettat(
        &["normalize", "--tone", "new", "--spelling"],
        "Ủy ban hòa giải, Qui chế\n".as_bytes(),
    );
    assert_eq!(stdout(&o), "Uỷ ban hoà giải, Quy chế\n");
    let o = viettat(
        &["normalize", "--tone", "old"],
        "Uỷ ban hoà giải baỏ\n".as_bytes(),
    );
    assert_eq!(stdout(&o), "Ủy ban hòa giải bảo\n");
    let o = viettat(&["normalize", "--repair-tones"], "hoà baỏ\n".as_bytes());
    assert_eq!(stdout(&o), "hoà bảo\n");
    let o = viettat(&["normalize", "--tone", "newest"], b"");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn legacy_files_raw_and_mojibake_with_report() {
    let dir = tempfile::tempdir().unwrap();
    // Raw TCVN3 bytes: "Ban chấp hành Đảng bộ".
    let raw = dir.path().join("vntime.txt");
    fs::write(&raw, b"Ban ch\xCAp h\xB5nh \xA7\xB6ng b\xE9\n").unwrap();
    let o = viettat(
        &["normalize", "--from", "tcvn3", raw.to_str().unwrap()],
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(stdout(&o), "Ban chấp hành Đảng bộ\n");
    // The same through detection, with the report on stderr.
    let o = viettat(
        &[
            "normalize",
            "--from",
            "auto",
            "--report",
            raw.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(stdout(&o), "Ban chấp hành Đảng bộ\n");
    let report = stderr(&o);
    assert!(
        report.contains("vntime.txt:1:7: tcvn3: \"Ê\" → \"ấ\""),
        "{report}"
    );
    assert_eq!(report.lines().count(), 5, "{report}");
    // Mojibake already in UTF-8, mid-sentence, as in the corpus.
    let o = viettat(
        &["normalize", "--from", "auto", "--report"],
        "ĐU-UBND phường tæ chøc  héi nghÞ Sơ kết\n".as_bytes(),
    );
    assert_eq!(stdout(&o), "ĐU-UBND phường tổ chức hội nghị Sơ kết\n");
    assert!(
        stderr(&o).contains("<stdin>:1:24: spaces: \" \" → \"\""),
        "{}",
        stderr(&o)
    );
    let o = viettat(&["normalize", "--from", "viqr"], "Vie^.t Nam\n".as_bytes());
    assert_eq!(stdout(&o), "Việt Nam\n");
}

#[test]
fn in_place_output_and_errors() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    fs::write(&a, "Ðại hội  \n").unwrap();
    let o = viettat(&["normalize", "--in-place", a.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&a).unwrap(), "Đại hội\n");
    let out = dir.path().join("out.txt");
    let o = viettat(
        &["normalize", "-o", out.to_str().unwrap()],
        "a  b".as_bytes(),
    );
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(fs::read_to_string(&out).unwrap(), "a b");

    // Invalid UTF-8 without a legacy encoding: exit 2, file and position, nothing touched.
    let bad = dir.path().join("bad.txt");
    let bytes = b"UBND phuong\nTDP \xff\n".to_vec();
    fs::write(&bad, &bytes).unwrap();
    let o = viettat(&["normalize", "--in-place", bad.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("bad.txt:2:5: invalid UTF-8 at byte 16"),
        "{}",
        stderr(&o)
    );
    assert_eq!(fs::read(&bad).unwrap(), bytes);

    let o = viettat(&["normalize", "--in-place"], b"x");
    assert!(
        stderr(&o).contains("--in-place needs files"),
        "{}",
        stderr(&o)
    );
    assert_eq!(o.status.code(), Some(2));
    let o = viettat(&["normalize", "/nonexistent/x.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/x.txt"));
    let o = viettat(&["normalize", "--from", "auto", "/nonexistent/y.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/y.txt"));
}
