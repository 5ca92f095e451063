//! Words about classified text at rest (docs/secrecy.md): the `[secrecy]`
//! policy's notes, the `secrecy` commands' confirmations, and the errors
//! of sealing and opening.

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, say};
use taizhang_core::model::secret::TitlePolicy;
use taizhang_core::store::seal::{SealError, SealNote};

fn shown(path: &Path) -> String {
    path.display().to_string()
}

/// The note a change gives for a record whose classified text the policy
/// kept off the disk.
pub fn sealed(l: Lang, note: &SealNote) -> String {
    let id = &note.id;
    let level = l.keyword(note.level);
    match note.policy {
        TitlePolicy::Withheld => say!(
            l,
            "{id} is {level}: its title and free text were not written to disk ([secrecy] titles = \"withheld\" in taizhang.toml); dates, units, owners and status are kept",
            "{id} 为{level}：标题和文字内容未写入磁盘（taizhang.toml 中 [secrecy] titles = \"withheld\"）；日期、单位、责任人和状态照常保存"
        ),
        _ => say!(
            l,
            "{id} is {level}: its title and free text were stored encrypted to the register's recipients ([secrecy] titles = \"encrypted\")",
            "{id} 为{level}：标题和文字内容已加密保存，只有台账设置的接收人能解密（[secrecy] titles = \"encrypted\"）"
        ),
    }
}

/// `check`'s warning for a register without a policy that holds
/// classified records.
pub fn plain_warning(l: Lang, count: usize) -> String {
    say!(
        l,
        "{count} classified records keep their titles and free text in clear in their files and in git history; set a policy: taizhang config set secrecy.titles withheld (or encrypted), then taizhang secrecy scrub",
        "有 {count} 条涉密记录的标题和文字内容以明文保存在文件和 git 历史中；请设定保存方式：taizhang config set secrecy.titles withheld（或 encrypted），再运行 taizhang secrecy scrub"
    )
}

/// `--show-classified` in a `withheld` register.
pub fn nothing_to_show(l: Lang) -> String {
    say!(
        l,
        "note: this register withholds classified titles ([secrecy] titles = \"withheld\"): they were never stored, so --show-classified has nothing more to show",
        "提示：本台账不保存涉密标题（[secrecy] titles = \"withheld\"），这些内容从未写入，--show-classified 没有更多可显示的内容"
    )
}

/// `secrecy keygen`'s note beside the recipient it prints.
pub fn keygen_done(l: Lang, path: &Path) -> String {
    let path = shown(path);
    say!(
        l,
        "identity written to {path} (readable by you only); keep it off the register and back it up. Give the line above to: taizhang secrecy recipients add …",
        "身份文件已写入 {path}（仅本人可读）；不要放进台账文件夹，并妥善备份。把上面一行交给：taizhang secrecy recipients add …"
    )
}

/// `recipients add`/`remove` and `rekey`: what was sealed anew.
pub fn resealed(l: Lang, records: usize, fields: usize, recipients: usize) -> String {
    say!(
        l,
        "{fields} fields of {records} classified records sealed again to {recipients} recipients",
        "{records} 条涉密记录的 {fields} 处内容已重新加密给 {recipients} 个接收人"
    )
}

pub fn recipient_added(l: Lang, key: &str) -> String {
    say!(l, "recipient added: {key}", "已添加接收人：{key}")
}

pub fn recipient_removed(l: Lang, key: &str) -> String {
    say!(
        l,
        "recipient removed: {key}; text sealed before stays readable by its identity in git history",
        "已移除接收人：{key}；此前加密的内容在 git 历史中仍可用其身份文件解密"
    )
}

/// `secrecy scrub`: what it rewrote, and what it cannot reach.
pub fn scrubbed(l: Lang, policy: TitlePolicy, records: usize) -> String {
    let policy = policy.keyword();
    say!(
        l,
        "{records} classified records rewritten under [secrecy] titles = \"{policy}\"",
        "已按 [secrecy] titles = \"{policy}\" 重写 {records} 条涉密记录"
    )
}

pub fn history_still_holds(l: Lang) -> String {
    say!(
        l,
        "git history still holds the text as it was written before. Removing it is the office's decision, not taizhang's: with git filter-repo (e.g. git filter-repo --replace-text FILE listing the titles), then every clone and remote must be replaced; see docs/secrecy.md",
        "git 历史中仍保留此前写入的内容。是否清除由本单位决定，taizhang 不会自行改写历史：可用 git filter-repo（如 git filter-repo --replace-text 文件，文件中列出这些标题），之后所有副本和远程仓库都须替换；详见 docs/secrecy.md"
    )
}

