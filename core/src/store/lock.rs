//! One writer at a time: an exclusive lock on
//! `.taizhang/lock`, held from allocating an ID to the git commit.
//!
//! The lock is the operating system's (`flock`), so it is released when
//! the process dies, however it dies: no stale lock files to clean up.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;
use std::time::{Duration, Instant};

use crate::store::error::{Error, Result};
use crate::store::save::ensure_state_dir;

/// Held while the register is being changed; dropping it unlocks.
#[derive(Debug)]
pub struct WriteLock {
    _file: File,
}

fn open(root: &Path) -> Result<(File, std::path::PathBuf)> {
    let path = ensure_state_dir(root)?.join("lock");
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    Ok((file, path))
}

impl WriteLock {
    /// The lock if no one holds it now; `None` if someone does.
    pub fn try_acquire(root: &Path) -> Result<Option<WriteLock>> {
        let (file, path) = open(root)?;
        match file.try_lock() {
            Ok(()) => Ok(Some(WriteLock { _file: file })),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(Error::io(&path, e)),
        }
    }

    /// Waits up to `wait` for another writer to finish.
    pub fn acquire(root: &Path, wait: Duration) -> Result<WriteLock> {
        let (file, path) = open(root)?;
        let start = Instant::now();
        loop {
            match file.try_lock() {
                Ok(()) => return Ok(WriteLock { _file: file }),
                Err(TryLockError::WouldBlock) if start.elapsed() < wait => {
                    std::thread::sleep(Duration::from_millis(15));
                }
                Err(TryLockError::WouldBlock) => {
                    return Err(Error::Locked {
                        seconds: wait.as_secs(),
                    });
                }
                Err(TryLockError::Error(e)) => return Err(Error::io(&path, e)),
            }
        }
    }
}
