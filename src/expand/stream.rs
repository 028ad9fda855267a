//! Expanding a stream in bounded memory.
//!
//! The input is read in blocks and cut after the last line break of each block, so that a
//! line is always whole when it is looked at (abbreviations never span lines; a heading is
//! judged by its whole line). The tail of the previous block is kept in front of the next one
//! as context, for document numbers broken across a line ("25-\nNQ/TW"). A single line
//! longer than the block limit is cut at a space.

use std::io::{self, Read, Write};

use super::render::{self, Document};
use super::Expander;
use crate::error::Error;

/// Bytes read at a time.
const BLOCK: usize = 256 * 1024;
/// A line longer than this is cut at a space (or anywhere, failing that).
const MAX_LINE: usize = 4 * 1024 * 1024;
/// Context kept from the previous block.
const CONTEXT: usize = 256;

pub(super) fn expand_stream<R: Read, W: Write>(
    expander: &Expander,
    mut reader: R,
    mut writer: W,
) -> Result<(), Error> {
    let mut doc = Document::new(expander);
    // `buf` holds: context (already written) + pending text (not yet written).
    let mut buf: Vec<u8> = Vec::with_capacity(BLOCK + CONTEXT);
    let mut context_len = 0;
    // Offset in the whole stream of `buf[0]`, for error messages.
    let mut base = 0usize;
    let mut eof = false;
    let write_err = |e: io::Error| Error::io(e, "cannot write output");
    while !eof {
        let old_len = buf.len();
        buf.resize(old_len + BLOCK, 0);
        let n = loop {
            match reader.read(&mut buf[old_len..]) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Error::io(e, "cannot read input")),
            }
        };
        buf.truncate(old_len + n);
        eof = n == 0;

        // Validate what is new; an incomplete character at the end waits for more bytes.
        let valid_to = match std::str::from_utf8(&buf[context_len..]) {
            Ok(_) => buf.len(),
            Err(e) if e.error_len().is_none() && !eof => context_len + e.valid_up_to(),
            Err(e) => {
                // Write what is valid before the bad byte, then report it.
                let upto = context_len + e.valid_up_to();
                let text = std::str::from_utf8(&buf[..upto]).unwrap_or("");
                process(expander, text, context_len, &mut doc, &mut writer).map_err(write_err)?;
                return Err(Error::invalid_utf8(base + upto));
            }
        };
        let Ok(text) = std::str::from_utf8(&buf[..valid_to]) else {
            return Err(Error::invalid_utf8(base + valid_to));
        };
        let cut = if eof {
            text.len()
        } else {
            match text[context_len..].rfind('\n') {
                Some(i) => context_len + i + 1,
                None if text.len() - context_len >= MAX_LINE => {
                    let pending = &text[context_len..];
                    context_len
                        + pending
                            .rfind(' ')
                            .map_or(floor_char(pending, pending.len() / 2), |i| i + 1)
                }
                None => continue,
            }
        };
        if cut > context_len {
            process(expander, &text[..cut], context_len, &mut doc, &mut writer)
                .map_err(write_err)?;
        }
        // Keep a little context, then the unprocessed rest.
        let keep_from = floor_char(text, cut.saturating_sub(CONTEXT));
        buf.drain(..keep_from);
        base += keep_from;
        context_len = cut - keep_from;
    }
    writer.flush().map_err(write_err)
}

/// Writes `text[from..]` expanded.
fn process<W: Write>(
    expander: &Expander,
    text: &str,
    from: usize,
    doc: &mut Document,
    writer: &mut W,
) -> io::Result<()> {
    doc.new_buffer();
    let last = render::render(expander, text, from, doc, &mut |piece: &str| {
        writer.write_all(piece.as_bytes())
    })?;
    writer.write_all(text.as_bytes().get(last..).unwrap_or_default())
}

/// The largest char boundary at or below `i`.
fn floor_char(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
