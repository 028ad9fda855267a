//! Inputs and outputs of the command-line tool: reading files or stdin (validated before
//! anything is written when they fit in memory, streamed when they are large), writing to
//! stdout, to a file, or in place, atomically.

use std::fs::{self, File};
use std::io::{self, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use viettat::{Error, Position};

/// Inputs up to this size are read whole and validated before any output is written; larger
/// ones stream in bounded memory.
pub const IN_MEMORY_LIMIT: u64 = 64 * 1024 * 1024;

/// Inputs at least this large show a progress line on a terminal.
const PROGRESS_THRESHOLD: u64 = 32 * 1024 * 1024;

/// Where an input comes from.
#[derive(Clone, Debug)]
pub enum Source {
    Stdin,
    File(PathBuf),
}

impl Source {
    /// The sources named on the command line; none (or "-") means stdin.
    pub fn from_args(files: &[PathBuf]) -> Vec<Source> {
        if files.is_empty() {
            return vec![Source::Stdin];
        }
        files
            .iter()
            .map(|f| {
                if f.as_os_str() == "-" {
                    Source::Stdin
                } else {
                    Source::File(f.clone())
                }
            })
            .collect()
    }

    /// The name used in messages and output records.
    pub fn name(&self) -> String {
        match self {
            Source::Stdin => "<stdin>".to_string(),
            Source::File(p) => p.display().to_string(),
        }
    }

    pub fn path(&self) -> Option<&Path> {
        match self {
            Source::Stdin => None,
            Source::File(p) => Some(p),
        }
    }

    fn attach(&self, e: Error) -> Error {
        match self {
            Source::Stdin => e.with_path("<stdin>"),
            Source::File(p) => e.with_path(p),
        }
    }

    /// Opens the input: the whole text when it fits in memory (validated as UTF-8), or a
    /// reader for streaming.
    pub fn open(&self) -> Result<Input, Error> {
        let (reader, size): (Box<dyn Read>, Option<u64>) = match self {
            Source::Stdin => (Box::new(io::stdin().lock()), None),
            Source::File(p) => {
                let f = File::open(p).map_err(|e| Error::io(e, "cannot open").with_path(p))?;
                let size = f.metadata().ok().filter(|m| m.is_file()).map(|m| m.len());
                (Box::new(f), size)
            }
        };
        // Read up to the limit; if the input ends before it, it is held in memory.
        let mut head = Vec::new();
        let mut limited = reader.take(IN_MEMORY_LIMIT + 1);
        limited
            .read_to_end(&mut head)
            .map_err(|e| self.attach(Error::io(e, "cannot read")))?;
        let reader = limited.into_inner();
        if head.len() as u64 <= IN_MEMORY_LIMIT {
            let text = String::from_utf8(head).map_err(|e| {
                let bytes = e.as_bytes();
                let offset = e.utf8_error().valid_up_to();
                self.attach(invalid_utf8_at(bytes, offset))
            })?;
            return Ok(Input::Text(text));
        }
        let reader: Box<dyn Read> = Box::new(io::Cursor::new(head).chain(reader));
        let reader = match size {
            Some(total) if total >= PROGRESS_THRESHOLD && io::stderr().is_terminal() => {
                Box::new(Progress::new(reader, total, self.name()))
            }
            _ => reader,
        };
        Ok(Input::Stream(reader))
    }

    /// The whole input in memory: as raw bytes (`raw`, for 8-bit legacy files), or checked
    /// as UTF-8, with the line and column of a bad byte, before anything is written.
    pub fn read_whole(&self, raw: bool) -> Result<Vec<u8>, Error> {
        if raw {
            let mut bytes = Vec::new();
            return match self {
                Source::Stdin => io::stdin().lock().read_to_end(&mut bytes).map(|_| bytes),
                Source::File(p) => fs::read(p),
            }
            .map_err(|e| self.attach(Error::io(e, "cannot read")));
        }
        match self.open()? {
            Input::Text(t) => Ok(t.into_bytes()),
            Input::Stream(mut r) => {
                let mut bytes = Vec::new();
                r.read_to_end(&mut bytes)
                    .map_err(|e| self.attach(Error::io(e, "cannot read")))?;
                std::str::from_utf8(&bytes)
                    .map_err(|e| self.attach(Error::invalid_utf8(e.valid_up_to())))?;
                Ok(bytes)
            }
        }
    }

    /// Adds the input's name to an error from processing it (invalid UTF-8 in a stream).
    pub fn context(&self, e: Error) -> Error {
        if e.path().is_some() {
            e
        } else {
            self.attach(e)
        }
    }
}

/// "invalid UTF-8 at byte N (line L, column C)", with line and column counted over the
/// valid text before the bad byte.
fn invalid_utf8_at(bytes: &[u8], offset: usize) -> Error {
    let valid = std::str::from_utf8(&bytes[..offset]).unwrap_or("");
    let p = Position::of_offset(valid, offset);
    Error::invalid_utf8(offset).with_position(p)
}

/// An opened input.
pub enum Input {
    /// The whole text, valid UTF-8.
    Text(String),
    /// A large input, to be processed as a stream.
    Stream(Box<dyn Read>),
}

/// A reader that shows how far it has got, on stderr, which is a terminal.
struct Progress<R> {
    inner: R,
    done: u64,
    total: u64,
    shown: u64,
    name: String,
}

impl<R: Read> Progress<R> {
    fn new(inner: R, total: u64, name: String) -> Progress<R> {
        Progress {
            inner,
            done: 0,
            total: total.max(1),
            shown: u64::MAX,
            name,
        }
    }
}

impl<R: Read> Read for Progress<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.done += n as u64;
        let percent = self.done * 100 / self.total;
        if percent != self.shown {
            self.shown = percent;
            let mib = |b: u64| b / (1024 * 1024);
            eprint!(
                "\r{}: {percent:3}% ({} / {} MiB)",
                self.name,
                mib(self.done),
                mib(self.total)
            );
            if n == 0 || self.done >= self.total {
                eprint!("\r\x1b[2K");
            }
        }
        Ok(n)
    }
}

