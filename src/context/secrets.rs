//! The context's part in classified text at rest (docs/secrecy.md): where
//! the clerk's age identity is found, the notes a change gives when the
//! policy withholds or seals text, and the one step that opens sealed
//! text for a report asked for with `--show-classified`.
//!
//! Opened text lives in the records a command holds in memory: it is
//! never written (the store seals whatever it writes) and never cached
//! (the cache is fed from the files).

use std::path::PathBuf;
use std::sync::Arc;

use super::{Ctx, env_text};
use crate::error::Result;
use crate::report::render::printable;
use taizhang_core::model::record::Record;
use taizhang_core::model::secret::{self, TitlePolicy};
use taizhang_core::store::register::SealTold;
use taizhang_core::store::seal::{self, Identity, SealError, SealNote};
use taizhang_core::store::{Loaded, Register};

/// The identity file's name in the user's config folder.
const IDENTITY_FILE: &str = "identity.txt";

impl Ctx {
    /// Where the identity is looked for, in order: `--identity`,
    /// `TAIZHANG_IDENTITY`, the user's config folder
    /// (`$XDG_CONFIG_HOME/taizhang/`, else `~/.config/taizhang/`).
    pub fn identity_places(&self) -> Vec<PathBuf> {
        let mut places = Vec::new();
        if let Some(given) = &self.args.identity {
            places.push(self.cwd.join(given));
            return places;
        }
        if let Some(env) = env_text("TAIZHANG_IDENTITY") {
            places.push(self.cwd.join(env));
            return places;
        }
        if let Some(config) = env_text("XDG_CONFIG_HOME") {
            places.push(PathBuf::from(config).join("taizhang").join(IDENTITY_FILE));
        }
        if let Some(home) = env_text("HOME") {
            let place = PathBuf::from(home)
                .join(".config")
                .join("taizhang")
                .join(IDENTITY_FILE);
            if !places.contains(&place) {
                places.push(place);
            }
        }
        places
    }

    /// Where `secrecy keygen` writes a new identity without `--out`: the
    /// first of the user's config folders.
    pub fn default_identity_place(&self) -> Option<PathBuf> {
        self.args.identity.as_ref().map_or_else(
            || {
                let places = self.identity_places();
                places.into_iter().next()
            },
            |given| Some(self.cwd.join(given)),
        )
    }

    /// The clerk's identity, from the first place that has a file; an
    /// error naming every place looked at when none has. A file inside
    /// `register` is refused.
    pub fn identity(&self, register: &Register) -> Result<Identity> {
        let places = self.identity_places();
        match places.iter().find(|p| p.exists()) {
            Some(path) => Ok(Identity::read(path, &register.root)?),
            None => Err(SealError::IdentityMissing { looked: places }.into()),
        }
    }

    /// How the store tells a change's notes: one line on stderr per
    /// record whose text was withheld or sealed (silent with `-q`).
    pub(super) fn seal_told(&self) -> SealTold {
        let lang = self.lang();
        let quiet = self.args.quiet;
        SealTold(Arc::new(move |note: &SealNote| {
            if !quiet {
                eprintln!("{}", printable(&crate::i18n::secrecy::sealed(lang, note)));
            }
        }))
    }

    /// Opens the sealed text of `records` when `show` (`--show-classified`)
    /// asks for it: in a `withheld` register there is nothing to open (a
    /// note says so); where text is sealed, or the policy is
    /// `encrypted`, the identity must be found (an error names where it
    /// was looked for). Without `show`, sealed text is veiled: labelled
    /// as `withheld` labels it (`[秘密] 文号`), never printed as armor.
    pub fn unseal<'r>(
        &self,
        register: &Register,
        show: bool,
        records: impl IntoIterator<Item = &'r mut Record>,
    ) -> Result<()> {
        let config = &register.config;
        if !show {
            for record in records.into_iter().filter(|r| may_hold_sealed(r)) {
                seal::veil_record(record, config)?;
            }
            return Ok(());
        }
        if config.secrecy.policy() == TitlePolicy::Withheld {
            self.note(&crate::i18n::secrecy::nothing_to_show(self.lang()));
            return Ok(());
        }
        let mut sealed: Vec<&mut Record> = (records.into_iter())
            .filter(|r| may_hold_sealed(r) && seal::has_sealed(r, config))
            .collect();
        let encrypted = config.secrecy.policy() == TitlePolicy::Encrypted;
        if sealed.is_empty() && !encrypted {
            return Ok(());
        }
        let identity = self.identity(register)?;
        for record in &mut sealed {
            seal::open_record(record, config, &identity)?;
        }
        Ok(())
    }

    /// [`Ctx::unseal`] over the records of a snapshot.
    pub fn unseal_loaded(
        &self,
        register: &Register,
        show: bool,
        loaded: &mut [Loaded],
    ) -> Result<()> {
        self.unseal(register, show, loaded.iter_mut().map(|l| &mut l.record))
    }
}

/// Whether `record` may hold sealed text, cheaply: every classified record
/// has its title sealed; an entry's level may be one of its book's
/// fields, so an entry is looked at whole — each text it holds, without
/// turning it into a tree of values, which a search over thousands of
/// entries would pay for each.
fn may_hold_sealed(record: &Record) -> bool {
    match record {
        Record::Entry(entry, _) => {
            secret::is_sealed(&entry.title)
                || (entry.history.iter()).any(|h| h.note.as_deref().is_some_and(secret::is_sealed))
                || (entry.fields.iter()).any(|(_, value)| holds_sealed(value))
        }
        _ => record.secrecy().is_classified() || secret::is_sealed(record.title()),
    }
}

/// Whether a field's value, or any value inside it, is sealed text.
fn holds_sealed(value: &serde_yaml::Value) -> bool {
    match value {
        serde_yaml::Value::String(text) => secret::is_sealed(text),
        serde_yaml::Value::Sequence(items) => items.iter().any(holds_sealed),
        serde_yaml::Value::Mapping(map) => map.iter().any(|(_, v)| holds_sealed(v)),
        serde_yaml::Value::Tagged(tagged) => holds_sealed(&tagged.value),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use taizhang_core::model::kind::Kind;

    fn entry(field: &str) -> Record {
        let yaml = format!(
            "id: VISIT-2026-0001\ntitle: 来访\nstatus: recorded\n\
             created: 2026-11-01T09:00:00+08:00\n{field}\n"
        );
        Record::from_yaml(&yaml, Kind::Logbook, Some("visit")).unwrap()
    }

    /// The cheap look never passes over an entry whose text is sealed,
    /// wherever in its fields the armor lies.
    #[test]
    fn an_entry_with_sealed_text_anywhere_is_looked_at() {
        let armor = format!(
            "{}\\nYWdl\\n-----END AGE ENCRYPTED FILE-----",
            secret::ARMOR_BEGIN
        );
        for field in [
            format!("purpose: \"{armor}\""),
            format!("notes:\n- \"{armor}\""),
            format!("visit:\n  about: \"{armor}\""),
        ] {
            assert!(may_hold_sealed(&entry(&field)), "{field}");
        }
        assert!(!may_hold_sealed(&entry("purpose: 递交申请材料")));
    }
}
