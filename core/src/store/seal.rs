//! Classified text at rest (docs/secrecy.md): the `[secrecy] titles`
//! policy applied to a record's YAML tree as it is written, and the age
//! encryption behind the `encrypted` policy.
//!
//! `Change::save` (and `save_new`) pass every record through [`apply`],
//! so no writer can put a classified title on disk against the policy.
//! Sealed text is ASCII-armored age, the same file the `age` command line
//! reads and writes, stored as a YAML block. Decrypted text lives only in
//! memory, for a report asked for with `--show-classified`: it is never
//! written back, and never reaches the cache (which is fed from files).
//!
//! The identity (the private key) is read from a file the caller names;
//! one inside the register is refused, since the register is shared with
//! every clone and remote.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use age::armor::{ArmoredReader, ArmoredWriter, Format};
use age::secrecy::ExposeSecret;
use age::x25519;
use serde_yaml::Value;

use crate::model::config::Config;
use crate::model::keyword::Secrecy;
use crate::model::record::Record;
use crate::model::secret::{self, Secret, TitlePolicy};

/// Why classified text could not be sealed or opened.
#[derive(Debug)]
pub enum SealError {
    /// `titles = "encrypted"` with no `[secrecy] recipients`.
    NoRecipients,
    /// A recipient that is not an age X25519 public key (`age1…`).
    BadRecipient {
        key: String,
    },
    /// The recipient is listed already (`recipients add`) or not at all
    /// (`recipients remove`).
    RecipientListed {
        key: String,
    },
    RecipientNotListed {
        key: String,
    },
    /// Removing the last recipient would leave sealed text nobody reads.
    LastRecipient,
    /// No identity file in any of the places looked at, in order.
    IdentityMissing {
        looked: Vec<PathBuf>,
    },
    /// An identity file inside the register: it would be shared.
    IdentityInRegister {
        path: PathBuf,
    },
    /// A file that holds no age identity.
    IdentityUnreadable {
        path: PathBuf,
    },
    /// `keygen --out` onto an existing file.
    IdentityExists {
        path: PathBuf,
    },
    /// Sealed text the identity does not open: it was sealed to others.
    NotForIdentity {
        id: String,
        path: PathBuf,
    },
    /// Sealed text that is not whole age armor.
    Damaged {
        id: String,
    },
}

type Result<T> = std::result::Result<T, SealError>;

/// The recipients of `[secrecy] recipients`, read.
pub fn recipients(keys: &[String]) -> Result<Vec<x25519::Recipient>> {
    keys.iter().map(|key| recipient(key)).collect()
}

/// One recipient, read from `age1…`.
pub fn recipient(key: &str) -> Result<x25519::Recipient> {
    x25519::Recipient::from_str(key.trim()).map_err(|_| SealError::BadRecipient {
        key: key.trim().to_string(),
    })
}

/// A new identity: its secret text (the file's content, as `age-keygen`
/// writes it) and its recipient.
pub fn generate(created: &str) -> (String, String) {
    let identity = x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let text = format!(
        "# created: {created}\n# public key: {public}\n{}\n",
        identity.to_string().expose_secret()
    );
    (text, public)
}

/// Writes a new identity to `path`, readable by its owner only (0600),
/// never over an existing file; returns its recipient.
pub fn write_identity(path: &Path, created: &str) -> std::result::Result<String, crate::Error> {
    use std::os::unix::fs::OpenOptionsExt;
    let (text, public) = generate(created);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|e| crate::Error::io(dir, e))?;
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => SealError::IdentityExists {
                path: path.to_path_buf(),
            }
            .into(),
            _ => crate::Error::io(path, e),
        })?;
    file.write_all(text.as_bytes())
        .and_then(|()| file.sync_all())
        .map_err(|e| crate::Error::io(path, e))?;
    Ok(public)
}

/// Text sealed to `recipients`: ASCII-armored age.
pub fn seal(text: &str, recipients: &[x25519::Recipient]) -> Result<String> {
    let encryptor =
        age::Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
            .map_err(|_| SealError::NoRecipients)?;
    let mut armor = Vec::with_capacity(text.len() * 2 + 400);
    // Writing to memory fails only on a bug in age.
    let sealed = ArmoredWriter::wrap_output(&mut armor, Format::AsciiArmor)
        .and_then(|out| encryptor.wrap_output(out))
        .and_then(|mut out| {
            out.write_all(text.as_bytes())?;
            out.finish()?.finish()
        });
    match sealed {
        Ok(_) => Ok(String::from_utf8_lossy(&armor).into_owned()),
        Err(_) => Err(SealError::NoRecipients),
    }
}

