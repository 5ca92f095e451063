//! The Chinese of `--help` and of usage errors.
//!
//! The English help is where clap finds it: the doc comments of the
//! commands and their flags (`src/commands/`). Here is the Chinese of each,
//! keyed by the command's path (`log in`; the top level is ``) and the
//! argument's id (`title`; options every command takes are keyed at the
//! top level), and the Chinese of clap's own words: `Usage:`, the headings,
//! `-h`/`-V`, the `help` command, defaults and possible values, and every
//! kind of usage error. A test walks the whole command tree and names any
//! command or flag left without its Chinese here.

use crate::i18n::{Lang, say, words};

/// Chinese `about` of each command by its path, and the `long_about` of
/// those whose English has one (shown by `--help`; `-h` shows the about).
pub const COMMANDS: &[(&str, &str, Option<&str>)] = &[
    (
        "",
        "taizhang（台账）——机关的收发文、督办事项、会议和各类登记簿台账，存为一个用 git 管理的 YAML 文件夹",
        None,
    ),
    (
        "init",
        "新建台账：写入含预置登记簿的设置、各文件夹、忽略本地状态的 .gitignore，并（除非 --no-git）建立 git 仓库、做首次提交。已有的台账决不覆盖",
        Some(
            "新建台账：写入含预置登记簿的设置、各文件夹、忽略本地状态的 .gitignore，并（除非 --no-git）建立 git 仓库、做首次提交。已有的台账决不覆盖。\n\n机关使用的语言（--lang，否则取系统区域设置）和时区（--timezone，否则取本机时区，本机为 UTC 或无名称时取 Asia/Shanghai）写入设置，这样即使定时任务（cron）的区域设置是 C、时区是 UTC，提醒仍用这种语言、按机关所在地的日期计日。给了 --units，从一开始就按它核对 --lead 和 --unit 所填的单位名称。",
        ),
    ),
    ("log", "登记收文或发文", None),
    (
        "log in",
        "收文登记；只打印新编号",
        Some(
            "收文登记；只打印新编号。\n\n给了 --lead，登记时即视为已交该单位主办。加急、特急的办件须给 --deadline。",
        ),
    ),
    (
        "log out",
        "发文登记；只打印新编号",
        Some(
            "发文登记；只打印新编号。\n\n发文字号按 taizhang.toml 中的字号系列生成：机关代字、〔年份〕、该系列当年的下一个序号。字号决不重复使用，已撤销的发文也一样。",
        ),
    ),
    (
        "assign",
        "新建督办事项，指定牵头单位和办结时限；只打印新编号",
        Some(
            "新建督办事项，指定牵头单位和办结时限；只打印新编号。\n\n给了 --from，督办事项即落实一份公文（IN-…/OUT-…）或一项会议议定事项（MT-2026-0003#2）；两条记录互相关联，督办事项沿用来源的密级。",
        ),
    ),
    (
        "progress",
        "记录督办事项的进展；第一条进展使其转为办理中",
        None,
    ),
    (
        "done",
        "督办事项办结。立即销号；若台账设置了 followups.verify = true，则为报结，由 `verify` 销号",
        None,
    ),
    ("verify", "核验已报结的督办事项并销号", None),
    (
        "extend",
        "督办事项延期。新期限须晚于现行期限；每次延期都留有记录",
        None,
    ),
    (
        "chase",
        "记录对督办事项或收文办件的催办。按三色督办：期限前为蓝色，当天为黄色，逾期为红色",
        Some(
            "记录对督办事项或收文办件的催办。按三色督办：期限前为蓝色，当天为黄色，逾期为红色。\n\n督办事项的催办记入其催办记录；尚在手中的收文记入其办理经过。",
        ),
    ),
    (
        "cancel",
        "撤销不再需要的督办事项（撤项）。撤项后除“交办”外不计入任何统计",
        None,
    ),
    (
        "reopen",
        "重新打开督办事项：已报结或已销号的退回继续办理；已撤项的恢复为待办",
        None,
    ),
    ("doc", "公文处理：从登记到答复的各个环节", None),
    (
        "doc propose",
        "记录收文的拟办意见（交办之前）",
        Some("记录收文的拟办意见（交办之前）\n\n再次拟办即取代前一条；两条都留在办理经过中。"),
    ),
    (
        "doc instruct",
        "记录领导对收文的批示",
        Some("记录领导对收文的批示\n\n可有多位领导批示，逐条按先后保留。办结前均可批示。"),
    ),
    (
        "doc route",
        "将收文送某人传阅，通常是送领导阅示",
        Some(
            "将收文送某人传阅，通常是送领导阅示\n\n办结前任何环节均可传阅；此人手中尚有一份时不能再送。",
        ),
    ),
    (
        "doc back",
        "记录传阅件从某人处收回",
        Some("记录传阅件从某人处收回\n\n传阅中的阅件全部收回即为已阅；办件则等待交办。"),
    ),
    (
        "doc assign",
        "将收文办件交主办单位办理，并指定协办单位和办理时限",
        Some(
            "将收文办件交主办单位办理，并指定协办单位和办理时限\n\n`doc done` 之前必须交办。尚未有督办事项时再次交办即更换单位；新的 --deadline 取代旧期限，办理经过保留新旧两者（旧 → 新）。",
        ),
    ),
    ("doc done", "收文办件办结", None),
    (
        "doc reply",
        "记录已办结的收文办件如何答复",
        Some(
            "记录已办结的收文办件如何答复\n\n--via 写答复方式（公文、电话、函、会议 …）；正式复文用 --ref 指明那份发文，发文随即关联回本件。",
        ),
    ),
    (
        "doc return",
        "初审后将收文退回来文机关（退文）",
        Some(
            "初审后将收文退回来文机关（退文）\n\n用于不应送到本机关的来文。只有已登记的收文才能退文。",
        ),
    ),
    (
        "doc issue",
        "核发已签发的发文（核发/印发）",
        Some(
            "核发已签发的发文（核发/印发）\n\n即印制（印发日期为今天，或 --on）并分送。草稿须给成文日期（--signed）。",
        ),
    ),
    (
        "doc revoke",
        "撤销发文",
        Some("撤销发文\n\n其发文字号仍留记录，决不再给别的发文。"),
    ),
    (
        "list",
        "列出记录。不给类别即列出全部；各筛选条件可叠加",
        Some(
            "列出记录。不给类别即列出全部；各筛选条件可叠加。\n\n类别：收文（in）、发文（out）、公文（document，收发文都含）、督办事项（fu）、会议（mt），或登记簿名称（seal、visit …）。",
        ),
    ),
    (
        "show",
        "以便于阅读的方式显示一条记录；--format json 给出记录本身（另附算出的 overdue 和 days_left）",
        Some(
            "以便于阅读的方式显示一条记录；--format json 给出记录本身（另附算出的 overdue 和 days_left）。\n\n公文显示为处理单：基本信息、各环节经过、现在在谁手中、下一步做什么。会议列出议定事项及各督办事项的当前状态。\n\n--format html 给出该记录的打印表单，一张 A4 纸：收文处理单、发文稿纸、督办通知单，或带存根的介绍信。",
        ),
    ),
    (
        "serve",
        "把台账作为只读网页提供：今日工作台、督办看板、每条记录及其打印表单、查询、带图表的工作简报；/api/ 下给出与各命令相同的 JSON",
        Some(
            "把台账作为只读网页提供：今日工作台、督办看板、每条记录及其打印表单、查询、带图表的工作简报；/api/ 下给出与各命令相同的 JSON。\n\n在 127.0.0.1（默认）上只有本机能打开。其他地址需要访问码：取自 --token-env 所指的环境变量，否则启动时自动生成并打印；打印的链接带一次访问码，此后由浏览器保存。涉密记录的标题不显示，除非给了 --show-classified，而该选项只能用于 127.0.0.1。",
        ),
    ),
    (
        "check",
        "检查整个台账：无法读取的 YAML（文件:行:列）、缺失或错误的字段、未知字段（作为警告）、重复编号、与文件名不符的编号、断开的关联、冲突标记、不可能的日期、未提交到 git 的记录。有任何错误即以 1 退出",
        None,
    ),
    (
        "remind",
        "提醒：已逾期、今日到期或 --within 之内到期的待办督办事项和收文办件（默认取 taizhang.toml 中的 remind.within，即 3d）；按登记簿借还规定到期未还的登记（如借出未还的印章）；最后是按反馈周期（每周、每月、每季）应报进展的督办事项",
        Some(
            "提醒：已逾期、今日到期或 --within 之内到期的待办督办事项和收文办件（默认取 taizhang.toml 中的 remind.within，即 3d）；按登记簿借还规定到期未还的登记（如借出未还的印章）；最后是按反馈周期（每周、每月、每季）应报进展的督办事项。\n\n没有到期事项时不打印任何内容、以 0 退出（JSON 为 []），定时任务只在有事时才发邮件。涉密记录的标题显示为“[秘密] FU-2026-0003”，除非给了 --show-classified。",
        ),
    ),
    (
        "summary",
        "一段时期的统计：收文、发文和办理件数；督办事项的交办、办结（按期）、到期、待办和逾期件数，按牵头单位分列；逾期清单；会议召开及议定事项；登记簿登记",
        Some(
            "一段时期的统计：收文、发文和办理件数；督办事项的交办、办结（按期）、到期、待办和逾期件数，按牵头单位分列；逾期清单；会议召开及议定事项；登记簿登记。\n\n时期写法：2026、2026-Q4、2026-11、2026-W47（ISO 周）、2026-11-01..2026-11-30、this-week（本周）、last-week（上周）、this-month（本月）、last-month（上月）、this-quarter（本季度）、this-year（本年）。统计截至时期末；时期未完则截至今天。--format markdown 打印一份工作简报；csv 打印分单位表；json 给出全部数字。",
        ),
    ),
    (
        "export",
        "导出台账，供表格软件（Excel/WPS）、脚本、日历和打印使用",
        Some(
            "导出台账，供表格软件（Excel/WPS）、脚本、日历和打印使用。\n\ncsv 和 json 列出记录（全部类别，或指定类别：in、out、document、fu、mt，或登记簿名称）；xlsx 每类一张工作表，日期为真正的日期单元格，冻结表头并带筛选；ics 把会议和各项期限导入日历，每项有固定的 UID（编号@单位），再次导入即更新而不重复；html 是一个独立的页面，含 --period 期间的统计、各牵头单位的图表、逾期事项和此后 14 天的安排，可用 A4 纸打印。\n\n涉密记录的标题显示为“[秘密] IN-2026-0003”（不含其备注和办理结果），除非给了 --show-classified。不给 --out 即输出到标准输出（xlsx 除外）。",
        ),
    ),
    (
        "sync",
        "共享台账：取回其他文书的修改，把本副本新建、却被对方先用了的编号和发文字号重新编号，把本副本的提交接在对方的之后，再推送",
        Some(
            "共享台账：取回其他文书的修改，把本副本新建、却被对方先用了的编号和发文字号重新编号，把本副本的提交接在对方的之后，再推送。\n\n打印每次重新编号（`IN-2026-0014 → IN-2026-0015`）和双方都改过的每个字段（保留后改的）。若同一个已印发的发文字号双方都用了，或有文件无法合并，则在推送前停下，什么也不改。记录文件有未提交的修改时拒绝执行。专为定时任务而设：无事可做时加 -q 即不出声。",
        ),
    ),
    (
        "meeting",
        "会议：计划、召开、记录，以及登记转为督办事项的议定事项",
        None,
    ),
    (
        "meeting add",
        "登记计划召开的会议；只打印新编号",
        Some(
            "登记计划召开的会议；只打印新编号。\n\n每个 --agenda 给一个议题；`议题@汇报人`（TITLE@PRESENTER）写明由谁汇报。",
        ),
    ),
    (
        "meeting held",
        "将计划的会议标为已召开",
        Some("将计划的会议标为已召开\n\n此后即可登记其议定事项。"),
    ),
    ("meeting cancel", "取消计划的会议，并写明原因", None),
    (
        "meeting minutes",
        "登记已召开会议的会议记录或纪要",
        Some(
            "登记已召开会议的会议记录或纪要\n\n可以是文字、文本文件，或作为正式纪要的那份发文。再次登记即以新记录取代旧记录。",
        ),
    ),
    (
        "meeting decide",
        "登记已召开会议的议定事项",
        Some(
            "登记已召开会议的议定事项\n\n议定事项依次编为 #1、#2 …。给了 --lead 和 --due，它同时成为一项督办事项（来源：会议议定，来源编号：MT-…#n），在同一次提交中互相关联，并打印督办事项的编号；否则打印议定事项（MT-…#n）。",
        ),
    ),
    ("rule", "制度：登记、清理评估、修订、废止", None),
    (
        "rule add",
        "登记一项现行制度；只打印新编号",
        Some(
            "登记一项现行制度；只打印新编号。\n\n给了 --review-every，自施行之日起满一个周期即到首次清理评估的日期，届时 `remind` 开始提醒。",
        ),
    ),
    (
        "rule review",
        "登记对一项现行制度的清理评估：是否继续有效",
        Some(
            "登记对一项现行制度的清理评估：是否继续有效\n\n下次评估日期顺延一个周期。评估认为需要修改的，随后用 `rule revise` 或 `rule repeal` 办理。",
        ),
    ),
    (
        "rule revise",
        "修订制度：登记新版本，由它替代旧版本；只打印新编号",
        Some(
            "修订制度：登记新版本，由它替代旧版本；只打印新编号。\n\n新旧两版互相指明（`replaces` / `replaced_by`），旧版自新版施行之日起为已修订，两者在同一次提交中写入。未给出的项沿用旧版（发布单位、归口科室、评估周期、密级）。",
        ),
    ),
    ("rule repeal", "废止制度：不再有效，也不再评估", None),
    (
        "import",
        "导入现有的表格台账（收文登记簿、发文登记簿、督办台账，或用印登记簿等登记簿）；逐行打印新编号",
        Some(
            "导入现有的表格台账（收文登记簿、发文登记簿、督办台账，或用印登记簿等登记簿）；逐行打印新编号。\n\n文件可以是 xlsx、xls、ods，或 UTF-8、UTF-16 或国标编码的 CSV/TSV。表头（一至三行，如“来文”下分“来文单位”）在标题行之下自动找到，各列按常用名称识别（收文日期、来文单位、文件标题、发文字号、督办事项、牵头单位、完成时限 …）；其余的列用 --map 指明。空行、小计/合计行、注释行（注：）和签名行（制表：）跳过。--dry-run 预览各列和前几条记录。办理状态按表中的用语确定（已办结、是、√、已复函、在办、否、撤项、已归档 …，也看是否办结、完成情况、办理情况各列）；历史记录不受新登记的规则约束（特急件无办理时限等只作警告）。先逐行检查：只要有一行有错，就什么也不写，列出每个问题及其行号。全部记录在一次提交中建立，各按自己的年份编号；表中原有的编号若是本类记录尚未使用的编号则沿用，否则保留为 legacy_id。台账中已有的行（标题和日期相同）拒绝导入，除非给了 --skip-existing 或 --allow-duplicates。",
        ),
    ),
    (
        "desk",
        "今日工作台，即单独运行 `taizhang` 时打印的内容：今明两天的值班，逾期和即将到期的督办事项及应报进展的督办事项，过了归还日期仍未归还的登记（如未还的印章），待处理的公文，此后七天的期限和会议",
        Some(
            "今日工作台，即单独运行 `taizhang` 时打印的内容：今明两天的值班，逾期和即将到期的督办事项及应报进展的督办事项，过了归还日期仍未归还的登记（如未还的印章），待处理的公文，此后七天的期限和会议。\n\n涉密记录的标题显示为“[秘密] FU-2026-0003”，与 `remind` 相同，除非给了 --show-classified。",
        ),
    ),
    (
        "book",
        "登记簿：添加和更正登记，列出和查看登记，声明台账缺少的预置登记簿",
        None,
    ),
    (
        "book add",
        "在登记簿中添加一条登记；只打印新编号",
        Some(
            "在登记簿中添加一条登记；只打印新编号。\n\n每个字段写成 -s 字段=值，字段用其键名或名称（-s 印章名称=局公章 或 -s seal=局公章）。值按字段类型读取：日期写法与各处相同（today、+3d、fri），时刻写成 YYYY-MM-DD HH:MM，数字，是/否，已声明的单位或人员，记录编号。必填字段都须给出。带 `number` 字段的登记簿（介绍信）在未给编号时按年编号（2026-001）。\n\n例：taizhang book add seal -s 日期=today -s 印章名称=局公章 -s 用印单位=办公室 -s 经办人=王丽 -s 用印事由=报送年度预算 -s 批准人=陈建国",
        ),
    ),
    (
        "book set",
        "填写或更正登记的字段",
        Some(
            "填写或更正登记的字段。\n\n字段写法同 `book add`（-s 归还时间=\"2026-11-23 17:00\"）；值为空（-s 监印人=）即清空一个选填字段。办理经过逐项记下“字段：旧 → 新”。各值都已如此时什么也不写。",
        ),
    ),
    (
        "book list",
        "列出登记簿的登记：各列为其声明的字段，表头按读者的语言显示字段名称（与 `list 登记簿名称` 相同）",
        None,
    ),
    (
        "book show",
        "显示一条登记：先是各声明字段及其名称，再是其他键，最后是办理经过",
        None,
    ),
    (
        "book declare",
        "在 taizhang.toml 中声明一个预置登记簿（seal 用印登记、letter 介绍信、visit 来访登记、reception 公务接待登记、duty 值班登记、vehicle 用车登记、items 物品领用、loan 档案借阅）",
        Some(
            "在 taizhang.toml 中声明一个预置登记簿（seal 用印登记、letter 介绍信、visit 来访登记、reception 公务接待登记、duty 值班登记、vehicle 用车登记、items 物品领用、loan 档案借阅）。\n\n声明追加在文件末尾；文件中原有的内容保持不变。机关的登记簿若有不同，事后手工修改追加的字段即可。",
        ),
    ),
    (
        "book roster",
        "排值班表：从 --from 到 --to 每天一条登记（登记簿把 `shift` 声明为带取值的枚举时，每个班次一条），值班人员从 --people 中轮流（每次 --per-day 人），带班领导从 --leaders 中逐日轮流",
        Some(
            "排值班表：从 --from 到 --to 每天一条登记（登记簿把 `shift` 声明为带取值的枚举时，每个班次一条），值班人员从 --people 中轮流（每次 --per-day 人），带班领导从 --leaders 中逐日轮流。\n\n--days off 按 calendar.toml 取周末和法定节假日（节假日值班；调休上班的周末算工作日），--days work 取工作日。自由填写的班次写为 --shift，默认为“全天”。全部登记在一次提交中写入，并以表格打印。\n\n已有登记的日子拒绝排班（逐一列出），除非给了 --replace：它改写这些日子的班次、带班领导和值班人员，并在办理经过中记下“旧 → 新”。",
        ),
    ),
    (
        "archive",
        "公文归档（DA/T 22-2015）",
        Some(
            "公文归档（DA/T 22-2015）\n\n`archive 编号 --retention 保管期限` 给一份已办毕的公文编上档号（全宗号-WS·年度-保管期限-机构-件号）并将其冻结；各子命令可按年整批归档、打印归档文件目录、将记录撤出档案、列出到期待鉴定的档案。",
        ),
    ),
    (
        "archive year",
        "将某年所有已办毕、尚未归档的公文归档，一次提交",
        Some(
            "将某年所有已办毕、尚未归档的公文归档，一次提交\n\n保管期限按 taizhang.toml 中 `[archive.retention]` 的规则，依文种确定（`decision = \"permanent\"`、`notice = \"10y\"` …，以及 `default`）；机构取公文所属单位的代码。每组内按日期先后编件号。无法归档的公文列出原因；其余照常归档。",
        ),
    ),
    (
        "archive catalogue",
        "打印某年的归档文件目录",
        Some(
            "打印某年的归档文件目录\n\n序号、档号、文号、责任者、题名、日期、密级、页数、备注，按档号排序。涉密公文的标题不显示，除非给了 --show-classified。",
        ),
    ),
    (
        "archive undo",
        "将一份公文撤出档案",
        Some(
            "将一份公文撤出档案\n\n这是再次修改已归档公文的唯一途径。其办理经过保留原档号，该档号决不再发给别的公文。",
        ),
    ),
    (
        "archive due",
        "列出到某年年底到期、待鉴定的档案",
        Some(
            "列出到某年年底到期、待鉴定的档案\n\n保管期限在该年年底前届满的已归档公文：自档号年度起 10 年或 30 年；永久保管的永不到期。",
        ),
    ),
    (
        "edit",
        "更正记录：改正录错的标题、日期、单位或密级",
        Some(
            "更正记录：改正录错的标题、日期、单位或密级。\n\n给了 --set，每个“字段=值”都按对应选项的读法读取（日期同 `--due`，枚举值中英文皆可，单位用名称或代码）；值为空即清空一个选填字段。不给 --set 即用 $VISUAL 或 $EDITOR 打开记录；保存时按 `taizhang check` 检查单条记录的方式检查，通过才保留。编号、办理经过和状态在此决不改变；每项修改都以“旧 → 新”记入办理经过，一次提交。",
        ),
    ),
    (
        "undo",
        "撤销上一条 taizhang 命令，限于其提交还只在本副本中：尚未推送或同步",
        Some(
            "撤销上一条 taizhang 命令，限于其提交还只在本副本中：尚未推送或同步。\n\n打印撤销了什么，以及重新空出的编号或发文字号。若上一次提交不是 taizhang 命令的、已经共享（请改用命令更正），或涉及有未提交修改的文件，则拒绝执行，什么也不改。",
        ),
    ),
    (
        "completions",
        "打印某种命令行外壳的补全脚本",
        Some(
            "打印某种命令行外壳的补全脚本。\n\nbash：taizhang completions bash > ~/.local/share/bash-completion/completions/taizhang\nzsh：taizhang completions zsh > ~/.zfunc/_taizhang（并在 .zshrc 中写 fpath+=~/.zfunc）\nfish：taizhang completions fish > ~/.config/fish/completions/taizhang.fish",
        ),
    ),
    (
        "man",
        "打印手册页（man），或用 --out 为每个命令各写一页",
        Some(
            "打印手册页（man），或用 --out 为每个命令各写一页。\n\ntaizhang man | man -l -\ntaizhang man --out ~/.local/share/man/man1",
        ),
    ),
    (
        "config",
        "逐项查看和修改设置（taizhang.toml）：list、get、set、unset",
        None,
    ),
    (
        "config list",
        "列出有值的各项设置（含默认值），每行一项“键 = 值”",
        None,
    ),
    (
        "config get",
        "打印一项设置的值（文件中未写时为默认值）；没有值时以 1 退出",
        None,
    ),
    (
        "config set",
        "修改一项设置，一次提交。taizhang.toml 中只改这一行，注释、顺序和排版都保留",
        Some(
            "修改一项设置，一次提交。taizhang.toml 中只改这一行，注释、顺序和排版都保留。\n\n取值按台账读取设置时的规则核对（时区、时间跨度、编号前缀 …）；不合格的取值被拒绝，什么也不写入。",
        ),
    ),
    (
        "config unset",
        "从 taizhang.toml 中删去一项设置，一次提交，恢复其默认值；文件其余部分保持不变",
        None,
    ),
    ("unit", "单位（科室）：添加、列出、更名、撤销", None),
    ("unit add", "添加单位（科室），可带代码", None),
    (
        "unit list",
        "列出各单位、代码、状态及其牵头的在办事项数",
        None,
    ),
    (
        "unit rename",
        "单位更名：凡写有该单位的记录在同一次提交中一并更新，各记一条处理记录；旧名作为曾用名保留，查询往年记录时仍可使用",
        None,
    ),
    (
        "unit retire",
        "撤销单位：仍牵头在办事项时拒绝执行并列出这些事项；撤销后保留，供查阅往年记录和统计",
        None,
    ),
    ("person", "人员：添加、列出、调动、调离", None),
    ("person add", "添加人员", None),
    ("person list", "列出人员及其单位、联系方式", None),
    ("person move", "人员调至另一单位", None),
    (
        "person leave",
        "人员调离：其在办督办事项、手中文件和借出未还的登记在同一次提交中交给 --handover 所指的人，各记一条处理记录；手上还有事项而未给 --handover 时拒绝执行并列出这些事项",
        None,
    ),
    ("series", "发文字号系列：添加、列出", None),
    (
        "series add",
        "添加发文字号系列（机关代字），如 县政办函",
        None,
    ),
    ("series list", "列出各发文字号系列及今年已用到的序号", None),
];