/// Where output goes.
pub enum Sink {
    Stdout(BufWriter<io::StdoutLock<'static>>),
    /// A device or pipe, written as it goes.
    Direct(BufWriter<fs::File>),
    /// A temporary file next to the target, renamed over it by [`Sink::finish`].
    Atomic {
        file: BufWriter<tempfile::NamedTempFile>,
        target: PathBuf,
        permissions: Option<fs::Permissions>,
    },
}

impl Sink {
    pub fn stdout() -> Sink {
        Sink::Stdout(BufWriter::with_capacity(64 * 1024, io::stdout().lock()))
    }

    /// Output to the file at `target`. A regular file (or a new one) is written atomically:
    /// to a temporary file in the same directory, renamed over the target when everything
    /// went well, with the target's permissions (a new file gets 0666 less the umask, like a
    /// shell redirection). A symbolic link is followed, so the file it points to is replaced.
    /// A device or a pipe (`/dev/null`, a FIFO) cannot be replaced and is written directly;
    /// `--in-place` (`in_place`) refuses it.
    pub fn to_file(target: &Path, in_place: bool) -> Result<Sink, Error> {
        let target = fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf());
        let existing = fs::metadata(&target).ok();
        if let Some(meta) = existing.as_ref().filter(|m| !m.is_file()) {
            if in_place || meta.is_dir() {
                return Err(
                    Error::usage("not a regular file: cannot be replaced").with_path(&target)
                );
            }
            let file = fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(|e| Error::io(e, "cannot write").with_path(&target))?;
            return Ok(Sink::Direct(BufWriter::with_capacity(64 * 1024, file)));
        }
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let permissions = existing.map(|m| m.permissions());
        let mut builder = tempfile::Builder::new();
        builder.prefix(".viettat-");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            builder.permissions(fs::Permissions::from_mode(0o666));
        }
        let file = builder.tempfile_in(&dir).map_err(|e| {
            // The temporary file's own name means nothing to the user: say what failed.
            Error::io(
                io::Error::from(e.kind()),
                "cannot write the output beside its target (a temporary file there is renamed over it)",
            )
            .with_path(&dir)
        })?;
        Ok(Sink::Atomic {
            file: BufWriter::with_capacity(64 * 1024, file),
            target,
            permissions,
        })
    }

    /// Completes the output: flushes stdout, or moves the temporary file into place.
    /// Dropping a `Sink` without finishing it leaves the target untouched.
    pub fn finish(self) -> Result<(), Error> {
        match self {
            Sink::Stdout(mut w) => w.flush().map_err(|e| Error::io(e, "cannot write output")),
            Sink::Direct(mut w) => w.flush().map_err(|e| Error::io(e, "cannot write output")),
            Sink::Atomic {
                file,
                target,
                permissions,
            } => {
                let file = file
                    .into_inner()
                    .map_err(|e| Error::io(e.into_error(), "cannot write").with_path(&target))?;
                if let Some(p) = permissions {
                    fs::set_permissions(file.path(), p)
                        .map_err(|e| Error::io(e, "cannot set permissions").with_path(&target))?;
                }
                file.as_file()
                    .sync_all()
                    .map_err(|e| Error::io(e, "cannot write").with_path(&target))?;
                file.persist(&target)
                    .map_err(|e| Error::io(e.error, "cannot replace").with_path(&target))?;
                Ok(())
            }
        }
    }
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(w) => w.write(buf),
            Sink::Direct(w) => w.write(buf),
            Sink::Atomic { file, .. } => file.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.write_all(buf),
            Sink::Direct(w) => w.write_all(buf),
            Sink::Atomic { file, .. } => file.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(w) => w.flush(),
            Sink::Direct(w) => w.flush(),
            Sink::Atomic { file, .. } => file.flush(),
        }
    }
}

