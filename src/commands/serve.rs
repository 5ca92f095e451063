//! `taizhang serve`: the register as a read-only web view for those who
//! never open a shell (docs/web.md). Each page reads the register as the
//! commands do, on each request, so what the CLI or `sync` changed shows
//! on the next one.

use std::net::{SocketAddr, TcpListener};
use std::process::ExitCode;
use std::sync::Arc;

use axum::http::StatusCode;
use clap::Parser;

use crate::commands::{desk, export, list, remind, show, summary};
use crate::context::{Ctx, GlobalArgs};
use crate::error::{CoreError, Error, Result, ServeRefusal};
use crate::i18n::Lang;
use crate::i18n::tr;
use crate::i18n::web::{self as words, Web};
use crate::report::output::write_json_array;
use crate::report::redact::{Reveal, Secrets, Words};
use crate::report::{export as rows, list as table, remind as reminders};
use crate::web::brief;
use crate::web::pages::{self, BoardFilter, ListPage};
use crate::web::server::{self, Reply, Request, Site, encode};
use taizhang_core::model::id::Id;
use taizhang_core::model::keyword::Keyword;
use taizhang_core::model::record::Record;
use taizhang_core::store;

#[derive(Debug, clap::Args)]
#[command(
    about = tr(
        "Serve the register as a read-only web page: the desk, the follow-up board, each record with its printable form, search, and the brief with charts; the same JSON as the commands under /api/",
        "把台账作为只读网页提供：今日工作台、督办看板、每条记录及其打印表单、查询、带图表的工作简报；/api/ 下给出与各命令相同的 JSON",
    ),
    long_about = tr(
        "Serve the register as a read-only web page: the desk, the follow-up board, each record with its printable form, search, and the brief with charts; the same JSON as the commands under /api/.\n\nOn 127.0.0.1 (the default) only this machine can open it. Any other address needs an access code: the one in --token-env's variable, else one made up and printed at start; the link printed carries it once, after which a cookie keeps it. Titles of classified records are withheld unless --show-classified, which only 127.0.0.1 may use.",
        "把台账作为只读网页提供：今日工作台、督办看板、每条记录及其打印表单、查询、带图表的工作简报；/api/ 下给出与各命令相同的 JSON。\n\n在 127.0.0.1（默认）上只有本机能打开。其他地址需要访问码：取自 --token-env 所指的环境变量，否则启动时自动生成并打印；打印的链接带一次访问码，此后由浏览器保存。涉密记录的标题不显示，除非给了 --show-classified，而该选项只能用于 127.0.0.1。",
    ),
)]
pub struct Args {
    #[arg(help = tr(
        "The address and port to listen on",
        "监听的地址和端口",
    ))]
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub bind: SocketAddr,
    #[arg(help = tr(
        "Open the desk in the browser once listening",
        "启动后在浏览器中打开工作台",
    ))]
    #[arg(long)]
    pub open: bool,
    #[arg(help = tr(
        "Show the titles and text of classified records (only on a loopback address)",
        "显示涉密记录的标题和内容（仅限本机回环地址）",
    ))]
    #[arg(long)]
    pub show_classified: bool,
    #[arg(help = tr(
        "Take the access code from this environment variable",
        "从此环境变量读取访问码",
    ))]
    #[arg(long, value_name = "NAME")]
    pub token_env: Option<String>,
}

pub fn run(ctx: &Ctx, args: Args) -> Result<ExitCode> {
    let register = ctx.register()?;
    let loopback = args.bind.ip().is_loopback();
    if args.show_classified && !loopback {
        return Err(Error::Serve(ServeRefusal::ClassifiedOffLoopback {
            bind: args.bind,
        }));
    }
    let token = match (&args.token_env, loopback) {
        (Some(name), _) => Some(env_token(name)?),
        (None, true) => None,
        (None, false) => Some(made_token()?),
    };
    let listener = TcpListener::bind(args.bind).map_err(|source| {
        Error::Serve(ServeRefusal::Bind {
            bind: args.bind,
            source,
        })
    })?;
    let bound = listener.local_addr().map_err(|e| Error::io("--bind", e))?;
    let mut url = format!("http://{bound}/");
    if let Some(token) = &token {
        url.push_str(&format!("?token={}", encode(token)));
    }
    // Said even with --quiet: without it no one can open the page.
    eprintln!("{}", words::serving(ctx.lang(), &url));
    if args.open {
        open(&url);
    }
    let mut global = ctx.args.clone();
    global.register = Some(register.root.clone());
    global.format = None;
    let site = Arc::new(Office {
        global,
        show_classified: args.show_classified,
    });
    server::run(listener, site, token).map_err(|e| Error::io("--bind", e))?;
    Ok(ExitCode::SUCCESS)
}