/// An identity read from its file, to open sealed text with.
pub struct Identity {
    keys: Vec<Box<dyn age::Identity>>,
    path: PathBuf,
}

impl std::fmt::Debug for Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Identity({})", self.path.display())
    }
}

impl Identity {
    /// Reads the identity file at `path`, refusing one inside `register`
    /// (however the path is spelled: the real paths are compared).
    pub fn read(path: &Path, register: &Path) -> std::result::Result<Identity, crate::Error> {
        let real = std::fs::canonicalize(path).map_err(|e| crate::Error::io(path, e))?;
        let root = std::fs::canonicalize(register).unwrap_or_else(|_| register.to_path_buf());
        if real.starts_with(&root) {
            return Err(SealError::IdentityInRegister {
                path: path.to_path_buf(),
            }
            .into());
        }
        let bytes = std::fs::read(&real).map_err(|e| crate::Error::io(path, e))?;
        let unreadable = || SealError::IdentityUnreadable {
            path: path.to_path_buf(),
        };
        let keys = age::IdentityFile::from_buffer(bytes.as_slice())
            .ok()
            .and_then(|file| file.into_identities().ok())
            .filter(|keys| !keys.is_empty())
            .ok_or_else(unreadable)?;
        Ok(Identity {
            keys,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The clear text of `armor`, a field of record `id`.
    pub fn open(&self, armor: &str, id: &str) -> Result<String> {
        let damaged = || SealError::Damaged { id: id.to_string() };
        let decryptor = age::Decryptor::new_buffered(ArmoredReader::new(armor.trim().as_bytes()))
            .map_err(|_| damaged())?;
        let mut reader = decryptor
            .decrypt(self.keys.iter().map(|k| k.as_ref() as &dyn age::Identity))
            .map_err(|e| match e {
                age::DecryptError::NoMatchingKeys => SealError::NotForIdentity {
                    id: id.to_string(),
                    path: self.path.clone(),
                },
                _ => damaged(),
            })?;
        let mut clear = Vec::new();
        reader.read_to_end(&mut clear).map_err(|_| damaged())?;
        String::from_utf8(clear).map_err(|_| damaged())
    }
}

/// How a change writes classified text: the policy, its recipients, and
/// an identity when sealed text must be opened to be written again (to a
/// new set of recipients, or in clear under `plain`).
#[derive(Debug, Default)]
pub struct Sealer {
    pub policy: Option<TitlePolicy>,
    pub recipients: Vec<x25519::Recipient>,
    pub identity: Option<Identity>,
    /// Sealed text is opened and sealed again even when it is sealed
    /// already (`rekey`): the recipients changed.
    pub reseal: bool,
}

/// A record whose classified text a change withheld or sealed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SealNote {
    pub id: crate::model::id::Id,
    pub level: Secrecy,
    pub policy: TitlePolicy,
    pub applied: Applied,
}

/// What [`apply`] did to one record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Applied {
    /// Fields that were clear and are now withheld.
    pub withheld: usize,
    /// Fields sealed (or sealed again).
    pub sealed: usize,
}

/// The record a field belongs to, as [`apply`] needs it.
struct Owner<'a> {
    id: &'a str,
    level: Secrecy,
    /// The document's own number (文号), else its ID: a withheld title's
    /// label.
    reference: &'a str,
}

/// The record file tree `value` of record `id`, at effective level
/// `level`, with its free text at `paths`, made to obey `sealer`'s
/// policy. A record that is not classified, or the `plain` policy, keeps
/// its text; sealed text under `plain` is opened when an identity is at
/// hand, else kept sealed (it is no less safe).
pub fn apply(
    value: &mut Value,
    id: &str,
    level: Secrecy,
    reference: &str,
    paths: &[String],
    sealer: &Sealer,
) -> Result<Applied> {
    let mut applied = Applied::default();
    if !level.is_classified() {
        return Ok(applied);
    }
    let owner = Owner {
        id,
        level,
        reference,
    };
    let mut failed = None;
    for path in paths {
        let title = path == "title";
        secret::each_text(value, path, &mut |text| {
            // A history note that is an ID (the follow-up a paper spawned)
            // is a link, not the matter.
            if failed.is_some() || crate::model::id::Id::parse(text).is_some() {
                return;
            }
            match one(text, &owner, title, sealer, &mut applied) {
                Ok(Some(new)) => *text = new,
                Ok(None) => {}
                Err(e) => failed = Some(e),
            }
        });
    }
    failed.map_or(Ok(applied), Err)
}

