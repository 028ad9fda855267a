//! The command-line tool's wiring: inputs and outputs, exit codes, error messages.

use std::fs;
use std::io::Write;
use std::process::{Command, Stdio};

mod common;

use common::{stderr, stdout, viettat};

#[test]
fn expands_stdin_to_stdout() {
    let o = viettat(&["expand"], "Chủ tịch UBND phường\n".as_bytes());
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o), "Chủ tịch Ủy ban nhân dân phường\n");
}

#[test]
fn expands_files_in_both_styles() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    fs::write(&a, "UBND và UBND\n").unwrap();
    let o = viettat(
        &["expand", "--style", "first-use", a.to_str().unwrap()],
        b"",
    );
    assert_eq!(stdout(&o), "Ủy ban nhân dân (UBND) và UBND\n");
    // Two files are two documents: each has its own first use.
    let o = viettat(
        &[
            "expand",
            "--style",
            "first-use",
            a.to_str().unwrap(),
            a.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(stdout(&o), "Ủy ban nhân dân (UBND) và UBND\n".repeat(2));
}

#[test]
fn output_file_and_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let out = dir.path().join("out.txt");
    fs::write(&a, "TDP 5\r\n").unwrap();
    let o = viettat(
        &["expand", "-o", out.to_str().unwrap(), a.to_str().unwrap()],
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&out).unwrap(), "Tổ dân phố 5\r\n");
    assert_eq!(fs::read_to_string(&a).unwrap(), "TDP 5\r\n");

    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&a, fs::Permissions::from_mode(0o640)).unwrap();
    }
    let o = viettat(&["expand", "--in-place", a.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(fs::read_to_string(&a).unwrap(), "Tổ dân phố 5\r\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(
            fs::metadata(&a).unwrap().permissions().mode() & 0o777,
            0o640
        );
    }
    // No temporary file is left behind.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn invalid_utf8_names_file_and_offset_and_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("bad.txt");
    let bytes = b"UBND phuong\nTDP \xff\n".to_vec();
    fs::write(&a, &bytes).unwrap();
    let o = viettat(&["expand", "--in-place", a.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("bad.txt:2:5: invalid UTF-8 at byte 16"),
        "{err}"
    );
    assert_eq!(fs::read(&a).unwrap(), bytes, "the original is untouched");

    let out = dir.path().join("out.txt");
    let o = viettat(
        &["expand", "-o", out.to_str().unwrap(), a.to_str().unwrap()],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(!out.exists(), "no half-written output");

    let o = viettat(&["expand"], b"abc \xc3");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("<stdin>:1:5: invalid UTF-8 at byte 4"),
        "{}",
        stderr(&o)
    );
    assert!(o.stdout.is_empty(), "nothing written before validation");
}

#[test]
fn missing_file_and_bad_options() {
    let o = viettat(&["expand", "/nonexistent/x.txt"], b"");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/nonexistent/x.txt"), "{}", stderr(&o));
    let o = viettat(&["expand", "--in-place"], b"UBND");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--in-place needs files"),
        "{}",
        stderr(&o)
    );
    let o = viettat(&["expand", "--style", "fancy"], b"");
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn annotate_reports_spans_lines_and_kinds() {
    let text = "Dự có\nUBND – BCH, số 23/KH-UBND\n";
    let o = viettat(&["expand", "--style", "annotate"], text.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    let records: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 4);
    assert_eq!(records[0]["abbr"], "UBND");
    assert_eq!(records[0]["expansion"], "Ủy ban nhân dân");
    assert_eq!(records[0]["line"], 2);
    assert_eq!(records[0]["column"], 1);
    let (s, e) = (
        records[0]["start"].as_u64().unwrap() as usize,
        records[0]["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[s..e], "UBND");
    assert_eq!(records[1]["kind"], "ambiguous");
    assert_eq!(records[1]["expansion"], serde_json::Value::Null);
    assert_eq!(records[2]["kind"], "document-number");
    assert_eq!(records[3]["kind"], "document-number");
}

#[test]
fn user_dictionaries() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("mine.toml");
    fs::write(
        &d,
        "category = \"program\"\n[[entry]]\nabbr = \"CĐS\"\nexpansion = \"chuyển đổi số\"\n",
    )
    .unwrap();
    let o = viettat(
        &["expand", "--no-default-dict", "--dict", d.to_str().unwrap()],
        "UBND, CĐS".as_bytes(),
    );
    assert_eq!(stdout(&o), "UBND, chuyển đổi số");

    fs::write(&d, "category = \"program\"\n[[entry]]\nabbr = \"CĐS\"\nexpansion = \"chuyển đổi số\"\n\n[[entry]]\nabbr = \"CĐS\"\nexpansion = \"x\"\n").unwrap();
    let o = viettat(&["expand", "--dict", d.to_str().unwrap()], b"x");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o)
            .contains("mine.toml:7:8: duplicate abbreviation \"CĐS\" (first defined at line 3)"),
        "{}",
        stderr(&o)
    );
    let o = viettat(&["dict", "check", d.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("mine.toml:7:8"), "{}", stderr(&o));
}

#[test]
fn dict_lookup_list_export() {
    let o = viettat(&["dict", "lookup", "UB MTTQ"], b"");
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Ủy ban Mặt trận Tổ quốc"));
    let o = viettat(&["dict", "lookup", "KHÔNGCÓ"], b"");
    assert_eq!(o.status.code(), Some(1));

    let o = viettat(&["dict", "export", "--format", "tsv"], b"");
    let tsv = stdout(&o);
    assert!(
        tsv.lines()
            .any(|l| l == "UB MTTQ\tỦy ban Mặt trận Tổ quốc\torganization\tUBMTTQ\tno"),
        "{tsv}"
    );
    assert!(tsv.lines().all(|l| l.split('\t').count() == 5));

    let o = viettat(&["dict", "export", "--format", "json"], b"");
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(v.as_array().unwrap().iter().any(|e| e["abbr"] == "HĐND"));

    let o = viettat(&["dict", "list", "--category", "title"], b"");
    assert!(stdout(&o).lines().any(|l| l.starts_with("PBTTT\t")));
}

#[test]
fn broken_pipe_is_quiet() {
    let big = "UBND phường Ngọc Lâm\n".repeat(200_000);
    let mut child = Command::new(env!("CARGO_BIN_EXE_viettat"))
        .arg("expand")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(big.as_bytes());
    });
    // Read one byte, then close the pipe.
    let mut out = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    std::io::Read::read_exact(&mut out, &mut one).unwrap();
    drop(out);
    let o = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stderr(&o), "");
}

