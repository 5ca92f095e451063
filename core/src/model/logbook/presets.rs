//! The logbooks an office keeps, as `init` declares them: the registers of
//! 印信管理 (用印, 介绍信), 来访接待, 公务接待, 值班, 车辆和物品管理,
//! 档案借阅, and 涉密载体登记. Labels are Chinese, the office's language;
//! `label_en` gives English readers theirs.

use std::collections::BTreeMap;

use crate::model::config::{FieldDef, LogbookDef, LoopDef};

/// One declared field: name, type, required, Chinese label, English label.
type Field = (&'static str, &'static str, bool, &'static str, &'static str);

/// One preset: name, prefix, title, English title, fields, the open
/// loop as (start, due, end, owner), the other fields that also end it,
/// and the fields each field requires once filled (`FieldDef::requires`).
struct Preset {
    name: &'static str,
    prefix: &'static str,
    title: &'static str,
    title_en: &'static str,
    fields: &'static [Field],
    open_loop: Option<(&'static str, &'static str, &'static str, &'static str)>,
    also_ends: &'static [&'static str],
    requires: &'static [(&'static str, &'static [&'static str])],
}

const PRESETS: &[Preset] = &[
    Preset {
        name: "seal",
        prefix: "SEAL",
        title: "用印登记",
        title_en: "Seal use",
        fields: &[
            ("date", "date", true, "日期", "Date"),
            ("seal", "text", true, "印章名称", "Seal"),
            ("unit", "unit", true, "用印单位", "Unit"),
            ("handler", "person", true, "经办人", "Handler"),
            ("purpose", "text", true, "用印事由", "Purpose"),
            ("document", "text", false, "文件名称", "Document"),
            ("copies", "number", false, "份数", "Copies"),
            ("approver", "person", true, "批准人", "Approved by"),
            ("witness", "person", false, "监印人", "Witness"),
            ("taken_out", "datetime", false, "外借时间", "Taken out"),
            ("return_due", "datetime", false, "应还时间", "Due back"),
            ("returned", "datetime", false, "归还时间", "Returned"),
        ],
        open_loop: Some(("taken_out", "return_due", "returned", "handler")),
        also_ends: &[],
        requires: &[],
    },
    Preset {
        name: "letter",
        prefix: "LTR",
        title: "介绍信",
        title_en: "Letters of introduction",
        fields: &[
            ("number", "text", false, "存根号", "Stub number"),
            ("date", "date", true, "开具日期", "Date"),
            ("to_org", "text", true, "前往单位", "To"),
            ("bearer", "text", true, "持信人", "Bearer"),
            ("headcount", "number", false, "人数", "Headcount"),
            ("purpose", "text", true, "事由", "Purpose"),
            ("valid_until", "date", false, "有效期至", "Valid until"),
            ("issued_by", "person", true, "开具人", "Issued by"),
            ("approver", "person", true, "批准人", "Approved by"),
        ],
        open_loop: None,
        also_ends: &[],
        requires: &[],
    },
    Preset {
        name: "visit",
        prefix: "VISIT",
        title: "来访登记",
        title_en: "Visitors",
        fields: &[
            ("arrived", "datetime", true, "来访时间", "Arrived"),
            ("left", "datetime", false, "离开时间", "Left"),
            ("visitor", "text", true, "来访人", "Visitor"),
            ("organisation", "text", false, "单位", "Organisation"),
            ("id_checked", "bool", false, "核验证件", "ID checked"),
            ("headcount", "number", false, "人数", "Headcount"),
            ("purpose", "text", true, "事由", "Purpose"),
            ("host", "person", false, "接待人", "Host"),
            ("received_by", "person", false, "登记人", "Registered by"),
        ],
        open_loop: None,
        also_ends: &[],
        requires: &[],
    },
    Preset {
        name: "reception",
        prefix: "RCP",
        title: "公务接待登记",
        title_en: "Official receptions",
        fields: &[
            ("date", "date", false, "接待日期", "Date"),
            ("letter_ref", "text", true, "公函", "Official letter"),
            ("guests", "text", true, "来宾", "Guests"),
            ("headcount", "number", false, "来宾人数", "Headcount"),
            ("activities", "text", false, "活动内容", "Activities"),
            ("meals", "text", false, "用餐", "Meals"),
            ("lodging", "text", false, "住宿", "Lodging"),
            ("venue", "text", false, "地点", "Venue"),
            ("companions", "number", false, "陪同人数", "Companions"),
            ("cost", "money", false, "费用", "Cost"),
            ("approved_by", "person", true, "审批人", "Approved by"),
        ],
        open_loop: None,
        also_ends: &[],
        requires: &[],
    },
    Preset {
        name: "duty",
        prefix: "DUTY",
        title: "值班登记",
        title_en: "Duty",
        fields: &[
            ("date", "date", true, "日期", "Date"),
            ("shift", "text", true, "班次", "Shift"),
            ("leader", "person", true, "带班领导", "Leader on duty"),
            ("officers", "text", true, "值班人员", "Officers"),
            ("calls", "text", false, "来电记录", "Calls"),
            ("incidents", "text", false, "事件处置", "Incidents"),
            ("handover", "text", false, "交接班", "Handover"),
        ],
        open_loop: None,
        also_ends: &[],
        requires: &[],
    },
    Preset {
        name: "vehicle",
        prefix: "CAR",
        title: "用车登记",
        title_en: "Vehicle use",
        fields: &[
            ("date", "date", true, "日期", "Date"),
            ("vehicle", "text", true, "车辆", "Vehicle"),
            ("driver", "person", true, "驾驶员", "Driver"),
            ("user", "text", true, "用车人", "User"),
            ("unit", "unit", false, "用车单位", "Unit"),
            ("destination", "text", true, "目的地", "Destination"),
            ("purpose", "text", true, "事由", "Purpose"),
            ("out", "datetime", false, "出车时间", "Out"),
            ("back_due", "datetime", false, "预计回车", "Due back"),
            ("back", "datetime", false, "回车时间", "Back"),
            ("km", "number", false, "里程（公里）", "Distance (km)"),
        ],
        open_loop: Some(("out", "back_due", "back", "driver")),
        also_ends: &[],
        requires: &[],
    },
    Preset {
        name: "items",
        prefix: "ITEM",
        title: "物品领用",
        title_en: "Supplies issued",
        fields: &[
            ("date", "date", true, "日期", "Date"),
            ("item", "text", true, "物品名称", "Item"),
            ("quantity", "number", true, "数量", "Quantity"),
            ("measure", "text", false, "计量单位", "Measure"),
            ("unit", "unit", false, "领用单位", "Unit"),
            ("recipient", "person", true, "领用人", "Recipient"),
            ("approver", "person", false, "批准人", "Approved by"),
        ],
        open_loop: None,
        also_ends: &[],
        requires: &[],
    },
    Preset {
        name: "loan",
        prefix: "LOAN",
        title: "档案借阅",
        title_en: "Archive loans",
        fields: &[
            ("borrower", "text", true, "借阅人", "Borrower"),
            ("unit", "unit", false, "借阅单位", "Unit"),
            ("archive_ref", "ref", true, "档案", "Archived record"),
            ("purpose", "text", true, "借阅目的", "Purpose"),
            ("approved_by", "person", false, "批准人", "Approved by"),
            ("lent", "datetime", true, "借出时间", "Lent"),
            ("return_due", "date", false, "应还日期", "Due back"),
            ("returned", "datetime", false, "归还时间", "Returned"),
        ],
        open_loop: Some(("lent", "return_due", "returned", "borrower")),
        also_ends: &[],
        requires: &[],
    },
    // 涉密载体: each copy of a classified paper, from the day someone
    // takes it (领取) until it is returned (清退) or destroyed (销毁), which
    // needs an approver and two witnesses (监销人). Its level is the
    // entry's own (`secrecy`), and the paper it copies (`source`) passes
    // its own on: the register withholds what it says.
    Preset {
        name: "carrier",
        prefix: "CARRIER",
        title: "涉密载体登记",
        title_en: "Classified copies",
        fields: &[
            ("copy_no", "text", true, "份号", "Copy number"),
            ("secrecy", "enum", true, "密级", "Level"),
            ("source", "ref", true, "文件", "Document"),
            ("holder", "person", true, "持有人", "Holder"),
            ("unit", "unit", false, "持有单位", "Unit"),
            ("received", "datetime", true, "领取时间", "Received"),
            ("return_due", "date", false, "应清退日期", "Due back"),
            ("returned", "datetime", false, "清退时间", "Returned"),
            ("destroyed", "datetime", false, "销毁时间", "Destroyed"),
            (
                "destroy_approver",
                "person",
                false,
                "销毁批准人",
                "Destruction approved by",
            ),
            ("witness", "person", false, "监销人", "Witness"),
            ("witness2", "person", false, "第二监销人", "Second witness"),
        ],
        open_loop: Some(("received", "return_due", "returned", "holder")),
        also_ends: &["destroyed"],
        requires: &[("destroyed", &["destroy_approver", "witness", "witness2"])],
    },
];