/// The new stored text of one field (`title`: the record's title), if it
/// changes.
fn one(
    text: &str,
    owner: &Owner,
    title: bool,
    sealer: &Sealer,
    applied: &mut Applied,
) -> Result<Option<String>> {
    let label = || match title {
        true => secret::withheld_title(owner.level, owner.reference),
        false => secret::tag(owner.level),
    };
    if text.is_empty() {
        // Nothing to protect, and nothing to stand in for.
        return Ok(None);
    }
    match (
        sealer.policy.unwrap_or(TitlePolicy::Plain),
        Secret::of(text),
    ) {
        (TitlePolicy::Withheld, Secret::Clear(_)) => {
            applied.withheld += 1;
            Ok(Some(label()))
        }
        (TitlePolicy::Withheld, Secret::Sealed(_)) => Ok(Some(label())),
        (TitlePolicy::Encrypted, Secret::Clear(clear)) => {
            applied.sealed += 1;
            seal(clear, &sealer.recipients).map(Some)
        }
        (TitlePolicy::Encrypted, Secret::Sealed(armor)) if sealer.reseal => {
            let identity = sealer
                .identity
                .as_ref()
                .ok_or(SealError::IdentityMissing { looked: Vec::new() })?;
            let clear = identity.open(armor, owner.id)?;
            applied.sealed += 1;
            seal(&clear, &sealer.recipients).map(Some)
        }
        (TitlePolicy::Plain, Secret::Sealed(armor)) => match &sealer.identity {
            Some(identity) => identity.open(armor, owner.id).map(Some),
            None => Ok(None),
        },
        _ => Ok(None),
    }
}

/// Every sealed field of `value` (record `id`) opened with `identity`, for
/// a report asked for with `--show-classified`; returns how many.
pub fn open_all(
    value: &mut Value,
    id: &str,
    paths: &[String],
    identity: &Identity,
) -> Result<usize> {
    let mut opened = 0;
    let mut failed = None;
    for path in paths {
        secret::each_text(value, path, &mut |text| {
            if failed.is_some() || !secret::is_sealed(text) {
                return;
            }
            match identity.open(text, id) {
                Ok(clear) => {
                    *text = clear;
                    opened += 1;
                }
                Err(e) => failed = Some(e),
            }
        });
    }
    failed.map_or(Ok(opened), Err)
}

/// Whether any free text of `value` is sealed.
pub fn any_sealed(value: &mut Value, paths: &[String]) -> bool {
    let mut found = false;
    for path in paths {
        secret::each_text(value, path, &mut |text| found |= secret::is_sealed(text));
    }
    found
}

/// Where `record`'s free text lies: its kind's fields, and for a logbook
/// entry the text fields its book declares in `config`.
pub fn text_paths(record: &Record, config: &Config) -> Vec<String> {
    let mut paths: Vec<String> = (secret::text_paths(record.kind()).iter())
        .map(|p| p.to_string())
        .collect();
    if let Some(book) = record.book().and_then(|b| config.logbooks.get(b)) {
        let texts = book.fields.iter().filter(|f| f.kind == "text");
        paths.extend(texts.map(|f| f.name.clone()));
    }
    paths
}

/// Whether `record`, as loaded, holds sealed text.
pub fn has_sealed(record: &Record, config: &Config) -> bool {
    record
        .to_value()
        .is_ok_and(|mut value| any_sealed(&mut value, &text_paths(record, config)))
}

/// `record` with its sealed text replaced, in memory, by the labels the
/// `withheld` policy writes (`[秘密] 文号`, `[秘密]`): what a report
/// prints of sealed text when it is not asked to open it, rather than
/// lines of armor. Returns whether anything was sealed.
pub fn veil_record(
    record: &mut Record,
    config: &Config,
) -> std::result::Result<bool, crate::Error> {
    let paths = text_paths(record, config);
    let id = record.id().to_string();
    let mut value = record
        .to_value()
        .map_err(|e| crate::Error::internal(format_args!("{id}: {e}")))?;
    if !any_sealed(&mut value, &paths) {
        return Ok(false);
    }
    let level = record.secrecy().max(Secrecy::Secret);
    let reference = record
        .reference()
        .filter(|r| !r.trim().is_empty())
        .unwrap_or(&id)
        .to_string();
    let veil = Sealer {
        policy: Some(TitlePolicy::Withheld),
        ..Sealer::default()
    };
    apply(&mut value, &id, level, &reference, &paths, &veil)?;
    let mut veiled = Record::deserialize_as(value, record.kind(), record.book())
        .map_err(|e| crate::Error::internal(format_args!("{id}: {e}")))?;
    veiled.know_books(&config.logbooks);
    *record = veiled;
    Ok(true)
}