#[test]
fn version_and_help() {
    let o = viettat(&["--version"], b"");
    assert!(stdout(&o).starts_with("viettat "));
    let o = viettat(&["expand", "--help"], b"");
    let help = stdout(&o);
    assert!(
        help.contains("--style") && help.contains("Examples:"),
        "{help}"
    );
}

#[test]
fn large_input_streams_and_never_leaves_a_half_written_target() {
    // Past the in-memory limit (64 MiB), the input is streamed; a bad byte near the end is
    // found only after output has started, so the -o target must stay absent.
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    let line = "Chủ tịch UBND phường và UB MTTQ quận dự hội nghị của TDP số 5.\n";
    let mut data = line.repeat(65 * 1024 * 1024 / line.len() + 1).into_bytes();
    let n = data.len();
    let out = dir.path().join("out.txt");
    fs::write(&big, &data).unwrap();
    let o = viettat(
        &["expand", "-o", out.to_str().unwrap(), big.to_str().unwrap()],
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let expanded = fs::read_to_string(&out).unwrap();
    assert!(expanded.starts_with("Chủ tịch Ủy ban nhân dân phường và Ủy ban Mặt trận Tổ quốc quận"));
    assert_eq!(expanded.lines().count(), n / line.len());

    data[n - 3] = 0xFF;
    fs::write(&big, &data).unwrap();
    fs::remove_file(&out).unwrap();
    let o = viettat(
        &["expand", "-o", out.to_str().unwrap(), big.to_str().unwrap()],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains(&format!("big.txt: invalid UTF-8 at byte {}", n - 3)),
        "{}",
        stderr(&o)
    );
    assert!(!out.exists(), "no half-written output");
}

#[test]
fn expand_with_normalize_tone_and_legacy_encodings() {
    // Decomposed text, a doubled space, a no-break space, the look-alike Ð.
    let messy = "Chu\u{309} ti\u{323}ch  UB\u{a0}MTTQ va\u{300} HÐND\n";
    let o = viettat(&["expand"], messy.as_bytes());
    assert_eq!(
        stdout(&o),
        "Chu\u{309} ti\u{323}ch  Ủy ban Mặt trận Tổ quốc va\u{300} Hội đồng nhân dân\n"
    );
    let o = viettat(&["expand", "--normalize"], messy.as_bytes());
    assert_eq!(
        stdout(&o),
        "Chủ tịch Ủy ban Mặt trận Tổ quốc và Hội đồng nhân dân\n"
    );

    // Annotations of normalized text still point into the input as given.
    let o = viettat(
        &["expand", "--normalize", "--style", "annotate"],
        messy.as_bytes(),
    );
    for line in stdout(&o).lines() {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert!(["UB\u{a0}MTTQ", "HÐND"].contains(&&messy[s..e]), "{line}");
    }

    let o = viettat(&["expand", "--tone", "new"], "UBND, NVH".as_bytes());
    assert_eq!(stdout(&o), "Uỷ ban nhân dân, nhà văn hoá");

    // A TCVN3 run inside Unicode text (corpus 042), repaired before expanding.
    let o = viettat(
        &["expand", "--normalize", "--from", "auto"],
        "ĐU-UBND phường tæ chøc  héi nghÞ".as_bytes(),
    );
    assert_eq!(
        stdout(&o),
        "Đảng ủy-Ủy ban nhân dân phường tổ chức hội nghị"
    );

    let o = viettat(&["expand", "--from", "auto"], b"x");
    assert_eq!(o.status.code(), Some(2), "--from needs --normalize");
}

#[cfg(unix)]
#[test]
fn output_files_keep_modes_links_and_devices() {
    use std::os::unix::fs::{symlink, FileTypeExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.txt");
    fs::write(&input, "UBND\n").unwrap();

    // A new -o file gets the mode a shell redirection would give it (0666 less the umask).
    let reference = dir.path().join("reference");
    fs::File::create(&reference).unwrap();
    let mode = |p: &std::path::Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let out = dir.path().join("out.txt");
    let o = viettat(
        &[
            "expand",
            "-o",
            out.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert_eq!(mode(&out), mode(&reference));

    // An existing -o target keeps its mode.
    fs::set_permissions(&out, fs::Permissions::from_mode(0o640)).unwrap();
    viettat(
        &[
            "expand",
            "-o",
            out.to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(mode(&out), 0o640);

    // --in-place through a symbolic link rewrites the file it points to; the link stays.
    let link = dir.path().join("link.txt");
    symlink(&input, &link).unwrap();
    let o = viettat(&["expand", "--in-place", link.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(fs::read_to_string(&input).unwrap(), "Ủy ban nhân dân\n");

    // A device is written directly, never replaced.
    let o = viettat(&["expand", "-o", "/dev/null", input.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(fs::metadata("/dev/null")
        .unwrap()
        .file_type()
        .is_char_device());

    // A directory is not an output.
    let o = viettat(
        &[
            "expand",
            "-o",
            dir.path().to_str().unwrap(),
            input.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("not a regular file"), "{}", stderr(&o));
}

#[test]
fn no_default_dict_needs_a_dict() {
    let o = viettat(&["expand", "--no-default-dict"], b"UBND");
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--no-default-dict leaves no dictionary"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn expand_flags_case_and_document_numbers() {
    let o = viettat(&["expand", "--case-insensitive"], "Tdp 5".as_bytes());
    assert_eq!(stdout(&o), "Tổ dân phố 5");
    let o = viettat(
        &["expand", "--expand-document-numbers"],
        "số 23/KH-UBND".as_bytes(),
    );
    assert_eq!(stdout(&o), "số 23/Kế hoạch-Ủy ban nhân dân");
}

#[test]
fn annotate_of_an_eight_bit_file_counts_bytes_as_characters() {
    // A raw TCVN3 file: "tæ chøc" is "tổ chức"; positions are those of the 8-bit input.
    let o = viettat(
        &[
            "expand",
            "--normalize",
            "--from",
            "tcvn3",
            "--style",
            "annotate",
        ],
        b"t\xe6 ch\xf8c\nUBND",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(
        (r["line"].as_u64(), r["column"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(
        (r["start"].as_u64(), r["end"].as_u64()),
        (Some(8), Some(12))
    );
}

#[test]
fn tag_json_and_text() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    fs::write(
        &a,
        "Dự có đồng chí Nguyễn Văn Tuấn – QUV, Chủ tịch HĐND phường.\n",
    )
    .unwrap();
    let o = viettat(&["tag", a.to_str().unwrap()], b"");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let r: serde_json::Value = serde_json::from_str(stdout(&o).trim()).unwrap();
    assert_eq!(r["name"], "Nguyễn Văn Tuấn");
    assert_eq!(r["file"], a.to_str().unwrap());
    assert_eq!(r["roles"][1]["text"], "Chủ tịch Hội đồng nhân dân phường");
    let text = fs::read_to_string(&a).unwrap();
    let (s, e) = (
        r["mentions"][0]["start"].as_u64().unwrap() as usize,
        r["mentions"][0]["end"].as_u64().unwrap() as usize,
    );
    assert!(text[s..e].contains("Nguyễn Văn Tuấn"));

    let o = viettat(&["tag", "--format", "text"], text.as_bytes());
    assert_eq!(
        stdout(&o),
        "Nguyễn Văn Tuấn — Quận ủy viên; Chủ tịch Hội đồng nhân dân phường\n"
    );
}
