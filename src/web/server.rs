//! The HTTP side of `serve`: a read-only server for one office, over
//! axum on a current-thread tokio runtime.
//!
//! It answers GET and HEAD only (405 to anything else: the view never
//! changes the register), checks the access code when one is set (given
//! once as `?token=`, then kept in an HttpOnly, SameSite=Strict cookie;
//! without it every page is 401), settles the language (`?lang=en|zh`,
//! kept in a cookie) and hands the rest to a [`Site`], which reads the
//! register afresh for each request. Every answer forbids scripts, frames
//! and fetching anything (Content-Security-Policy), so a hostile title
//! could do nothing even if it were not escaped.
//!
//! Requests are answered one at a time on one thread: reading the register
//! is the work, the cache makes it quick, and an office has few readers.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use std::net::TcpListener;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};

use crate::i18n::Lang;

/// What a request asks for, once let in.
pub struct Request {
    pub path: String,
    /// The query's pairs, in order, `token` and `lang` taken out.
    pub query: Vec<(String, String)>,
    /// The language asked for (`?lang=`, else the cookie); `None`: the
    /// register's.
    pub lang: Option<Lang>,
}

impl Request {
    /// The first value given for `name`, trimmed; empty as none.
    pub fn get(&self, name: &str) -> Option<&str> {
        (self.query.iter())
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim())
            .filter(|v| !v.is_empty())
    }
}

/// An answer.
pub enum Reply {
    Html(String),
    Json(String),
    /// An error page: its status and HTML.
    Status(StatusCode, String),
}

/// The pages: what each path shows. Refusals the server makes itself
/// (401, 405) are worded by it too, in the language settled for them.
pub trait Site: Send + Sync + 'static {
    fn reply(&self, request: &Request) -> Reply;
    /// The page of a refusal (`status`) in `lang` (`None`: the
    /// register's).
    fn refusal(&self, status: StatusCode, lang: Option<Lang>) -> String;
}

/// The cookie that keeps the access code.
const TOKEN_COOKIE: &str = "taizhang_token";
/// The cookie that keeps the language chosen.
const LANG_COOKIE: &str = "taizhang_lang";

struct Shared {
    site: Arc<dyn Site>,
    token: Option<String>,
}

/// Serves `site` on `listener` until the process ends; `token`, when set,
/// is the access code every request must carry.
pub fn run(
    listener: TcpListener,
    site: Arc<dyn Site>,
    token: Option<String>,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()?;
    let shared = Arc::new(Shared { site, token });
    let app = Router::new().fallback(answer).with_state(shared);
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::from_std(listener)?;
        axum::serve(listener, app).await
    })
}

async fn answer(
    State(shared): State<Arc<Shared>>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    Query(query): Query<Vec<(String, String)>>,
) -> Response {
    let cookies = cookies(&headers);
    let lang_asked = (query.iter())
        .find(|(k, _)| k == "lang")
        .map(|(_, v)| v.clone());
    let lang = match lang_asked
        .as_deref()
        .or_else(|| cookie(&cookies, LANG_COOKIE))
    {
        Some("en") => Some(Lang::En),
        Some("zh") => Some(Lang::Zh),
        _ => None,
    };
    if method != Method::GET && method != Method::HEAD {
        let mut response = refuse(&shared, StatusCode::METHOD_NOT_ALLOWED, lang);
        response
            .headers_mut()
            .insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    if let Some(token) = &shared.token {
        let given = query
            .iter()
            .find(|(k, _)| k == "token")
            .map(|(_, v)| v.as_str());
        if given.is_some_and(|g| same(g, token)) {
            return keep_token(uri.path(), &query, token);
        }
        if !cookie(&cookies, TOKEN_COOKIE).is_some_and(|c| same(c, token)) {
            return refuse(&shared, StatusCode::UNAUTHORIZED, lang);
        }
    }
    let request = Request {
        path: uri.path().to_string(),
        query: query
            .into_iter()
            .filter(|(k, _)| k != "token" && k != "lang")
            .collect(),
        lang,
    };
    let mut response = match shared.site.reply(&request) {
        Reply::Html(page) => page_response(StatusCode::OK, page),
        Reply::Json(text) => {
            let mut r = (StatusCode::OK, text).into_response();
            r.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("application/json; charset=utf-8"),
            );
            r
        }
        Reply::Status(status, page) => page_response(status, page),
    };
    if let (Some(asked), Some(_)) = (lang_asked, lang) {
        let cookie = format!("{LANG_COOKIE}={asked}; Path=/; SameSite=Strict; HttpOnly");
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    guard(&mut response);
    response
}

/// An HTML page with `status`.
fn page_response(status: StatusCode, page: String) -> Response {
    let mut r = (status, page).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r
}

fn refuse(shared: &Shared, status: StatusCode, lang: Option<Lang>) -> Response {
    let mut response = page_response(status, shared.site.refusal(status, lang));
    guard(&mut response);
    response
}

/// The access code was given in the address: kept in a cookie, and the
/// reader sent on to the same page without it, so that it leaves the
/// address bar and the history.
fn keep_token(path: &str, query: &[(String, String)], token: &str) -> Response {
    let rest: Vec<String> = (query.iter())
        .filter(|(k, _)| k != "token")
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    let location = if rest.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", rest.join("&"))
    };
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    let cookie = format!("{TOKEN_COOKIE}={token}; Path=/; HttpOnly; SameSite=Strict");
    if let (Ok(cookie), Ok(location)) = (
        HeaderValue::from_str(&cookie),
        HeaderValue::from_str(&location),
    ) {
        headers.insert(header::SET_COOKIE, cookie);
        headers.insert(header::LOCATION, location);
    }
    guard(&mut response);
    response
}

/// Headers on every answer: nothing to run, frame or fetch; no address
/// (which may hold the access code) sent on; nothing kept by a cache.
fn guard(response: &mut Response) {
    let headers = response.headers_mut();
    for (name, value) in [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "no-referrer"),
        (header::CACHE_CONTROL, "no-store"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
}

/// The request's cookies as (name, value).
fn cookies(headers: &HeaderMap) -> Vec<(String, String)> {
    (headers.get_all(header::COOKIE).iter())
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

fn cookie<'a>(cookies: &'a [(String, String)], name: &str) -> Option<&'a str> {
    cookies
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Whether two access codes are the same, in a time that does not tell
/// how much of a guess was right.
fn same(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Every byte but RFC 3986's unreserved ones (letters, digits, `-._~`).
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A value percent-encoded for a query string or a signature: only
/// unreserved characters kept. `notify` signs its robot URLs with it too.
pub fn encode(text: &str) -> String {
    utf8_percent_encode(text, UNRESERVED).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_compare_whole() {
        assert!(same("abc", "abc"));
        assert!(!same("abc", "abd") && !same("abc", "ab") && !same("", "a"));
    }

    #[test]
    fn query_values_are_encoded_for_an_address() {
        assert_eq!(
            encode("办公室 a&b=c"),
            "%E5%8A%9E%E5%85%AC%E5%AE%A4%20a%26b%3Dc"
        );
    }
}
