//! `viettat expand`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde_json::json;
use viettat::{Expander, LineIndex, Normalizer, Span, Style};

use crate::io::{eight_bit_position, write_error, Input, Placement, Source};
use crate::normalize::{FromArg, ToneArg};
use crate::{CmdResult, DictArgs};

#[derive(Args, Debug)]
#[command(after_help = "\
Examples:
  viettat expand bao-cao.txt > bao-cao-day-du.txt
  viettat expand --style first-use -o ban-sach.txt ban-nhap.txt
  viettat expand --in-place --dict thuat-ngu.toml *.txt
  viettat expand --style annotate bao-cao.txt | jq -r .abbr

Each file is its own document: first uses are counted per file. Document numbers
(23/KH-UBND, 30/2020/NĐ-CP) are identifiers and stay as written unless
--expand-document-numbers is given. Ambiguous abbreviations (BCH, CT, TP ...) are
expanded only where the text around them decides.")]
pub struct ExpandArgs {
    /// Input files; standard input when none is given (or for "-").
    #[arg(value_name = "FILES")]
    files: Vec<PathBuf>,

    /// How to write expansions.
    #[arg(long, value_enum, default_value_t = StyleArg::Replace)]
    style: StyleArg,

    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    /// Rewrite each input file in place (atomically: the file is replaced by a new one only
    /// when the whole output is ready, keeping its permissions; a symbolic link is followed;
    /// other hard links to the file keep the old text).
    #[arg(short = 'i', long)]
    in_place: bool,

    /// Match abbreviations in any letter case ("Tdp", "ubnd").
    #[arg(long)]
    case_insensitive: bool,

    /// Also expand abbreviations inside document numbers ("23/KH-UBND").
    #[arg(long)]
    expand_document_numbers: bool,

    /// Normalize the text first, as `viettat normalize` does by default (NFC, Đ for its
    /// look-alikes, spacing), so the output is clean as well as expanded. Without it, only
    /// the abbreviations change. Holds each input in memory.
    #[arg(long)]
    normalize: bool,

    /// Tone-mark placement of the expansions ("Ủy ban" or "Uỷ ban"); with --normalize, of the
    /// whole text.
    #[arg(long, value_enum, default_value_t = ToneArg::Keep)]
    tone: ToneArg,

    /// With --normalize: decode a legacy encoding first (auto repairs TCVN3 and VNI runs).
    #[arg(long, value_enum, default_value_t = FromArg::Unicode, requires = "normalize")]
    from: FromArg,

