//! Attachments: files copied into `attachments/<ID>/`, with their SHA-256
//! recorded so a later change to the copy can be noticed.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use crate::model::id::Id;
use crate::model::incoming::Attachment;
use crate::store::error::{Error, Result};

/// Largest attachment accepted: scans of long papers fit; videos do not
/// belong in a git register.
const MAX_ATTACHMENT_BYTES: u64 = 50 << 20;

/// The folder of the records' attachments, beside the record folders.
pub const FOLDER: &str = "attachments";

/// A safe file name for `source` inside the attachments folder: the
/// source's own name, with nothing that could climb out of the folder.
fn safe_name(source: &Path) -> Result<String> {
    let name = source
        .file_name()
        .and_then(|n| n.to_str())
        .map(str::trim)
        .filter(|n| !n.is_empty() && !n.starts_with('.') && !n.contains(['/', '\\', '\0']))
        .ok_or_else(|| Error::OutsideRegister {
            path: source.to_path_buf(),
        })?;
    Ok(name.to_string())
}

/// Reads `source` and decides where its copy goes (relative to the root),
/// without writing anything yet.
pub fn prepare(root: &Path, id: &Id, source: &Path) -> Result<(PathBuf, Vec<u8>, Attachment)> {
    let meta = std::fs::metadata(source).map_err(|e| Error::io(source, e))?;
    if !meta.is_file() {
        return Err(Error::io(
            source,
            std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file"),
        ));
    }
    if meta.len() > MAX_ATTACHMENT_BYTES {
        return Err(Error::AttachmentTooLarge {
            path: source.to_path_buf(),
            bytes: meta.len(),
            limit_mib: MAX_ATTACHMENT_BYTES >> 20,
        });
    }
    let bytes = std::fs::read(source).map_err(|e| Error::io(source, e))?;
    let name = safe_name(source)?;
    let folder = PathBuf::from(FOLDER).join(id.to_string());
    let mut relative = folder.join(&name);
    let mut n = 2;
    while root.join(&relative).exists() {
        relative = folder.join(format!("{n}-{name}"));
        n += 1;
    }
    let sha256 = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let attachment = Attachment {
        path: relative.to_string_lossy().into_owned(),
        sha256,
        name,
    };
    Ok((relative, bytes, attachment))
}