/// How a command's output is placed: stdout, one file, or each input rewritten in place.
#[derive(Clone, Debug)]
pub enum Placement {
    Stdout,
    File(PathBuf),
    InPlace,
}

impl Placement {
    pub fn new(
        output: Option<PathBuf>,
        in_place: bool,
        sources: &[Source],
    ) -> Result<Placement, Error> {
        match (output, in_place) {
            (Some(_), true) => Err(Error::usage(
                "--in-place and --output cannot be used together",
            )),
            (Some(path), false) => Ok(Placement::File(path)),
            (None, true) => {
                if sources.iter().any(|s| matches!(s, Source::Stdin)) {
                    Err(Error::usage(
                        "--in-place needs files: it cannot rewrite standard input",
                    ))
                } else {
                    Ok(Placement::InPlace)
                }
            }
            (None, false) => Ok(Placement::Stdout),
        }
    }

    /// Runs `each` over every source with the right sink, finishing sinks as it goes. For
    /// `--in-place`, a failure on one file leaves that file untouched and stops.
    pub fn run(
        &self,
        sources: &[Source],
        mut each: impl FnMut(&Source, &mut Sink) -> Result<(), Error>,
    ) -> Result<(), Error> {
        match self {
            Placement::Stdout => {
                let mut sink = Sink::stdout();
                for s in sources {
                    each(s, &mut sink)?;
                }
                sink.finish()
            }
            Placement::File(path) => {
                let mut sink = Sink::to_file(path, false)?;
                for s in sources {
                    each(s, &mut sink)?;
                }
                sink.finish()
            }
            Placement::InPlace => {
                for s in sources {
                    let Some(path) = s.path() else { continue };
                    let mut sink = Sink::to_file(path, true)?;
                    each(s, &mut sink)?;
                    sink.finish()?;
                }
                Ok(())
            }
        }
    }
}

/// The line and column of byte `offset` of an input read as 8-bit text (a legacy file): one
/// byte, one character.
pub fn eight_bit_position(input: &[u8], offset: usize) -> Position {
    let offset = offset.min(input.len());
    let before = &input[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    Position {
        offset,
        line: before.iter().filter(|&&b| b == b'\n').count() + 1,
        column: offset - line_start + 1,
    }
}

/// Turns a write error into an [`Error`] that says what was being written.
pub fn write_error(e: io::Error) -> Error {
    Error::io(e, "cannot write output")
}
