//! Expanding a stream in bounded memory.
//!
//! The input is read into a buffer and processed up to the last line break whenever a block's
//! worth has arrived, so that a line is always whole when it is looked at (abbreviations never
//! span lines; a heading is judged by its whole line). The tail of what was processed stays in
//! front of the rest as context, for document numbers broken across a line ("25-\nNQ/TW").
//! A single line longer than [`MAX_LINE`] is cut at a space.

use std::io::{self, Read, Write};

use super::render::{self, Document};
use super::Expander;
use crate::error::Error;
use crate::text::floor_char_boundary;

/// Bytes read at a time, and processed at a time when lines allow.
const BLOCK: usize = 256 * 1024;
/// A line longer than this is cut at a space (or anywhere, failing that).
const MAX_LINE: usize = 4 * 1024 * 1024;
/// Context kept from what was already processed.
const CONTEXT: usize = 256;

pub(super) fn expand_stream<R: Read, W: Write>(
    expander: &Expander,
    mut reader: R,
    mut writer: W,
) -> Result<(), Error> {
    let mut doc = Document::new(expander);
    // `buf` holds: context (already written) | pending text (validated up to `valid`, not yet
    // written) | bytes not yet validated (at most an incomplete character).
    let mut buf: Vec<u8> = Vec::with_capacity(2 * BLOCK);
    let mut scratch = vec![0u8; BLOCK];
    let mut context_len = 0;
    let mut valid = 0;
    // Offset in the whole stream of `buf[0]`, for error messages.
    let mut base = 0usize;
    let write_err = |e: io::Error| Error::io(e, "cannot write output");
    loop {
        let n = loop {
            match reader.read(&mut scratch) {
                Ok(n) => break n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Error::io(e, "cannot read input")),
            }
        };
        let eof = n == 0;
        buf.extend_from_slice(&scratch[..n]);
        if !eof && buf.len() - context_len < BLOCK {
            continue;
        }

        // Validate what is new; an incomplete character at the end waits for more bytes.
        match std::str::from_utf8(&buf[valid..]) {
            Ok(_) => valid = buf.len(),
            Err(e) if e.error_len().is_none() && !eof => valid += e.valid_up_to(),
            Err(e) => {
                // Write what is valid before the bad byte, then report it.
                let upto = valid + e.valid_up_to();
                let text = std::str::from_utf8(&buf[..upto]).unwrap_or_default();
                process(expander, text, context_len, &mut doc, &mut writer).map_err(write_err)?;
                return Err(Error::invalid_utf8(base + upto));
            }
        }
        let text = std::str::from_utf8(&buf[..valid]).unwrap_or_default();
        let pending = &text[context_len..];
        let cut = if eof {
            text.len()
        } else if let Some(i) = pending.rfind('\n') {
            context_len + i + 1
        } else if pending.len() >= MAX_LINE {
            let at_space = pending.rfind(' ').map(|i| i + 1);
            context_len
                + at_space.unwrap_or_else(|| floor_char_boundary(pending, pending.len() / 2))
        } else {
            continue;
        };
        if cut > context_len {
            process(expander, &text[..cut], context_len, &mut doc, &mut writer)
                .map_err(write_err)?;
        }
        if eof {
            break;
        }
        // Keep a little context, then the unprocessed rest.
        let keep_from = floor_char_boundary(text, cut.saturating_sub(CONTEXT));
        buf.drain(..keep_from);
        base += keep_from;
        context_len = cut - keep_from;
        valid -= keep_from;
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
