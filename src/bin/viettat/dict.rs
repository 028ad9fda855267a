//! `viettat dict`: list, look up, export and check dictionaries.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};
use serde_json::json;
use viettat::{Dictionary, Entry};

use crate::io::{write_error, Sink};
use crate::{CmdResult, DictArgs, FINDINGS};

#[derive(Subcommand, Debug)]
pub enum DictCommand {
    /// List every entry: abbreviation, expansion (all senses of an ambiguous one), category.
    List {
        /// Only entries of this category.
        #[arg(long, value_name = "CATEGORY")]
        category: Option<String>,
        #[command(flatten)]
        dict: DictArgs,
    },
    /// Show what an abbreviation means (exit status 1 when it is not in the dictionaries).
    #[command(after_help = "Example:\n  viettat dict lookup BCH")]
    Lookup {
        /// The abbreviation or any of its forms ("UB MTTQ").
        abbr: String,
        #[command(flatten)]
        dict: DictArgs,
    },
    /// Export the dictionaries for other tools.
    #[command(after_help = "\
The TSV format has one line per surface form (and per sense of an ambiguous entry), no
header:
  form<TAB>expansion<TAB>category<TAB>abbr<TAB>ambiguous
where abbr is the entry's main spelling and ambiguous is yes or no (yes: expanded only where
the context selects the sense). JSON is an array of entries with all their fields.")]
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Tsv)]
        format: Format,
        #[command(flatten)]
        dict: DictArgs,
    },
    /// Check dictionary files: report the first problem of each, with line and column
    /// (exit status 1 when one is invalid, 2 when one cannot be read).
    Check {
        /// The files to check.
        #[arg(required = true, value_name = "FILES")]
        files: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tab-separated values, one surface form per line.
    Tsv,
    /// A JSON array of entries.
    Json,
}

pub fn run(cmd: DictCommand) -> CmdResult {
    match cmd {
        DictCommand::List { category, dict } => {
            let expander = dict.builder()?.build()?;
            if let Some(c) = &category {
                if viettat::Category::from_name(c).is_none() {
                    return Err(viettat::Error::usage(format!(
                        "unknown category {c:?} (expected one of: {})",
                        viettat::Category::ALL.map(|c| c.name()).join(", ")
                    )));
                }
            }
            let mut out = Sink::stdout();
            for e in expander.dictionary().entries() {
                if category
                    .as_deref()
                    .is_some_and(|c| !e.senses().iter().any(|s| s.category().name() == c))
                {
                    continue;
                }
                let senses: Vec<String> = e
                    .senses()
                    .iter()
                    .map(|s| format!("{} [{}]", s.expansion(), s.category()))
                    .collect();
                writeln!(out, "{}\t{}", e.abbr(), senses.join(" | ")).map_err(write_error)?;
            }
            out.finish()?;
            Ok(ExitCode::SUCCESS)
        }
        DictCommand::Lookup { abbr, dict } => {
            let expander = dict.builder()?.build()?;
            let Some(e) = expander.dictionary().lookup(abbr.trim()) else {
                eprintln!("viettat: {abbr:?} is not in the dictionaries");
                return Ok(ExitCode::from(FINDINGS));
            };
            let mut out = Sink::stdout();
            describe(e, &mut out).map_err(write_error)?;
            out.finish()?;
            Ok(ExitCode::SUCCESS)
        }
        DictCommand::Export { format, dict } => {
            let expander = dict.builder()?.build()?;
            let mut out = Sink::stdout();
            match format {
                Format::Tsv => export_tsv(expander.dictionary(), &mut out),
                Format::Json => export_json(expander.dictionary(), &mut out),
            }
            .map_err(write_error)?;
            out.finish()?;
            Ok(ExitCode::SUCCESS)
        }
        DictCommand::Check { files } => {
            // Every file is checked, even after a bad one: the report is the point.
            let (mut invalid, mut unreadable) = (false, false);
            let mut out = Sink::stdout();
            for f in &files {
                match Dictionary::from_file(f) {
                    Ok(d) => writeln!(out, "{}: ok, {} entries", f.display(), d.len())
                        .map_err(write_error)?,
                    Err(e) => {
                        eprintln!("viettat: {e}");
                        match e.kind() {
                            viettat::ErrorKind::Io => unreadable = true,
                            _ => invalid = true,
                        }
                    }
                }
            }
            out.finish()?;
            Ok(match (unreadable, invalid) {
                (true, _) => ExitCode::from(2),
                (false, true) => ExitCode::from(FINDINGS),
                (false, false) => ExitCode::SUCCESS,
            })
        }
    }
}

fn describe(e: &Entry, out: &mut impl Write) -> std::io::Result<()> {
    writeln!(out, "{}", e.abbr())?;
    if !e.forms().is_empty() {
        writeln!(out, "  also written: {}", e.forms().join(", "))?;
    }
    for s in e.senses() {
        writeln!(out, "  {} [{}]", s.expansion(), s.category())?;
        if !s.followed_by().is_empty() {
            writeln!(out, "    when followed by: {}", s.followed_by().join(", "))?;
        }
        if !s.preceded_by().is_empty() {
            writeln!(out, "    when preceded by: {}", s.preceded_by().join(", "))?;
        }
    }
    if e.is_ambiguous() {
        writeln!(
            out,
            "  ambiguous: left as written where no context selects a sense"
        )?;
    }
    if e.is_numbered() {
        writeln!(
            out,
            "  written with a number: {}10 → {} 10",
            e.abbr(),
            e.senses()[0].expansion()
        )?;
    }
    if let Some(src) = e.source() {
        writeln!(out, "  source: {src}")?;
    }
    writeln!(
        out,
        "  defined at {}:{}",
        e.origin().file(),
        e.origin().line()
    )
}

/// Tab and line breaks cannot appear inside a TSV field.
fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn export_tsv(dict: &Dictionary, out: &mut impl Write) -> std::io::Result<()> {
    for e in dict.entries() {
        for form in e.surface_forms() {
            for s in e.senses() {
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}",
                    tsv_field(form),
                    tsv_field(s.expansion()),
                    s.category(),
                    tsv_field(e.abbr()),
                    if e.is_ambiguous() { "yes" } else { "no" }
                )?;
            }
        }
    }
    Ok(())
}

fn export_json(dict: &Dictionary, out: &mut impl Write) -> std::io::Result<()> {
    let entries: Vec<_> = dict
        .entries()
        .iter()
        .map(|e| {
            json!({
                "abbr": e.abbr(),
                "forms": e.forms(),
                "ambiguous": e.is_ambiguous(),
                "numbered": e.is_numbered(),
                "senses": e.senses().iter().map(|s| json!({
                    "expansion": s.expansion(),
                    "category": s.category().name(),
                    "followed_by": s.followed_by(),
                    "preceded_by": s.preceded_by(),
                })).collect::<Vec<_>>(),
                "source": e.source(),
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &entries)?;
    writeln!(out)
}
