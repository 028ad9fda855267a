//! `viettat tag`.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde_json::json;
use viettat::{Error, LineIndex, Official, Tagger};

use crate::io::{write_error, Input, Placement, Source};
use crate::{CmdResult, DictArgs};

#[derive(Args, Debug)]
#[command(after_help = "\
Examples:
  viettat tag bien-ban.txt                    officials and roles as JSON Lines
  viettat tag --format text *.txt             one readable line per official
  viettat tag bien-ban.txt | jq -r '.name'

Each file is its own document: the mentions of one person in it are merged into one
record, with every role (abbreviations spelled out: QUV → Quận ủy viên) and every
mention. Offsets are bytes into the input; lines start at 1.")]
pub struct TagArgs {
    /// Input files; standard input when none is given (or for "-").
    #[arg(value_name = "FILES")]
    files: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,

    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,

    #[command(flatten)]
    dict: DictArgs,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// JSON Lines, one object per official: name, roles (text, title, organization, level,
    /// locality, start, end), mentions (start, end, line), and file when reading files.
    Json,
    /// One line per official: "[file: ]Name — role; role".
    Text,
}

pub fn run(args: TagArgs) -> CmdResult {
    let tagger = Tagger::with_expander(args.dict.builder()?.build()?);
    let sources = Source::from_args(&args.files);
    let placement = Placement::new(args.output, false, &sources)?;
    let named = !args.files.is_empty();
    placement.run(&sources, |source, sink| {
        let text = match source.open()? {
            Input::Text(t) => t,
            Input::Stream(mut r) => {
                // Mentions of one person are merged across the whole document.
                let mut bytes = Vec::new();
                r.read_to_end(&mut bytes)
                    .map_err(|e| source.context(Error::io(e, "cannot read")))?;
                String::from_utf8(bytes).map_err(|e| {
                    source.context(Error::invalid_utf8(e.utf8_error().valid_up_to()))
                })?
            }
        };
        let file = named.then(|| source.name());
        let lines = LineIndex::new(&text);
        for official in tagger.tag(&text) {
            match args.format {
                Format::Json => write_json(&official, &lines, file.as_deref(), sink),
                Format::Text => write_text(&official, file.as_deref(), sink),
            }
            .map_err(write_error)?;
        }
        Ok(())
    })?;
    Ok(ExitCode::SUCCESS)
}

fn write_json(
    o: &Official,
    lines: &LineIndex<'_>,
    file: Option<&str>,
    out: &mut impl Write,
) -> std::io::Result<()> {
    let roles: Vec<_> = o
        .roles
        .iter()
        .map(|r| {
            json!({
                "text": r.text,
                "title": r.title,
                "organization": r.organization,
                "level": r.level.map(|l| l.as_str()),
                "locality": r.locality,
                "start": r.span.start,
                "end": r.span.end,
            })
        })
        .collect();
    let mentions: Vec<_> = o
        .mentions
        .iter()
        .map(|m| json!({"start": m.start, "end": m.end, "line": lines.position(m.start).line}))
        .collect();
    let mut record = json!({"name": o.name, "roles": roles, "mentions": mentions});
    if let Some(f) = file {
        record["file"] = json!(f);
    }
    writeln!(out, "{record}")
}

fn write_text(o: &Official, file: Option<&str>, out: &mut impl Write) -> std::io::Result<()> {
    if let Some(f) = file {
        write!(out, "{f}: ")?;
    }
    let roles: Vec<&str> = o.roles.iter().map(|r| r.text.as_str()).collect();
    if roles.is_empty() {
        writeln!(out, "{}", o.name)
    } else {
        writeln!(out, "{} — {}", o.name, roles.join("; "))
    }
}