/// Chinese help of each argument by its command's path and its id.
/// Defaults and possible values clap knows are added after it (`（默认：
/// auto）`, `（可选值：…）`); defaults it does not know are written here.
pub const ARGS: &[(&str, &str, &str)] = &[
    // Options every command takes.
    (
        "",
        "register",
        "台账文件夹（默认：TAIZHANG_REGISTER，否则从当前文件夹向上找到的第一个含 taizhang.toml 的文件夹）",
    ),
    ("", "format", "输出格式"),
    (
        "",
        "lang",
        "标签和消息的语言：en（英文）或 zh（中文）（默认依次取 TAIZHANG_LANG、台账设置中的 `language`、系统区域设置 LANG）",
    ),
    (
        "",
        "today",
        "作为“今天”的日期（测试、补录、漏跑的定时任务）（默认：TAIZHANG_TODAY，否则取系统时钟）",
    ),
    (
        "",
        "by",
        "办理人，记入办理经过（默认依次取 TAIZHANG_USER、GIT_AUTHOR_NAME、git 的 user.name、登录名）",
    ),
    ("", "no_commit", "写入修改，但不提交"),
    ("", "color", "何时使用颜色"),
    ("", "quiet", "只打印所要的内容（标准错误上不出提示）"),
    // init
    ("init", "dir", "在哪里新建（默认：当前文件夹）"),
    ("init", "unit", "单位名称，如 某市交通运输局"),
    ("init", "issuer", "发文机关代字，如 市交发"),
    (
        "init",
        "units",
        "机关的科室，用逗号分隔或重复给出，每个写成 名称 或 名称:代码，如 办公室:BGS,财务科:CWK",
    ),
    (
        "init",
        "people",
        "机关的人员，用逗号分隔或重复给出，每个写成 姓名 或 姓名:科室，如 张三:办公室",
    ),
    (
        "init",
        "timezone",
        "机关所在的时区，用于“今天”和写入的每个时间：IANA 名称（Asia/Shanghai）或固定时差（+08:00）（默认：本机时区，本机为 UTC 或无名称时取 Asia/Shanghai）",
    ),
    ("init", "no_git", "不建立 git 仓库"),
    // log in
    ("log in", "title", "标题"),
    ("log in", "sender", "来文机关"),
    ("log in", "sender_ref", "来文字号，如 省交发〔2026〕8号"),
    (
        "log in",
        "received",
        "签收时间：日期，或 YYYY-MM-DD HH:MM（默认：现在）",
    ),
    ("log in", "received_by", "签收人（默认：办理人）"),
    (
        "log in",
        "doc_type",
        "文种：notice/通知、request/请示、letter/函 …",
    ),
    (
        "log in",
        "channel",
        "来文方式：paper（纸质）、electronic（电子）、confidential-courier（机要）、fax（传真）、telegram（电报）",
    ),
    (
        "log in",
        "urgency",
        "normal（普通）、urgent（加急）、very-urgent（特急）",
    ),
    (
        "log in",
        "secrecy",
        "none（非密）、secret（秘密）、highly-secret（机密）、top-secret（绝密）",
    ),
    ("log in", "secrecy_term", "保密期限，如 10y 或 6m"),
    ("log in", "internal", "内部（限定发放范围），不是密级"),
    (
        "log in",
        "handling",
        "action（办件）或 info（阅件）（默认：action）",
    ),
    ("log in", "deadline", "办理时限"),
    ("log in", "lead", "主办单位：登记时即视为已交办"),
    ("log in", "support", "协办单位，用逗号分隔或重复给出"),
    ("log in", "copies", "份数（默认：1）"),
    ("log in", "pages", "页数"),
    (
        "log in",
        "attach",
        "附上一个文件（复制到 attachments/编号/ 下）",
    ),
    ("log in", "notes", "备注"),
    // log out
    ("log out", "title", "标题"),
    ("log out", "to", "主送，用逗号分隔或重复给出"),
    ("log out", "cc", "抄送，用逗号分隔或重复给出"),
    (
        "log out",
        "series",
        "字号系列（名称或机关代字）（默认：taizhang.toml 中的第一个）",
    ),
    (
        "log out",
        "doc_type",
        "文种：notice/通知、reply/批复、letter/函 …",
    ),
    (
        "log out",
        "direction",
        "upward（上行，须给 --signer）、parallel（平行）、downward（下行）",
    ),
    ("log out", "signer", "签发人"),
    ("log out", "signed", "成文日期；同时标为已签发"),
    ("log out", "drafter", "拟稿人"),
    ("log out", "drafting_unit", "拟稿单位"),
    (
        "log out",
        "urgency",
        "normal（普通）、urgent（加急）、very-urgent（特急）",
    ),
    (
        "log out",
        "secrecy",
        "none（非密）、secret（秘密）、highly-secret（机密）、top-secret（绝密）",
    ),
    ("log out", "secrecy_term", "保密期限，如 10y 或 6m"),
    (
        "log out",
        "disclosure",
        "公开属性：public（主动公开）、on-request（依申请公开）、not-public（不予公开）",
    ),
    ("log out", "copies", "印数"),
    ("log out", "reply_to", "本件答复的收文；双向关联"),
    ("log out", "notes", "备注"),
    // assign
    ("assign", "title", "督办事项"),
    ("assign", "lead", "牵头单位"),
    ("assign", "due", "办结时限：日期、+2w、fri …"),
    ("assign", "owner", "责任人"),
    ("assign", "support", "协办单位，用逗号分隔或重复给出"),
    (
        "assign",
        "source",
        "来源：instruction、meeting、superior、document、key-task、proposal、public、other（或 领导批示、会议议定 …）",
    ),
    (
        "assign",
        "from",
        "所落实的公文或会议议定事项（IN-…、MT-…#n）",
    ),
    ("assign", "by_leader", "交办领导"),
    ("assign", "supervisor", "分管领导"),
    ("assign", "requirement", "办理要求"),
    (
        "assign",
        "feedback",
        "多久报一次进展：once（一次）、weekly（每周）、monthly（每月）、quarterly（每季）",
    ),
    ("assign", "assigned", "交办日期（默认：今天）"),
    ("assign", "secrecy", "密级，高于来源时才给"),
    ("assign", "notes", "备注"),
    // follow-up steps
    (
        "progress",
        "id",
        "督办事项（FU-2026-0031，本年的可写 FU-31）",
    ),
    ("progress", "note", "做了什么"),
    ("done", "id", "督办事项"),
    ("done", "report", "办理结果"),
    ("verify", "id", "督办事项"),
    ("extend", "id", "督办事项"),
    ("extend", "to", "新的期限"),
    ("extend", "reason", "延期理由"),
    ("extend", "approved_by", "批准人"),
    ("chase", "id", "督办事项（FU-…）或收文办件（IN-…）"),
    (
        "chase",
        "via",
        "催办方式：notice（催办单）、phone（电话）、meeting（会议）、in-person（当面），或其他任何方式，照写保存",
    ),
    ("cancel", "id", "督办事项"),
    ("cancel", "reason", "撤项理由"),
    ("reopen", "id", "督办事项"),
    ("reopen", "reason", "理由"),
    // doc
    ("doc propose", "id", "收文（IN-…）"),
    (
        "doc propose",
        "text",
        "拟办意见，如 请张局长阅示，建议办公室牵头办理",
    ),
    ("doc instruct", "id", "收文（IN-…）"),
    ("doc instruct", "text", "批示，照领导原话"),
    ("doc instruct", "leader", "批示领导"),
    ("doc instruct", "on", "批示日期（默认：今天）"),
    ("doc route", "id", "收文（IN-…）"),
    ("doc route", "to", "接收文件的人"),
    ("doc back", "id", "收文（IN-…）"),
    ("doc back", "from", "交回文件的人"),
    ("doc assign", "id", "收文（IN-…）"),
    ("doc assign", "lead", "主办单位"),
    ("doc assign", "support", "协办单位，用逗号分隔或重复给出"),
    ("doc assign", "deadline", "办理时限（默认：登记时给的）"),
    ("doc done", "id", "收文（IN-…）"),
    ("doc done", "result", "办理结果"),
    ("doc reply", "id", "收文（IN-…）"),
    (
        "doc reply",
        "via",
        "答复方式：document（公文）、phone（电话）、letter（函）…",
    ),
    ("doc reply", "reference", "复文（发文），随即关联回本件"),
    ("doc return", "id", "收文（IN-…）"),
    ("doc return", "reason", "退文理由"),
    ("doc issue", "id", "发文（OUT-…）"),
    ("doc issue", "on", "印发日期（默认：今天）"),
    ("doc issue", "signed", "成文日期，用于登记为草稿的发文"),
    ("doc revoke", "id", "发文（OUT-…）"),
    ("doc revoke", "reason", "撤销理由"),
    // list, show
    ("list", "kind", "记录类别"),
    (
        "list",
        "status",
        "只列这些状态（存储的关键词或中文），用逗号分隔或重复给出",
    ),
    (
        "list",
        "unit",
        "只列此单位（牵头或主办单位；发文为拟稿单位）",
    ),
    ("list", "owner", "只列此责任人"),
    (
        "list",
        "since",
        "登记日期不早于此日（收文、签发、交办、召开日期）",
    ),
    ("list", "until", "登记日期不晚于此日"),
    ("list", "overdue", "只列已逾期的（尚待办理，期限早于今天）"),
    (
        "list",
        "open",
        "只列尚待办理的；有借还规定的登记簿，只列借出未还的登记（如借出未还的印章）",
    ),
    (
        "list",
        "due_within",
        "只列尚待办理且在 SPAN 之内到期的（3d、2w、1m）",
    ),
    (
        "list",
        "search",
        "只列标题、单位、文号或备注中含有 TEXT 的记录",
    ),
    ("list", "year", "只列此年度的记录（按编号）"),
    (
        "list",
        "holder",
        "只列此人（或主办单位）现在手中的文件：“张局长手上有哪些文件？”",
    ),
    (
        "list",
        "bom",
        "CSV 输出以 UTF-8 字节序标记开头，表格软件（Excel、WPS）才能正确读出中文",
    ),
    ("show", "id", "记录（IN-2026-0042，本年的可写 IN-42）"),
    (
        "check",
        "bom",
        "CSV 输出以 UTF-8 字节序标记开头，表格软件（Excel、WPS）才能正确读出中文",
    ),
    // remind
    (
        "remind",
        "within",
        "多远之内算“即将到期”：3d、1w、5wd（默认：remind.within）",
    ),
    ("remind", "unit", "只提醒此牵头单位的"),
    ("remind", "owner", "只提醒此责任人的"),
    (
        "remind",
        "record",
        "对每件被提醒的督办事项和收文办件记一次催办（方式：提醒），按级别分蓝、黄、红色（收文按其办理时限，与 `chase` 相同）；全部一次提交。借出未还的登记不催办：它们不是督办事项",
    ),
    ("remind", "show_classified", "打印涉密记录的标题"),
    (
        "remind",
        "bom",
        "CSV 输出以 UTF-8 字节序标记开头，表格软件（Excel、WPS）才能正确读出中文",
    ),
    // summary
    ("summary", "period", "时期（默认：this-month，本月）"),
    (
        "summary",
        "unit",
        "只统计此单位（牵头或主办单位；发文为拟稿单位）",
    ),
    ("summary", "show_classified", "打印涉密记录的标题"),
    (
        "summary",
        "bom",
        "CSV 输出以 UTF-8 字节序标记开头，表格软件（Excel、WPS）才能正确读出中文",
    ),
    // export
    (
        "export",
        "export_format",
        "导出格式：csv（一张表；表头用你的语言，值照存储）、json（记录数组，同 `list -o json`）、xlsx（每类一张工作表的工作簿，须给 --out）、ics（日历：会议、督办期限、办理时限）、html（一段时期的可打印简报，见 --period）",
    ),
    ("export", "kind", "记录类别（默认：全部）"),
    ("export", "out", "写入 FILE（原子替换），而不是标准输出"),
    ("export", "year", "只导出此年度的记录（按编号）"),
    (
        "export",
        "status",
        "只导出这些状态（存储的关键词或中文），用逗号分隔或重复给出",
    ),
    (
        "export",
        "period",
        "html 简报的时期（默认：this-month，本月）",
    ),
    ("export", "show_classified", "打印涉密记录的标题（和备注）"),
    (
        "export",
        "bom",
        "CSV 以 UTF-8 字节序标记开头，表格软件（Excel、WPS）才能正确读出中文",
    ),
    // sync
    ("sync", "dry_run", "显示将会做什么；什么也不改（只做取回）"),
    // meeting
    ("meeting add", "title", "会议名称，如 第八次局长办公会议"),
    (
        "meeting add",
        "start",
        "开始时间：日期，或 YYYY-MM-DD HH:MM",
    ),
    ("meeting add", "end", "结束时间"),
    ("meeting add", "venue", "地点"),
    ("meeting add", "host", "主持人"),
    ("meeting add", "recorder", "记录人"),
    ("meeting add", "attendees", "出席人员，用逗号分隔或重复给出"),
    ("meeting add", "observers", "列席人员，用逗号分隔或重复给出"),
    (
        "meeting add",
        "agenda",
        "议题，可重复给出；写成 议题@汇报人（TITLE@PRESENTER）即写明汇报人",
    ),
    (
        "meeting add",
        "meeting_type",
        "会议类型（党组会、办公会、常务会、专题会 …）",
    ),
    (
        "meeting add",
        "secrecy",
        "none（非密）、secret（秘密）、highly-secret（机密）、top-secret（绝密）",
    ),
    ("meeting add", "notes", "备注"),
    ("meeting held", "id", "会议（MT-…）"),
    ("meeting cancel", "id", "会议（MT-…）"),
    ("meeting cancel", "reason", "取消原因"),
    ("meeting minutes", "id", "会议（MT-…）"),
    ("meeting minutes", "text", "会议记录的文字"),
    ("meeting minutes", "file", "存有会议记录的 UTF-8 文本文件"),
    ("meeting minutes", "doc", "正式纪要的那份发文，OUT-…"),
    ("meeting decide", "id", "会议（MT-…）"),
    ("meeting decide", "text", "议定事项，照纪要原文"),
    ("meeting decide", "lead", "牵头单位；须同时给 --due"),
    ("meeting decide", "due", "办结时限；须同时给 --lead"),
    ("meeting decide", "owner", "责任人；须同时给 --lead"),
    // rule
    ("rule add", "title", "制度名称，如 公文处理实施细则"),
    ("rule add", "doc_number", "印发该制度的文号"),
    ("rule add", "issuer", "发布单位 [默认：本台账的机关名称]"),
    ("rule add", "issued", "发布日期"),
    ("rule add", "effective", "施行日期（与发布日期不同时）"),
    ("rule add", "unit", "归口科室"),
    (
        "rule add",
        "review_every",
        "清理评估周期：2y、18m、半年、每2年",
    ),
    (
        "rule add",
        "secrecy",
        "密级：none（非密）、secret（秘密）、highly-secret（机密）、top-secret（绝密）",
    ),
    ("rule add", "notes", "备注"),
    ("rule review", "id", "制度（ZD-…）"),
    ("rule review", "on", "评估日期"),
    (
        "rule review",
        "outcome",
        "评估结论：keep（继续有效）、revise（需修订）、repeal（拟废止）",
    ),
    ("rule review", "note", "评估意见"),
    (
        "rule review",
        "every",
        "此后的评估周期：2y、18m、半年、每2年",
    ),
    ("rule revise", "id", "被替代的现行制度（ZD-…）"),
    ("rule revise", "title", "新版本的制度名称"),
    ("rule revise", "doc_number", "印发新版本的文号"),
    ("rule revise", "issuer", "发布单位 [默认：同旧版]"),
    ("rule revise", "issued", "发布日期"),
    ("rule revise", "effective", "施行日期（与发布日期不同时）"),
    ("rule revise", "unit", "归口科室 [默认：同旧版]"),
    ("rule revise", "review_every", "清理评估周期 [默认：同旧版]"),
    ("rule revise", "notes", "备注"),
    ("rule repeal", "id", "制度（ZD-…）"),
    ("rule repeal", "reason", "废止理由，记入处理记录"),
    ("rule repeal", "on", "失效日期"),
    // import
    (
        "import",
        "sheet_format",
        "文件格式：csv、tsv、xlsx、xls、ods 或 auto（按文件内容读取；工作簿格式不接受非工作簿文件）",
    ),
    (
        "import",
        "kind",
        "各行是什么：in（收文）、out（发文）、fu（督办事项）、meeting（会议）、rule（制度），或登记簿名称（seal、visit …），其各列以字段的键名或名称为表头",
    ),
    ("import", "file", "表格文件"),
    (
        "import",
        "sheet",
        "工作簿中的工作表（默认：第一张有表头的）",
    ),
    (
        "import",
        "map",
        "一列及其填入的字段（键名或常用表头），或 列名=- 表示不导入此列；可重复给出",
    ),
    (
        "import",
        "year",
        "未写年份的日期（11月1日）所属的年份（默认：表格标题行或文件名中的年份，否则为今年）",
    ),
    (
        "import",
        "dry_run",
        "检查每一行并预览导入：各列填入哪个字段、跳过的行、前几条记录存成什么样、提示；什么也不写（导入会失败时退出码为 1）",
    ),
    ("import", "skip_existing", "只导入台账中还没有的行"),
    ("import", "allow_duplicates", "台账中已有的行也照样导入"),
    // desk
    ("desk", "show_classified", "打印涉密记录的标题"),
    // serve
    ("serve", "bind", "监听的地址和端口"),
    ("serve", "open", "启动后在浏览器中打开工作台"),
    (
        "serve",
        "show_classified",
        "显示涉密记录的标题（仅限本机回环地址）",
    ),
    ("serve", "token_env", "从此环境变量读取访问码"),
    // book
    (
        "book add",
        "name",
        "登记簿（seal、letter、visit、reception、duty、vehicle、items …）",
    ),
    (
        "book add",
        "set",
        "一个字段及其值，可重复给出：字段=值（FIELD=VALUE）",
    ),
    (
        "book set",
        "id",
        "登记（SEAL-2026-0001，本年的可写 SEAL-1）",
    ),
    (
        "book set",
        "set",
        "一个字段及其值，可重复给出：字段=值（FIELD=VALUE）",
    ),
    ("book list", "name", "登记簿（seal、visit …）"),
    ("book list", "since", "登记日期不早于此日（登记的日期）"),
    ("book list", "until", "登记日期不晚于此日"),
    (
        "book list",
        "open",
        "只列借出未还的登记（有借还规定的登记簿，如 seal 或 vehicle）",
    ),
    ("book list", "search", "只列有字段含有 TEXT 的登记"),
    (
        "book list",
        "bom",
        "CSV 输出以 UTF-8 字节序标记开头，表格软件（Excel、WPS）才能正确读出中文",
    ),
    (
        "book show",
        "id",
        "登记（SEAL-2026-0001，本年的可写 SEAL-1）",
    ),
    ("book declare", "name", "预置登记簿的名称"),
    ("book roster", "book", "值班登记簿（duty）"),
    ("book roster", "from", "值班表的第一天"),
    ("book roster", "to", "值班表的最后一天"),
    (
        "book roster",
        "people",
        "值班人员，轮流值班（用逗号分隔或重复给出）",
    ),
    ("book roster", "leaders", "带班领导，每天一位，轮流带班"),
    (
        "book roster",
        "days",
        "哪些日子：all（每天）、off（周末和节假日）或 work（工作日）",
    ),
    ("book roster", "per_day", "每班值班人数"),
    (
        "book roster",
        "shift",
        "要写入的班次（自由填写的班次），或要排的班次（枚举班次；默认：其全部取值）",
    ),
    ("book roster", "replace", "改写这些日子已登记的值班"),
    (
        "book roster",
        "bom",
        "CSV 输出以 UTF-8 字节序标记开头，表格软件（Excel、WPS）才能正确读出中文",
    ),
    // archive
    ("archive", "id", "公文（IN-… 或 OUT-…）"),
    (
        "archive",
        "retention",
        "保管期限：permanent、30y 或 10y（永久、30年、10年）",
    ),
    ("archive", "org", "档号中的机构代码（单位的代码，如 BGS）"),
    ("archive", "pages", "页数（默认：文件的页数）"),
    ("archive", "note", "目录中的备注"),
    (
        "archive year",
        "year",
        "年度（收文按收文年份，发文按成文年份）",
    ),
    ("archive year", "dry_run", "显示将归档哪些公文，什么也不写"),
    ("archive year", "show_classified", "打印涉密公文的标题"),
    ("archive year", "bom", "CSV 输出以 UTF-8 字节序标记开头"),
    ("archive catalogue", "year", "档号的年度"),
    (
        "archive catalogue",
        "retention",
        "只列此保管期限：permanent、30y 或 10y（永久、30年、10年）",
    ),
    (
        "archive catalogue",
        "org",
        "只列此机构代码（单位的代码，如 BGS）",
    ),
    ("archive catalogue", "show_classified", "打印涉密公文的标题"),
    (
        "archive catalogue",
        "bom",
        "CSV 输出以 UTF-8 字节序标记开头，表格软件（Excel、WPS）才能正确读出中文",
    ),
    ("archive undo", "id", "已归档的公文"),
    ("archive undo", "reason", "理由（记入办理经过）"),
    ("archive due", "year", "到其年底保管期限届满的年份"),
    ("archive due", "show_classified", "打印涉密公文的标题"),
    ("archive due", "bom", "CSV 输出以 UTF-8 字节序标记开头"),
    // edit
    ("edit", "id", "记录"),
    (
        "edit",
        "set",
        "要设的 字段=值，字段用其键名或名称：--set title=… --set 办结时限=+2w（可重复给出）",
    ),
    // completions, man
    (
        "completions",
        "shell",
        "bash、zsh、fish、powershell 或 elvish",
    ),
    (
        "man",
        "out",
        "把 taizhang.1 和每个命令的手册页（taizhang-log-in.1 …）写入 DIR",
    ),
    // config, unit, person, series
    (
        "config get",
        "key",
        "设置项，如 `remind.within`（`config list` 列出全部）",
    ),
    (
        "config set",
        "key",
        "设置项，如 `fonds`、`followups.verify`、`remind.within`（`config list` 列出全部）",
    ),
    ("config set", "value", "新的取值；开关写 true 或 false"),
    (
        "config unset",
        "key",
        "设置项，如 `fonds`（`config list` 列出全部）",
    ),
    ("unit add", "name", "单位名称，如 办公室"),
    (
        "unit add",
        "code",
        "单位代码，如 BGS，用于档号，也可代替名称输入",
    ),
    ("unit rename", "old", "现在的名称（或代码）"),
    ("unit rename", "new", "新名称"),
    ("unit retire", "name", "单位名称（或代码）"),
    ("person add", "name", "姓名"),
    ("person add", "unit", "所在单位"),
    ("person add", "email", "电子邮箱"),
    ("person add", "mobile", "手机号码"),
    ("person add", "leader", "是领导（批示、交办）"),
    ("person move", "name", "姓名"),
    ("person move", "unit", "调入的单位"),
    ("person leave", "name", "调离的人"),
    (
        "person leave",
        "handover",
        "接手其在办事项、手中文件和借出物品的人",
    ),
    (
        "series add",
        "code",
        "机关代字，如 县政办函，发文字号即为 县政办函〔2026〕1号",
    ),
    (
        "series add",
        "start",
        "今年从第几号起编（此前已在纸上编过号时）（默认：1）",
    ),
    ("init", "fonds", "全宗号，档案馆给定，用于档号"),
];