/// The access code from the variable `name`.
fn env_token(name: &str) -> Result<String> {
    (std::env::var(name).ok())
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
        .ok_or_else(|| {
            Error::Serve(ServeRefusal::NoToken {
                name: name.to_string(),
            })
        })
}

/// A made-up access code: 128 bits from the system's random source.
fn made_token() -> Result<String> {
    use std::io::Read;
    let mut bytes = [0u8; 16];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut bytes))
        .map_err(|e| Error::io("/dev/urandom", e))?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// Opens `url` in the desktop's browser; a failure only means the clerk
/// opens the printed link by hand.
fn open(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else {
        "xdg-open"
    };
    let _ = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}

/// The register's pages.
struct Office {
    /// The command line's options, the register's folder made absolute:
    /// each request settles its own context from them, so the register's
    /// settings and the day are read afresh.
    global: GlobalArgs,
    show_classified: bool,
}

/// Records on a page of the search.
const PER_PAGE: usize = 100;

impl Site for Office {
    fn reply(&self, request: &Request) -> Reply {
        let ctx = match self.ctx(request.lang) {
            Ok(ctx) => ctx,
            Err(message) => return failed(StatusCode::INTERNAL_SERVER_ERROR, Lang::En, &message),
        };
        let lang = ctx.lang();
        match self.route(&ctx, request) {
            Ok(reply) => reply,
            Err(Error::Core(CoreError::NotFound { .. })) => {
                let id = request.path.rsplit('/').next().unwrap_or_default();
                failed(StatusCode::NOT_FOUND, lang, &words::no_record(lang, id))
            }
            Err(e @ Error::Core(_)) => {
                failed(StatusCode::INTERNAL_SERVER_ERROR, lang, &lang.error(&e).0)
            }
            Err(e) => failed(StatusCode::BAD_REQUEST, lang, &lang.error(&e).0),
        }
    }

    fn refusal(&self, status: StatusCode, lang: Option<Lang>) -> String {
        let lang = self.ctx(lang).map(|c| c.lang()).unwrap_or_default();
        let word = match status {
            StatusCode::UNAUTHORIZED => Web::Unauthorized,
            StatusCode::METHOD_NOT_ALLOWED => Web::MethodNotAllowed,
            _ => Web::BadRequest,
        };
        pages::frame(lang, &status.to_string(), pages::status(word.word(lang)))
    }
}

/// An error page.
fn failed(status: StatusCode, lang: Lang, message: &str) -> Reply {
    let heading = match status {
        StatusCode::NOT_FOUND => Web::NotFound,
        StatusCode::BAD_REQUEST => Web::BadRequest,
        _ => Web::Failed,
    };
    Reply::Status(
        status,
        pages::frame(lang, heading.word(lang), pages::status(message)),
    )
}

/// JSON as the command's `--format json` prints it: pretty, a newline.
fn json(value: &impl serde::Serialize) -> Reply {
    Reply::Json(serde_json::to_string_pretty(value).unwrap_or_default() + "\n")
}

impl Office {
    /// The context of one request, in `lang` if asked.
    fn ctx(&self, lang: Option<Lang>) -> std::result::Result<Ctx, String> {
        let mut global = self.global.clone();
        if let Some(lang) = lang {
            global.lang = Some(match lang {
                Lang::En => "en".into(),
                Lang::Zh => "zh".into(),
            });
        }
        Ctx::new(global).map_err(|e| e.lang.error(&e.error).0)
    }

    fn route(&self, ctx: &Ctx, request: &Request) -> Result<Reply> {
        let lang = ctx.lang();
        let parts: Vec<&str> = request.path.trim_matches('/').split('/').collect();
        let page = |title: &str, body| Ok(Reply::Html(pages::frame(lang, title, body)));
        match parts.as_slice() {
            [""] => page(
                Web::Desk.word(lang),
                pages::desk(&desk::view(ctx, self.show_classified)?, lang),
            ),
            ["board"] => page(Web::Board.word(lang), self.board(ctx, request)?),
            ["list"] => page(Web::List.word(lang), self.list(ctx, request)?),
            ["summary"] => self.summary(ctx, request),
            ["r", id] => self.record(ctx, id),
            ["r", id, "form"] => {
                let (register, shown) = self.load(ctx, id)?;
                Ok(Reply::Html(shown.form(ctx, &register)))
            }
            ["api", "desk"] => Ok(json(&desk::view(ctx, self.show_classified)?)),
            ["api", "remind"] => Ok(Reply::Json(reminders::json(&remind::items(
                ctx,
                &self.remind_args(request)?,
            )?))),
            ["api", "summary"] => {
                let args = self.summary_args(request)?;
                let (figures, _) = summary::figures(ctx, &args)?;
                Ok(Reply::Json(crate::report::summary::json(
                    &figures, args.part,
                )))
            }
            ["api", "list"] => self.api_list(ctx, request),
            ["api", "show", id] => {
                let (register, shown) = self.load(ctx, id)?;
                Ok(json(&shown.json(ctx, &register)))
            }
            _ => Ok(failed(
                StatusCode::NOT_FOUND,
                lang,
                Web::NotFound.word(lang),
            )),
        }
    }

