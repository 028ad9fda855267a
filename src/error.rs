//! The one error type of the crate.
//!
//! Every error says *where* (a file, and a line and column or a byte offset when the problem
//! is inside the text) and *what*. Its `Display` form is meant to be shown to a person as is:
//!
//! ```text
//! my-terms.toml:17:5: duplicate abbreviation "UBND" (first defined at line 3)
//! report.txt: invalid UTF-8 at byte 1042
//! ```

use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

/// A place in a text: a byte offset and its 1-based line and column (the column counts
/// Unicode scalar values, as editors do for Vietnamese text).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Position {
    /// Byte offset from the start of the text.
    pub offset: usize,
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in characters, starting at 1.
    pub column: usize,
}

impl Position {
    /// The position of byte `offset` in `text`. An offset past the end or inside a character
    /// is clamped to the previous character boundary.
    pub fn of_offset(text: &str, offset: usize) -> Position {
        let offset = crate::text::floor_char_boundary(text, offset);
        let before = &text[..offset];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        Position {
            offset,
            line: before.bytes().filter(|&b| b == b'\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }
}

/// What kind of thing went wrong.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A dictionary file is malformed or contradicts itself.
    Dictionary,
    /// Input text is not valid UTF-8.
    InvalidUtf8,
    /// Reading or writing failed.
    Io,
    /// An option or argument has a value that cannot be used.
    Usage,
}

/// The error type of viettat: a kind, a message, and where it happened.
#[derive(Debug)]
pub struct Error(Box<Inner>);

#[derive(Debug)]
struct Inner {
    kind: ErrorKind,
    message: String,
    path: Option<PathBuf>,
    position: Option<Position>,
    /// Only a byte offset is known (streams too large to count lines in advance).
    offset: Option<usize>,
    /// The kind of an I/O error (the error itself is not kept: it is not `UnwindSafe`, and
    /// its message is in `message`).
    io_kind: Option<io::ErrorKind>,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error(Box::new(Inner {
            kind,
            message: message.into(),
            path: None,
            position: None,
            offset: None,
            io_kind: None,
        }))
    }

    pub(crate) fn dictionary(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Dictionary, message)
    }

    /// An input that is not valid UTF-8, with the byte offset of the first bad byte.
    pub fn invalid_utf8(offset: usize) -> Error {
        let mut e = Error::new(
            ErrorKind::InvalidUtf8,
            format!("invalid UTF-8 at byte {offset}"),
        );
        e.0.offset = Some(offset);
        e
    }

    /// An I/O error, with what was being done.
    pub fn io(err: io::Error, doing: impl fmt::Display) -> Error {
        let mut e = Error::new(ErrorKind::Io, format!("{doing}: {err}"));
        e.0.io_kind = Some(err.kind());
        e
    }

    /// An unusable option or argument.
    pub fn usage(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Usage, message)
    }

    /// The same error, at this line and column.
    pub fn with_position(mut self, position: Position) -> Error {
        self.0.position = Some(position);
        self
    }

    /// The same error, said of the file at `path`.
    pub fn with_path(mut self, path: impl AsRef<Path>) -> Error {
        self.0.path = Some(path.as_ref().to_path_buf());
        self
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }

    /// The file the error is about, if any.
    pub fn path(&self) -> Option<&Path> {
        self.0.path.as_deref()
    }

    /// The line and column the error is about, if known.
    pub fn position(&self) -> Option<Position> {
        self.0.position
    }

    /// The byte offset the error is about, if known.
    pub fn offset(&self) -> Option<usize> {
        self.0.position.map(|p| p.offset).or(self.0.offset)
    }

    /// For an I/O error, what kind it was (a broken pipe is not worth reporting).
    pub fn io_error_kind(&self) -> Option<io::ErrorKind> {
        self.0.io_kind
    }

    /// The message alone, without the file and position.
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.0.path, self.0.position) {
            (Some(path), Some(p)) => write!(f, "{}:{}:{}: ", path.display(), p.line, p.column)?,
            (Some(path), None) => write!(f, "{}: ", path.display())?,
            (None, Some(p)) => write!(f, "line {}, column {}: ", p.line, p.column)?,
            (None, None) => {}
        }
        f.write_str(&self.0.message)
    }
}

impl std::error::Error for Error {}