/// The Chinese `about` and `long_about` of the command at `path`.
pub fn about(path: &str) -> Option<(&'static str, Option<&'static str>)> {
    COMMANDS
        .iter()
        .find(|(p, _, _)| *p == path)
        .map(|(_, about, long)| (*about, *long))
}

/// The Chinese help of argument `id` of the command at `path`.
pub fn arg(path: &str, id: &str) -> Option<&'static str> {
    ARGS.iter()
        .find(|(p, i, _)| *p == path && *i == id)
        .map(|(_, _, help)| *help)
}

words!(
    /// clap's own words in its help: what it writes, and what the Chinese
    /// help says instead.
    ClapWord {
        Usage => "Usage: " / "用法：",
        Commands => "\nCommands:\n" / "\n命令：\n",
        Arguments => "\nArguments:\n" / "\n参数：\n",
        Options => "\nOptions:\n" / "\n选项：\n",
        OptionsInUsage => "[OPTIONS]" / "[选项]",
        CommandInUsage => "[COMMAND]" / "[命令]",
        CommandRequired => "<COMMAND>" / "<命令>",
        Help => "Print help" / "打印帮助",
        HelpSummary => "Print help (see more with '--help')" / "打印帮助（用 '--help' 看详细说明）",
        HelpMore => "Print help (see a summary with '-h')" / "打印帮助（用 '-h' 看摘要）",
        Version => "Print version" / "打印版本",
        HelpCommand => "Print this message or the help of the given subcommand(s)"
            / "打印本帮助，或所给子命令的帮助",
        Tip => "tip" / "提示",
    }
);