    /// A record by the ID in the address, as a page for people may
    /// show it.
    fn load(&self, ctx: &Ctx, id: &str) -> Result<(Arc<store::Register>, show::Shown)> {
        let register = ctx.register()?;
        let id = Id::parse(id).ok_or_else(|| CoreError::NotFound { id: id.to_string() })?;
        let shown = show::Shown::load(ctx, &register, &id, Reveal::when(self.show_classified))?;
        Ok((register, shown))
    }

    /// A record's page: `show`'s page with its IDs linked.
    fn record(&self, ctx: &Ctx, id: &str) -> Result<Reply> {
        let (register, shown) = self.load(ctx, id)?;
        let title = shown.title(&register);
        let text = shown.page(ctx, &register);
        let heading = format!("{} {}", shown.record.id(), title.words(ctx.lang()));
        let body = pages::record(shown.record.id(), Some(&text), ctx.lang());
        Ok(Reply::Html(pages::frame(ctx.lang(), &heading, body)))
    }

    /// `remind`'s flags from the board's query.
    fn remind_args(&self, request: &Request) -> Result<remind::Args> {
        let mut argv = vec!["remind".to_string()];
        for name in ["unit", "owner"] {
            if let Some(value) = request.get(name) {
                argv.extend([format!("--{name}"), value.to_string()]);
            }
        }
        if self.show_classified {
            argv.push("--show-classified".into());
        }
        Ok(parse::<RemindQuery>(argv)?.args)
    }

    fn summary_args(&self, request: &Request) -> Result<summary::Args> {
        let mut argv = vec!["summary".to_string()];
        for name in ["period", "unit", "part"] {
            if let Some(value) = request.get(name) {
                argv.extend([format!("--{name}"), value.to_string()]);
            }
        }
        if self.show_classified {
            argv.push("--show-classified".into());
        }
        Ok(parse::<SummaryQuery>(argv)?.args)
    }

    /// The board: remind's items for the unit and owner asked, then only
    /// follow-ups of the source and leader asked.
    fn board(&self, ctx: &Ctx, request: &Request) -> Result<maud::Markup> {
        let mut items = remind::items(ctx, &self.remind_args(request)?)?;
        let filter = BoardFilter {
            unit: request.get("unit").unwrap_or_default().into(),
            owner: request.get("owner").unwrap_or_default().into(),
            source: request.get("source").unwrap_or_default().into(),
            leader: request.get("leader").unwrap_or_default().into(),
        };
        if !filter.source.is_empty() || !filter.leader.is_empty() {
            let register = ctx.register()?;
            let open = list::select(
                ctx,
                &register,
                &parse::<ListQuery>(vec!["list".into(), "fu".into(), "--open".into()])?.args,
            )?;
            let lang = ctx.lang();
            let keep: std::collections::HashSet<Id> = (open.records.iter())
                .filter_map(|r| match r {
                    Record::Followup(fu) => {
                        let source = fu.source.map(|s| (s.keyword(), lang.keyword(s)));
                        let source_ok = filter.source.is_empty()
                            || source
                                .is_some_and(|(k, w)| k == filter.source || w == filter.source);
                        let leader_ok = filter.leader.is_empty()
                            || fu
                                .assigned_by
                                .as_deref()
                                .is_some_and(|l| l.contains(filter.leader.as_str()));
                        (source_ok && leader_ok).then(|| fu.id.clone())
                    }
                    _ => None,
                })
                .collect();
            items.retain(|item| keep.contains(&item.id));
        }
        Ok(pages::board(&items, &filter, ctx.lang()))
    }