    #[command(flatten)]
    dict: DictArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum StyleArg {
    /// "UBND phường" → "Ủy ban nhân dân phường".
    Replace,
    /// First use spelled out with the abbreviation in parentheses: "Ủy ban nhân dân (UBND)";
    /// later uses stay abbreviated (Nghị định 30/2020/NĐ-CP).
    FirstUse,
    /// The abbreviations found, as JSON Lines: abbr, expansion, category, kind (expansion,
    /// ambiguous, document-number, address, definition, redefined), ambiguous (the entry
    /// needs context), start and end (bytes), line and column, senses (for an ambiguous one
    /// left as written), file (when reading files).
    Annotate,
}

pub fn run(args: ExpandArgs) -> CmdResult {
    let mut builder = args.dict.builder()?;
    builder
        .style(match args.style {
            StyleArg::FirstUse => Style::FirstUse,
            StyleArg::Replace | StyleArg::Annotate => Style::Replace,
        })
        .case_insensitive(args.case_insensitive)
        .expand_document_numbers(args.expand_document_numbers)
        .tone(args.tone.into());
    let expander = builder.build()?;
    let normalizer = args.normalize.then(|| {
        Normalizer::builder()
            .tone(args.tone.into())
            .from(args.from.into())
            .build()
    });
    let sources = Source::from_args(&args.files);
    if args.style == StyleArg::Annotate && args.in_place {
        return Err(viettat::Error::usage(
            "--style annotate writes data about the text; it cannot replace the text in place",
        ));
    }
    let placement = Placement::new(args.output, args.in_place, &sources)?;
    let annotate = args.style == StyleArg::Annotate;
    let named = !args.files.is_empty();
    let from = args.from;
    placement.run(&sources, |source, sink| {
        let file = named.then(|| source.name());
        if let Some(normalizer) = &normalizer {
            // Legacy 8-bit files are read as they are; anything else must be UTF-8.
            let raw = matches!(from, FromArg::Tcvn3 | FromArg::Vni | FromArg::Auto);
            let bytes = source.read_whole(raw)?;
            let normalized = normalizer
                .normalize_bytes(&bytes)
                .map_err(|e| source.context(e))?;
            if annotate {
                // Matched on the normalized text, reported in the input's offsets.
                let map = |span: Span| normalized.offsets().span_to_input(span);
                return annotate_text(
                    &expander,
                    normalized.text(),
                    &bytes,
                    map,
                    file.as_deref(),
                    sink,
                );
            }
            return expander
                .expand_to(normalized.text(), &mut *sink)
                .map_err(write_error);
        }
        let input = source.open()?;
        if annotate {
            let text = match input {
                Input::Text(t) => t,
                Input::Stream(_) => String::from_utf8(source.read_whole(false)?).map_err(|e| {
                    source.context(viettat::Error::invalid_utf8(e.utf8_error().valid_up_to()))
                })?,
            };
            return annotate_text(
                &expander,
                &text,
                text.as_bytes(),
                |s| s,
                file.as_deref(),
                sink,
            );
        }
        match input {
            Input::Text(text) => expander.expand_to(&text, &mut *sink).map_err(write_error),
            Input::Stream(reader) => expander
                .expand_stream(reader, &mut *sink)
                .map_err(|e| source.context(e)),
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The matches of `text` as JSON Lines. `original` is the caller's input and `to_original`
/// maps a span of `text` to it (the identity unless the text was normalized first): spans,
/// lines and columns are always those of the input (of its bytes, one per character, when
/// it was an 8-bit legacy file).
fn annotate_text(
    expander: &Expander,
    text: &str,
    original: &[u8],
    to_original: impl Fn(Span) -> Span,
    file: Option<&str>,
    out: &mut impl Write,
) -> Result<(), viettat::Error> {
    let utf8 = std::str::from_utf8(original).ok();
    let lines = utf8.map(LineIndex::new);
    let position = |offset: usize| match &lines {
        Some(index) => {
            let p = index.position(offset);
            (p.line, p.column)
        }
        None => {
            let p = eight_bit_position(original, offset);
            (p.line, p.column)
        }
    };
    for m in expander.find_iter(text) {
        let span = to_original(m.span());
        let (line, column) = position(span.start);
        let expansion = m.expansion().map(|e| match m.number_span() {
            Some(n) => format!("{e} {}", &text[n.range()]),
            None => e.to_string(),
        });
        // The abbreviation as the input wrote it ("HÐND"), when the input is readable text.
        let abbr = utf8
            .and_then(|o| o.get(span.range()))
            .unwrap_or(&text[m.span().range()]);
        let mut record = json!({
            "abbr": abbr,
            "expansion": expansion,
            "category": m.category().map(|c| c.name()),
            "kind": m.kind().name(),
            "ambiguous": m.is_ambiguous(),
            "start": span.start,
            "end": span.end,
            "line": line,
            "column": column,
        });
        if let Some(f) = file {
            record["file"] = json!(f);
        }
        if m.is_ambiguous() && m.sense().is_none() {
            let senses: Vec<&str> = m.entry().senses().iter().map(|s| s.expansion()).collect();
            record["senses"] = json!(senses);
        }
        writeln!(out, "{record}").map_err(write_error)?;
    }
    Ok(())
}