fn looked_list(looked: &[PathBuf]) -> String {
    looked
        .iter()
        .map(|p| shown(p))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The words of a `SealError`, with a hint.
pub(super) fn error(l: Lang, error: &SealError) -> (String, Option<String>) {
    use SealError as E;
    match error {
        E::NoRecipients => (
            say!(
                l,
                "[secrecy] titles = \"encrypted\" but taizhang.toml lists no recipients: classified text cannot be sealed",
                "[secrecy] titles = \"encrypted\"，但 taizhang.toml 中没有接收人，涉密内容无法加密"
            ),
            Some(say!(
                l,
                "make an identity with taizhang secrecy keygen, then taizhang secrecy recipients add age1…",
                "先用 taizhang secrecy keygen 生成身份，再运行 taizhang secrecy recipients add age1…"
            )),
        ),
        E::BadRecipient { key } => (
            say!(
                l,
                "'{key}' is not an age recipient (a public key starting age1…)",
                "“{key}”不是 age 接收人（以 age1 开头的公钥）"
            ),
            Some(say!(
                l,
                "check [secrecy] recipients in taizhang.toml; taizhang secrecy keygen prints a recipient",
                "请检查 taizhang.toml 中的 [secrecy] recipients；taizhang secrecy keygen 会打印接收人"
            )),
        ),
        E::RecipientListed { key } => (
            say!(l, "{key} is already a recipient", "{key} 已是接收人"),
            None,
        ),
        E::RecipientNotListed { key } => (
            say!(l, "{key} is not a recipient", "{key} 不是接收人"),
            Some(say!(
                l,
                "taizhang secrecy recipients list shows them",
                "taizhang secrecy recipients list 可列出接收人"
            )),
        ),
        E::LastRecipient => (
            say!(
                l,
                "cannot remove the last recipient: nobody could read the sealed text",
                "不能移除最后一个接收人：否则加密内容将无人能读"
            ),
            Some(say!(
                l,
                "add the new clerk's recipient first, or change the policy and run taizhang secrecy scrub",
                "请先添加新的接收人，或改变保存方式后运行 taizhang secrecy scrub"
            )),
        ),
        E::IdentityMissing { looked } => {
            let looked = looked_list(looked);
            (
                say!(
                    l,
                    "no age identity found to open classified text; looked at: {looked}",
                    "找不到可解密涉密内容的 age 身份文件；查找过：{looked}"
                ),
                Some(say!(
                    l,
                    "give --identity FILE or TAIZHANG_IDENTITY, or make one with taizhang secrecy keygen",
                    "请给出 --identity 文件或 TAIZHANG_IDENTITY，或用 taizhang secrecy keygen 生成"
                )),
            )
        }
        E::IdentityInRegister { path } => {
            let path = shown(path);
            (
                say!(
                    l,
                    "{path} is inside the register: an identity there would be shared with every clone and remote",
                    "{path} 在台账文件夹内：身份文件放在这里会随每个副本和远程仓库外传"
                ),
                Some(say!(
                    l,
                    "move it to ~/.config/taizhang/identity.txt (and out of git history if it was committed)",
                    "请移到 ~/.config/taizhang/identity.txt（如已提交，还须从 git 历史中清除）"
                )),
            )
        }
        E::IdentityUnreadable { path } => {
            let path = shown(path);
            (
                say!(
                    l,
                    "{path} holds no age identity (AGE-SECRET-KEY-1…)",
                    "{path} 中没有 age 身份（AGE-SECRET-KEY-1…）"
                ),
                None,
            )
        }
        E::IdentityExists { path } => {
            let path = shown(path);
            (
                say!(
                    l,
                    "{path} already exists; an identity is never overwritten",
                    "{path} 已存在；身份文件决不覆盖"
                ),
                Some(say!(
                    l,
                    "give another file with --out",
                    "请用 --out 指定另一个文件"
                )),
            )
        }
        E::NotForIdentity { id, path } => {
            let path = shown(path);
            (
                say!(
                    l,
                    "the classified text of {id} was not sealed to the identity in {path}",
                    "{id} 的涉密内容不是加密给 {path} 中的身份的"
                ),
                Some(say!(
                    l,
                    "a clerk whose identity opens it can add yours: taizhang secrecy recipients add age1…",
                    "请能解密的同事把您加为接收人：taizhang secrecy recipients add age1…"
                )),
            )
        }
        E::Damaged { id } => (
            say!(
                l,
                "the sealed text of {id} is damaged (not whole age armor)",
                "{id} 的加密内容已损坏（不是完整的 age 密文）"
            ),
            Some(say!(
                l,
                "restore the file from git (git log -p on it shows when it changed)",
                "请从 git 恢复该文件（对它运行 git log -p 可看到何时被改动）"
            )),
        ),
    }
}