/// `record` with its sealed text opened, in memory only, for a report
/// asked for with `--show-classified`; returns how many fields were.
/// Never save the result: it is the caller's to print and drop.
pub fn open_record(
    record: &mut Record,
    config: &Config,
    identity: &Identity,
) -> std::result::Result<usize, crate::Error> {
    let paths = text_paths(record, config);
    let id = record.id().to_string();
    let mut value = record
        .to_value()
        .map_err(|e| crate::Error::internal(format_args!("{id}: {e}")))?;
    let opened = open_all(&mut value, &id, &paths, identity)?;
    if opened == 0 {
        return Ok(0);
    }
    let mut clear = Record::deserialize_as(value, record.kind(), record.book())
        .map_err(|e| crate::Error::internal(format_args!("{id}: {e}")))?;
    clear.know_books(&config.logbooks);
    *record = clear;
    Ok(opened)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn identity_in(dir: &Path) -> (Identity, x25519::Recipient) {
        let path = dir.join("id.txt");
        let public = write_identity(&path, "2026-12-06").unwrap();
        let root = dir.join("register");
        std::fs::create_dir_all(&root).unwrap();
        (
            Identity::read(&path, &root).unwrap(),
            recipient(&public).unwrap(),
        )
    }

    #[test]
    fn sealed_text_opens_with_its_identity_only() {
        let dir = tempfile::tempdir().unwrap();
        let (identity, public) = identity_in(dir.path());
        let armor = seal("关于冬季安全的通知", &[public]).unwrap();
        assert!(secret::is_sealed(&armor), "{armor}");
        assert!(!armor.contains("冬季"));
        assert_eq!(identity.open(&armor, "IN-1").unwrap(), "关于冬季安全的通知");
        let other = tempfile::tempdir().unwrap();
        let (stranger, _) = identity_in(other.path());
        assert!(matches!(
            stranger.open(&armor, "IN-1"),
            Err(SealError::NotForIdentity { .. })
        ));
        assert!(matches!(
            identity.open(&armor.replace('A', "B"), "IN-1"),
            Err(SealError::Damaged { .. } | SealError::NotForIdentity { .. })
        ));
    }

    #[test]
    fn an_identity_file_is_private_and_never_overwritten() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("identity.txt");
        write_identity(&path, "2026-12-06").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        assert!(matches!(
            write_identity(&path, "2026-12-06"),
            Err(crate::Error::Seal(SealError::IdentityExists { .. }))
        ));
    }

    #[test]
    fn an_identity_inside_the_register_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("identity.txt");
        write_identity(&path, "2026-12-06").unwrap();
        assert!(matches!(
            Identity::read(&path, dir.path()),
            Err(crate::Error::Seal(SealError::IdentityInRegister { .. }))
        ));
    }

    #[test]
    fn the_policy_decides_what_a_classified_field_becomes() {
        let dir = tempfile::tempdir().unwrap();
        let (identity, public) = identity_in(dir.path());
        let paths: Vec<String> = ["title", "notes"].map(String::from).to_vec();
        let fresh =
            || -> Value { serde_yaml::from_str("title: 绝密事项\nnotes: 备注\n").unwrap() };

        let mut withheld = fresh();
        let sealer = Sealer {
            policy: Some(TitlePolicy::Withheld),
            ..Sealer::default()
        };
        let done = apply(
            &mut withheld,
            "IN-1",
            Secrecy::Secret,
            "省交明电〔2026〕12号",
            &paths,
            &sealer,
        );
        assert_eq!(done.unwrap().withheld, 2);
        assert_eq!(
            withheld["title"],
            Value::from("[秘密] 省交明电〔2026〕12号")
        );
        assert_eq!(withheld["notes"], Value::from("[秘密]"));

        let mut open = fresh();
        apply(&mut open, "IN-1", Secrecy::None, "x", &paths, &sealer).unwrap();
        assert_eq!(open, fresh());

        let mut sealed = fresh();
        let sealer = Sealer {
            policy: Some(TitlePolicy::Encrypted),
            recipients: vec![public],
            ..Sealer::default()
        };
        apply(&mut sealed, "IN-1", Secrecy::Secret, "x", &paths, &sealer).unwrap();
        let again = sealed.clone();
        apply(&mut sealed, "IN-1", Secrecy::Secret, "x", &paths, &sealer).unwrap();
        assert_eq!(sealed, again, "sealed text is not sealed twice");
        assert_eq!(open_all(&mut sealed, "IN-1", &paths, &identity).unwrap(), 2);
        assert_eq!(sealed, fresh());

        let none = Sealer {
            policy: Some(TitlePolicy::Encrypted),
            ..Sealer::default()
        };
        let mut refused = fresh();
        assert!(matches!(
            apply(&mut refused, "IN-1", Secrecy::Secret, "x", &paths, &none),
            Err(SealError::NoRecipients)
        ));
    }
}