/// The words clap writes into a help text or a usage line itself.
const IN_HELP: [ClapWord; 6] = [
    ClapWord::Usage,
    ClapWord::Commands,
    ClapWord::Arguments,
    ClapWord::Options,
    ClapWord::OptionsInUsage,
    ClapWord::CommandInUsage,
];

/// `text` (a help or a usage line clap rendered) with clap's own words in
/// `lang`. The headings are whole lines: nothing of ours is changed.
pub fn clap_words(lang: Lang, text: &str) -> String {
    let mut text = format!("\n{text}");
    for word in IN_HELP.iter().chain([&ClapWord::CommandRequired]) {
        text = text.replace(word.word(Lang::En), word.word(lang));
    }
    text.split_off(1)
}

/// What clap shows after an argument's help as `[default: auto]`.
pub fn default_value(lang: Lang, value: &str) -> String {
    say!(lang, " [default: {value}]", "（默认：{value}）")
}

/// What clap shows after an argument's help as `[possible values: a, b]`.
pub fn possible_values(lang: Lang, values: &[String]) -> String {
    let values = values.join(lang.list_separator());
    say!(lang, " [possible values: {values}]", "（可选值：{values}）")
}

/// A usage error: what was wrong with the command line, as clap found it.
/// The English is clap's own; this is the Chinese.
#[derive(Debug)]
pub enum UsageProblem<'a> {
    UnknownCommand {
        word: &'a str,
    },
    UnknownArgument {
        arg: &'a str,
    },
    MissingArguments {
        args: &'a [String],
    },
    MissingCommand {
        command: &'a str,
        commands: &'a [String],
    },
    NoValue {
        arg: &'a str,
    },
    BadValue {
        arg: &'a str,
        value: &'a str,
        possible: &'a [String],
    },
    /// A value its parser refused; `whole_number` when it wanted one.
    UnreadableValue {
        arg: &'a str,
        value: &'a str,
        whole_number: bool,
    },
    ExtraValue {
        arg: &'a str,
        value: &'a str,
    },
    TooFewValues {
        arg: &'a str,
        wanted: isize,
        given: isize,
    },
    WrongNumberOfValues {
        arg: &'a str,
        wanted: isize,
        given: isize,
    },
    Repeated {
        arg: &'a str,
    },
    Conflict {
        arg: &'a str,
        with: &'a [String],
    },
    NoEquals {
        arg: &'a str,
    },
    NotUtf8,
    Other,
}

