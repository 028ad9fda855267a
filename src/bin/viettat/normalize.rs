//! `viettat normalize`.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use viettat::{Encoding, LineIndex, Normalized, Normalizer, ToneStyle};

use crate::io::{eight_bit_position, write_error, Placement, Source};
use crate::CmdResult;

#[derive(Args, Debug)]
#[command(after_help = "\
Examples:
  viettat normalize bao-cao.txt > sach.txt          NFC, Đ for Ð, spacing
  viettat normalize --tone new --in-place *.txt      hoà, thuỷ, khoẻ everywhere
  viettat normalize --from auto --report cu.txt      repair TCVN3/VNI runs, list changes
  viettat normalize --from tcvn3 -o moi.txt vntime.txt   a whole file typed in .VnTime

By default: Unicode NFC; Ð/ð/Ɖ/ɖ to Đ/đ in Vietnamese words (not in Icelandic ones);
no-break spaces to spaces, zero-width characters and soft hyphens removed, runs of spaces
between words to one, trailing spaces removed (indentation and line breaks kept).
With --from tcvn3, vni or auto the input may be raw 8-bit bytes (the legacy file as saved)
or text already read as Latin-1/Windows-1252 into UTF-8.")]
pub struct NormalizeArgs {
    /// Input files; standard input when none is given (or for "-").
    #[arg(value_name = "FILES")]
    files: Vec<PathBuf>,

    /// Tone-mark placement in the open syllables with oa, oe, uy: keep as written, old
    /// (hòa, thủy) or new (hoà, thuỷ). Old and new also repair misplaced marks ("baỏ").
    #[arg(long, value_enum, default_value_t = ToneArg::Keep)]
    tone: ToneArg,

    /// With --tone keep, still repair marks that neither convention allows ("baỏ" → "bảo").
    #[arg(long)]
    repair_tones: bool,

    /// Decode from a legacy encoding; auto detects TCVN3 and VNI runs and leaves correct
    /// Unicode alone.
    #[arg(long, value_enum, default_value_t = FromArg::Unicode)]
    from: FromArg,

    /// Official i/y spelling after "qu": "Qui chế" → "Quy chế", "quí" → "quý".
    #[arg(long)]
    spelling: bool,

    /// Skip Unicode NFC composition.
    #[arg(long)]
    no_nfc: bool,

    /// Leave Ð/ð/Ɖ/ɖ as written.
    #[arg(long)]
    no_look_alikes: bool,

    /// Leave spaces and invisible characters as written.
    #[arg(long)]
    no_spacing: bool,

    /// List every change on standard error: file:line:column: rule: "before" → "after".
    #[arg(long)]
    report: bool,

    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Rewrite each input file in place (atomically, keeping its permissions; a symbolic link
    /// is followed; other hard links to the file keep the old text).
    #[arg(short = 'i', long)]
    in_place: bool,
}

/// Tone-mark placement, on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ToneArg {
    /// As written.
    Keep,
    /// hòa, khỏe, thủy.
    Old,
    /// hoà, khoẻ, thuỷ.
    New,
}

impl From<ToneArg> for ToneStyle {
    fn from(t: ToneArg) -> ToneStyle {
        match t {
            ToneArg::Keep => ToneStyle::Keep,
            ToneArg::Old => ToneStyle::Old,
            ToneArg::New => ToneStyle::New,
        }
    }
}

/// The encoding of the input, on the command line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum FromArg {
    /// Unicode (UTF-8) only.
    Unicode,
    /// TCVN3 (ABC, .VnTime fonts).
    Tcvn3,
    /// VNI-Windows.
    Vni,
    /// VIQR (never detected: its marks look like punctuation).
    Viqr,
    /// TCVN3 and VNI runs detected inside Unicode text.
    Auto,
}

impl From<FromArg> for Encoding {
    fn from(f: FromArg) -> Encoding {
        match f {
            FromArg::Unicode => Encoding::Unicode,
            FromArg::Tcvn3 => Encoding::Tcvn3,
            FromArg::Vni => Encoding::Vni,
            FromArg::Viqr => Encoding::Viqr,
            FromArg::Auto => Encoding::Auto,
        }
    }
}

impl NormalizeArgs {
    fn normalizer(&self) -> Normalizer {
        let mut b = Normalizer::builder();
        b.nfc(!self.no_nfc)
            .look_alikes(!self.no_look_alikes)
            .spacing(!self.no_spacing)
            .tone(self.tone.into())
            .repair_tones(self.repair_tones)
            .spelling(self.spelling)
            .from(self.encoding());
        b.build()
    }

    fn encoding(&self) -> Encoding {
        self.from.into()
    }
}

pub fn run(args: NormalizeArgs) -> CmdResult {
    let normalizer = args.normalizer();
    let eight_bit = matches!(
        args.encoding(),
        Encoding::Tcvn3 | Encoding::Vni | Encoding::Auto
    );
    let sources = Source::from_args(&args.files);
    let placement = Placement::new(args.output.clone(), args.in_place, &sources)?;
    let report = args.report;
    placement.run(&sources, |source, sink| {
        // Legacy files are 8-bit: read the bytes as they are. Otherwise the input must be
        // UTF-8, checked (with the line and column of a bad byte) before anything is written.
        let bytes = source.read_whole(eight_bit)?;
        let out = normalizer
            .normalize_bytes(&bytes)
            .map_err(|e| source.context(e))?;
        if report {
            print_report(source, &bytes, &out).map_err(write_error)?;
        }
        sink.write_all(out.text().as_bytes()).map_err(write_error)
    })?;
    Ok(ExitCode::SUCCESS)
}

/// One line per change, with the position in the input: lines and columns in characters of
/// the UTF-8 input, or of the 8-bit input (one byte, one character) when it was not UTF-8.
fn print_report(source: &Source, input: &[u8], out: &Normalized<'_>) -> io::Result<()> {
    let stderr = io::stderr();
    let mut w = stderr.lock();
    let name = source.name();
    let text = std::str::from_utf8(input).ok();
    let lines = text.map(LineIndex::new);
    for c in out.changes() {
        let p = match &lines {
            Some(l) => l.position(c.span.start),
            None => eight_bit_position(input, c.span.start),
        };
        let before = match text {
            Some(t) => t.get(c.span.range()).unwrap_or("").to_string(),
            None => input
                .get(c.span.range())
                .unwrap_or(&[])
                .iter()
                .map(|&b| char::from(b))
                .collect(),
        };
        writeln!(
            w,
            "{name}:{}:{}: {}: {before:?} → {:?}",
            p.line, p.column, c.rule, c.replacement
        )?;
    }
    Ok(())
}