/// The names of the preset logbooks, in the order offices meet them.
pub const PRESET_NAMES: &[&str] = &[
    "seal",
    "letter",
    "visit",
    "reception",
    "duty",
    "vehicle",
    "items",
    "loan",
    "carrier",
];

impl Preset {
    fn declaration(&self) -> LogbookDef {
        LogbookDef {
            prefix: self.prefix.into(),
            title: self.title.into(),
            title_en: Some(self.title_en.into()),
            fields: self.fields.iter().map(|f| self.field(f)).collect(),
            open_loop: self.open_loop.map(|(start, due, end, owner)| LoopDef {
                start: start.into(),
                due: Some(due.into()),
                end: end.into(),
                also_ends: self.also_ends.iter().map(|f| f.to_string()).collect(),
                owner: Some(owner.into()),
            }),
        }
    }

    fn field(&self, &(name, kind, required, label, label_en): &Field) -> FieldDef {
        let requires = (self.requires.iter())
            .find(|(field, _)| *field == name)
            .map_or_else(Vec::new, |(_, needs)| {
                needs.iter().map(|n| n.to_string()).collect()
            });
        FieldDef {
            name: name.into(),
            kind: kind.into(),
            required,
            values: match name {
                "secrecy" => CLASSIFIED_LEVELS.iter().map(|v| v.to_string()).collect(),
                _ => Vec::new(),
            },
            label: Some(label.into()),
            label_en: Some(label_en.into()),
            requires,
        }
    }
}