/// The Chinese sentence for a usage error.
pub fn usage_problem(problem: &UsageProblem) -> String {
    use UsageProblem::*;
    match problem {
        UnknownCommand { word } => format!("没有 '{word}' 这个命令"),
        UnknownArgument { arg } => format!("不认识的选项或参数 '{arg}'"),
        MissingArguments { args } => {
            let list = args.iter().map(|a| format!("\n  {a}")).collect::<String>();
            format!("缺少以下必须给出的参数：{list}")
        }
        MissingCommand { command, commands } => {
            let list = commands.join("、");
            format!("'{command}' 后面须给一个子命令\n  （可选命令：{list}）")
        }
        NoValue { arg } => format!("'{arg}' 须给一个值，但没有给出"),
        BadValue {
            arg,
            value,
            possible,
        } => {
            let mut text = format!("'{value}' 不是 '{arg}' 可用的值");
            if !possible.is_empty() {
                let list = possible.join("、");
                text.push_str(&format!("\n  （可选值：{list}）"));
            }
            text
        }
        UnreadableValue {
            arg,
            value,
            whole_number: false,
        } => format!("'{value}' 不是 '{arg}' 可用的值"),
        UnreadableValue {
            arg,
            value,
            whole_number: true,
        } => format!("'{value}' 不是 '{arg}' 可用的值：应为整数"),
        ExtraValue { arg, value } => format!("'{arg}' 多出了一个值 '{value}'，不需要更多的值"),
        TooFewValues { arg, wanted, given } => {
            format!("'{arg}' 需要 {wanted} 个值，只给了 {given} 个")
        }
        WrongNumberOfValues { arg, wanted, given } => {
            format!("'{arg}' 需要 {wanted} 个值，却给了 {given} 个")
        }
        Repeated { arg } => format!("'{arg}' 不能重复给出"),
        Conflict { arg, with: [] } => {
            format!("'{arg}' 不能与已给出的其他选项同时使用")
        }
        Conflict { arg, with } => {
            let list = with.iter().map(|a| format!("'{a}'")).collect::<Vec<_>>();
            format!("'{arg}' 不能与 {} 同时使用", list.join("、"))
        }
        NoEquals { arg } => format!("给 '{arg}' 赋值须用等号（{arg}=值）"),
        NotUtf8 => "命令行中有不是 UTF-8 的文字".to_owned(),
        Other => "命令行有误".to_owned(),
    }
}

/// A tip clap adds to a usage error.
#[derive(Debug)]
pub enum UsageTip<'a> {
    SimilarCommand(&'a str),
    SimilarArgument(&'a str),
    SimilarValue(&'a str),
    /// A word starting with `-` meant as a value: `-- -x`.
    PassAsValue {
        word: &'a str,
        with: &'a str,
    },
}

/// The Chinese of a tip.
pub fn usage_tip(tip: &UsageTip) -> String {
    let tip_word = ClapWord::Tip.word(Lang::Zh);
    let text = match tip {
        UsageTip::SimilarCommand(name) => format!("有个相近的命令 '{name}'"),
        UsageTip::SimilarArgument(name) => format!("有个相近的选项 '{name}'"),
        UsageTip::SimilarValue(name) => format!("有个相近的值 '{name}'"),
        UsageTip::PassAsValue { word, with } => {
            format!("如要把 '{word}' 作为值传入，请写 '{with}'")
        }
    };
    format!("  {tip_word}：{text}")
}

/// The last line of a Chinese usage error.
pub fn more_help(command: &str) -> String {
    format!("更多信息请运行 '{command} --help'。")
}
