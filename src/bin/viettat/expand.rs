//! `viettat expand`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde_json::json;
use viettat::{Expander, LineIndex, Style};

use crate::io::{write_error, Input, Placement, Source};
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

    /// Rewrite each input file in place (atomically: the file is replaced only when the
    /// whole output is ready, keeping its permissions).
    #[arg(short = 'i', long)]
    in_place: bool,

    /// Match abbreviations in any letter case ("Tdp", "ubnd").
    #[arg(long)]
    case_insensitive: bool,

    /// Also expand abbreviations inside document numbers ("23/KH-UBND").
    #[arg(long)]
    expand_document_numbers: bool,

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
    /// The abbreviations found, as JSON Lines: abbreviation, expansion, category, byte start
    /// and end, line and column, kind (expansion, ambiguous, document-number, definition).
    Annotate,
}

pub fn run(args: ExpandArgs) -> CmdResult {
    let mut builder = args.dict.builder();
    builder
        .style(match args.style {
            StyleArg::FirstUse => Style::FirstUse,
            StyleArg::Replace | StyleArg::Annotate => Style::Replace,
        })
        .case_insensitive(args.case_insensitive)
        .expand_document_numbers(args.expand_document_numbers);
    let expander = builder.build()?;
    let sources = Source::from_args(&args.files);
    if args.style == StyleArg::Annotate && args.in_place {
        return Err(viettat::Error::usage(
            "--style annotate writes data about the text; it cannot replace the text in place",
        ));
    }
    let placement = Placement::new(args.output, args.in_place, &sources)?;
    let annotate = args.style == StyleArg::Annotate;
    let named = !args.files.is_empty();
    placement.run(&sources, |source, sink| {
        let input = source.open()?;
        if annotate {
            let text = match input {
                Input::Text(t) => t,
                Input::Stream(mut r) => {
                    // Annotations carry line numbers over the whole text; read it whole.
                    let mut bytes = Vec::new();
                    r.read_to_end(&mut bytes)
                        .map_err(|e| source.context(viettat::Error::io(e, "cannot read")))?;
                    String::from_utf8(bytes).map_err(|e| {
                        source.context(viettat::Error::invalid_utf8(e.utf8_error().valid_up_to()))
                    })?
                }
            };
            let file = named.then(|| source.name());
            return annotate_text(&expander, &text, file.as_deref(), sink);
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

use std::io::Read;

fn annotate_text(
    expander: &Expander,
    text: &str,
    file: Option<&str>,
    out: &mut impl Write,
) -> Result<(), viettat::Error> {
    let lines = LineIndex::new(text);
    for m in expander.find_iter(text) {
        let p = lines.position(m.start());
        let expansion = m.expansion().map(|e| match m.number_span() {
            Some(n) => format!("{e} {}", &text[n.range()]),
            None => e.to_string(),
        });
        let mut record = json!({
            "abbr": &text[m.span().range()],
            "expansion": expansion,
            "category": m.category().map(|c| c.name()),
            "kind": m.kind().name(),
            "ambiguous": m.is_ambiguous(),
            "start": m.start(),
            "end": m.end(),
            "line": p.line,
            "column": p.column,
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