/// The values of a preset's `secrecy` field: the classified levels, as a
/// clerk writes them (an entry's level reads either way:
/// `keyword::parse`).
const CLASSIFIED_LEVELS: &[&str] = &["秘密", "机密", "绝密"];

/// Every preset logbook by name, as `init` declares them.
pub fn presets() -> BTreeMap<String, LogbookDef> {
    PRESETS
        .iter()
        .map(|p| (p.name.to_string(), p.declaration()))
        .collect()
}

/// The preset named `name`, for `book declare`.
pub fn preset(name: &str) -> Option<LogbookDef> {
    PRESETS
        .iter()
        .find(|p| p.name == name)
        .map(Preset::declaration)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_is_named_once_and_its_loop_names_declared_fields() {
        let names: Vec<&str> = PRESETS.iter().map(|p| p.name).collect();
        assert_eq!(names, PRESET_NAMES);
        for book in presets().values() {
            let declared = |f: &str| book.fields.iter().any(|d| d.name == f);
            if let Some(l) = &book.open_loop {
                assert!(declared(&l.start) && declared(&l.end), "{}", book.title);
                assert!(l.due.as_deref().is_none_or(declared), "{}", book.title);
                assert!(l.owner.as_deref().is_none_or(declared), "{}", book.title);
            }
        }
        let prefixes: std::collections::BTreeSet<_> =
            presets().values().map(|b| b.prefix.clone()).collect();
        assert_eq!(prefixes.len(), PRESETS.len());
    }
}