    /// `list`'s flags from the search's query.
    fn list_args(&self, request: &Request) -> Result<list::Args> {
        let mut argv = vec!["list".to_string()];
        if let Some(kind) = request.get("kind") {
            argv.push(kind.to_string());
        }
        for (name, flag) in [
            ("status", "--status"),
            ("unit", "--unit"),
            ("owner", "--owner"),
            ("person", "--person"),
            ("text", "--search"),
            ("since", "--since"),
            ("until", "--until"),
        ] {
            if let Some(value) = request.get(name) {
                argv.extend([flag.to_string(), value.to_string()]);
            }
        }
        if self.show_classified {
            argv.push("--show-classified".into());
        }
        Ok(parse::<ListQuery>(argv)?.args)
    }

    fn list(&self, ctx: &Ctx, request: &Request) -> Result<maud::Markup> {
        let lang = ctx.lang();
        let register = ctx.register()?;
        let args = self.list_args(request)?;
        let asked: usize = request
            .get("page")
            .and_then(|p| p.parse().ok())
            .unwrap_or(1);
        let found = list::select_page(ctx, &register, &args, asked, PER_PAGE)?;
        let secrets = Secrets::from_levels(&found.levels, Reveal::when(self.show_classified))
            .with_books(&register.config.logbooks);
        let (total, pages_count, page) = (found.total, found.pages, found.number);
        let shown: Vec<&Record> = found.records.iter().collect();
        let kind = match &found.filter.kind {
            Some(taizhang_core::model::kind::KindFilter::Kind(kind)) => Some(*kind),
            _ => None,
        };
        let shown: Vec<_> = (shown.iter())
            .map(|r| secrets.shown(r, Words::People(lang)))
            .collect();
        let shown: Vec<&Record> = shown.iter().map(AsRef::as_ref).collect();
        let t = table::table(&shown, kind, ctx.today, lang);
        let names = [
            "kind", "status", "unit", "owner", "person", "text", "since", "until",
        ];
        let query: String = (names.iter())
            .filter_map(|n| request.get(n).map(|v| format!("{n}={}&", encode(v))))
            .collect();
        let labels = [
            Web::Kind,
            Web::Status,
            Web::Unit,
            Web::Owner,
            Web::Person,
            Web::Text,
            Web::Since,
            Web::Until,
        ];
        let fields: Vec<(&str, Web, &str)> = (names.iter().zip(labels))
            .map(|(n, l)| (*n, l, request.get(n).unwrap_or_default()))
            .collect();
        Ok(pages::list(
            &ListPage {
                fields: &fields,
                table: &t,
                page,
                pages: pages_count,
                total,
                query: &query,
            },
            lang,
        ))
    }

    /// `/api/list`: `export json`'s records (list's JSON, titles withheld).
    fn api_list(&self, ctx: &Ctx, request: &Request) -> Result<Reply> {
        let register = ctx.register()?;
        let found = list::select(ctx, &register, &self.list_args(request)?)?;
        let secrets = Secrets::from_levels(&found.levels, Reveal::when(self.show_classified))
            .with_books(&register.config.logbooks);
        let mut out = Vec::new();
        write_json_array(
            &mut out,
            found
                .records
                .iter()
                .map(|r| rows::json(r, ctx.today, &secrets)),
        )?;
        Ok(Reply::Json(String::from_utf8_lossy(&out).into_owned()))
    }

    /// The brief of the period asked (this month by default), its IDs
    /// linked, under a form choosing the period.
    fn summary(&self, ctx: &Ctx, request: &Request) -> Result<Reply> {
        let register = ctx.register()?;
        let lang = ctx.lang();
        let args = self.summary_args(request)?;
        let period = ctx.period(&args.period)?;
        let given = request.get("period").unwrap_or_default();
        let fields = [("period", Web::Period, given)];
        let title = crate::i18n::brief_title(lang, &register.config.unit, period.from, period.to);
        let page = export::brief(
            ctx,
            &register,
            &period,
            self.show_classified,
            true,
            |page| {
                let body = maud::html! { (pages::filters("/summary", &fields, lang)) (brief::body(page, lang)) };
                pages::frame(lang, &title, body)
            },
        )?;
        Ok(Reply::Html(page))
    }
}

/// A query read by the command's own flags, so that a page refuses what
/// the command refuses, in the same words.
fn parse<T: Parser>(argv: Vec<String>) -> Result<T> {
    T::try_parse_from(argv).map_err(|e| {
        let text = e.render().to_string();
        let first = text.lines().next().unwrap_or_default();
        Error::BadQuery {
            message: first.trim_start_matches("error: ").to_string(),
        }
    })
}

#[derive(Parser)]
struct ListQuery {
    #[command(flatten)]
    args: list::Args,
}

#[derive(Parser)]
struct RemindQuery {
    #[command(flatten)]
    args: remind::Args,
}

#[derive(Parser)]
struct SummaryQuery {
    #[command(flatten)]
    args: summary::Args,
}
