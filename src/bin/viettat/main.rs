//! `viettat`: Vietnamese administrative text on the command line.
//!
//! A thin layer over the library: argument parsing, files and streams, exit codes. Exit
//! status: 0 success, 1 findings (a `dict lookup` miss, an invalid dictionary under `dict
//! check`), 2 errors. A closed pipe (`viettat expand big.txt | head`) ends quietly with 0.

mod dict;
mod expand;
mod io;
mod normalize;
mod tag;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use viettat::{Error, ErrorKind, Expander};

const EXAMPLES: &str = "\
Examples:
  viettat expand bao-cao.txt                  expand into standard output
  viettat expand --style first-use bao-cao.txt   'Ủy ban nhân dân (UBND)' at first use
  viettat expand --in-place *.txt             rewrite files (atomically)
  viettat expand --style annotate bao-cao.txt  the abbreviations as JSON Lines
  echo 'Chủ tịch UBND phường' | viettat expand
  viettat normalize --from auto bao-cao.txt   NFC, Đ, spacing; TCVN3/VNI repaired
  viettat tag --format text bao-cao.txt       the officials named, with their roles
  viettat dict lookup BCH                     what an abbreviation means
  viettat dict export --format tsv            the dictionary for other tools

In an editor: vim ':%!viettat expand', Emacs 'C-x h C-u M-| viettat expand'.";

/// Expand Vietnamese administrative abbreviations (UBND → Ủy ban nhân dân), with the
/// embedded dictionaries and your own.
#[derive(Parser, Debug)]
#[command(name = "viettat", version, about, after_help = EXAMPLES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Expand abbreviations in files or standard input.
    Expand(expand::ExpandArgs),
    /// Normalize text: NFC, Đ look-alikes, spacing, tone placement, legacy encodings.
    Normalize(normalize::NormalizeArgs),
    /// Look into the dictionaries: list, look up, export, check.
    #[command(subcommand)]
    Dict(dict::DictCommand),
    /// Tag the officials named in files or standard input, with their roles spelled out.
    Tag(tag::TagArgs),
}

/// Which dictionaries to use: shared by every command that expands.
#[derive(Args, Debug, Clone)]
pub struct DictArgs {
    /// Add a dictionary file (TOML, see dictionaries/README.md). Repeatable; entries of later
    /// files override earlier entries with the same abbreviation.
    #[arg(long = "dict", value_name = "FILE")]
    pub dicts: Vec<PathBuf>,

    /// Do not load the embedded default dictionaries (use only --dict files).
    #[arg(long)]
    pub no_default_dict: bool,
}

impl DictArgs {
    /// A builder with these dictionaries.
    pub fn builder(&self) -> Result<viettat::ExpanderBuilder, Error> {
        if self.no_default_dict && self.dicts.is_empty() {
            return Err(Error::usage(
                "--no-default-dict leaves no dictionary: add one with --dict FILE",
            ));
        }
        let mut b = Expander::builder();
        b.default_dictionaries(!self.no_default_dict);
        for d in &self.dicts {
            b.add_dictionary_file(d);
        }
        Ok(b)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Expand(args) => expand::run(args),
        Command::Normalize(args) => normalize::run(args),
        Command::Dict(cmd) => dict::run(cmd),
        Command::Tag(args) => tag::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e)
            if e.kind() == ErrorKind::Io
                && e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe) =>
        {
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("viettat: {e}");
            ExitCode::from(2)
        }
    }
}

/// Exit status 1: the command ran and has findings to report.
pub const FINDINGS: u8 = 1;

/// Shorthand for commands' results.
pub type CmdResult = Result<ExitCode, Error>;
